import type { DataSubjectKeyStore, KeyLookup, SubjectKey } from '@civic-ledger/domain';

/**
 * Remembers a key store's answers for one CLI run (a simulated city writes thousands of
 * fields of the same few subjects): active keys, lookups and stream bindings. Erasing
 * forgets that subject's entries first, so no destroyed key is served from memory.
 */
export const cachedKeyStore = (inner: DataSubjectKeyStore): DataSubjectKeyStore => {
  const active = new Map<string, Promise<SubjectKey>>();
  const lookups = new Map<string, Promise<KeyLookup>>();
  const streams = new Map<string, Promise<string | undefined>>();
  const remember = <K, V>(map: Map<K, Promise<V>>, key: K, load: () => Promise<V>) => {
    let found = map.get(key);
    if (!found) {
      found = load();
      map.set(key, found);
      found.catch(() => map.delete(key));
    }
    return found;
  };
  return {
    activeKey: (subjectId) => remember(active, subjectId, () => inner.activeKey(subjectId)),
    lookup: (kid) => remember(lookups, kid, () => inner.lookup(kid)),
    erase: async (subjectId) => {
      active.delete(subjectId);
      for (const kid of lookups.keys()) if (kid.startsWith(`${subjectId}.`)) lookups.delete(kid);
      return inner.erase(subjectId);
    },
    subjectOfStream: (streamId) =>
      remember(streams, streamId, () => inner.subjectOfStream(streamId)),
    bindStream: async (streamId, subjectId) => {
      const bound = await inner.bindStream(streamId, subjectId);
      streams.set(streamId, Promise.resolve(bound));
      return bound;
    },
  };
};
