import type { DataSubjectKeyStore, KeyLookup, SubjectKey } from '@civic-ledger/domain';
import { newSubjectKey } from './aes-gcm.js';

/** `kid` of a subject's key generation `n` (a new generation follows each erasure). */
export const subjectKeyId = (subjectId: string, generation: number): string =>
  `${subjectId}.k${generation}`;

/**
 * A {@link DataSubjectKeyStore} in process memory, for tests and demos. Erasing overwrites
 * the key bytes with zeros before dropping them, so no copy stays reachable from the store.
 */
export const createMemoryKeyStore = (): DataSubjectKeyStore & {
  /** Everything the store holds, for tests that search it. */
  readonly dump: () => readonly { kid: string; subjectId: string; key?: Uint8Array }[];
} => {
  const keys = new Map<string, { subjectId: string; key?: Uint8Array }>();
  const active = new Map<string, SubjectKey>();
  const generations = new Map<string, number>();
  const streams = new Map<string, string>();
  return {
    activeKey: async (subjectId) => {
      const current = active.get(subjectId);
      if (current) return current;
      const generation = (generations.get(subjectId) ?? 0) + 1;
      generations.set(subjectId, generation);
      const created: SubjectKey = {
        kid: subjectKeyId(subjectId, generation),
        subjectId,
        key: newSubjectKey(),
      };
      keys.set(created.kid, { subjectId, key: created.key });
      active.set(subjectId, created);
      return created;
    },
    lookup: async (kid): Promise<KeyLookup> => {
      const entry = keys.get(kid);
      if (!entry) return { state: 'unknown' };
      return entry.key ? { state: 'active', key: entry.key } : { state: 'erased' };
    },
    erase: async (subjectId) => {
      let destroyed = 0;
      for (const [kid, entry] of keys)
        if (entry.subjectId === subjectId && entry.key) {
          entry.key.fill(0);
          keys.set(kid, { subjectId });
          destroyed++;
        }
      active.delete(subjectId);
      return destroyed;
    },
    subjectOfStream: async (streamId) => streams.get(streamId),
    bindStream: async (streamId, subjectId) => {
      const bound = streams.get(streamId);
      if (bound !== undefined) return bound;
      streams.set(streamId, subjectId);
      return subjectId;
    },
    dump: () =>
      [...keys].map(([kid, e]) => ({
        kid,
        subjectId: e.subjectId,
        ...(e.key ? { key: e.key } : {}),
      })),
  };
};
