import { describe, expect, it } from 'vitest';
import { createSnapshotCache, type StreamSnapshot } from './snapshot-cache.js';

const snap = (version: number): StreamSnapshot => ({
  decider: {},
  state: {},
  version,
  lastHash: '',
  commandIds: new Set<string>(),
});

const kept = (cache: ReturnType<typeof createSnapshotCache>, ids: readonly string[]) =>
  ids.filter((id) => cache.get(id) !== undefined);

describe('snapshot cache (design: a snapshot story)', () => {
  it('given a full cache, when a stream is added, then one not used since is evicted, not a used one', () => {
    const cache = createSnapshotCache(3);
    cache.set('a', snap(1));
    cache.set('b', snap(1));
    cache.set('c', snap(1));
    cache.get('a');
    cache.get('c');
    cache.set('d', snap(1));
    expect(kept(cache, ['a', 'b', 'c', 'd'])).toEqual(['a', 'c', 'd']);
  });

  it('given every cached stream used lately, when a stream is added, then the newcomer stays and the size holds', () => {
    const cache = createSnapshotCache(2);
    cache.set('a', snap(1));
    cache.set('b', snap(1));
    cache.get('a');
    cache.get('b');
    cache.set('c', snap(1));
    const left = kept(cache, ['a', 'b', 'c']);
    expect(left).toContain('c');
    expect(left).toHaveLength(2);
  });

  it('when a cached stream is set again, then the newer snapshot is returned and nothing is evicted', () => {
    const cache = createSnapshotCache(2);
    cache.set('a', snap(1));
    cache.set('b', snap(1));
    cache.set('a', snap(2));
    expect(cache.get('a')?.version).toBe(2);
    expect(kept(cache, ['a', 'b'])).toEqual(['a', 'b']);
  });

  it('deletes a stream, and a cache of size 0 keeps nothing', () => {
    const cache = createSnapshotCache(2);
    cache.set('a', snap(1));
    cache.delete('a');
    expect(cache.get('a')).toBeUndefined();
    const none = createSnapshotCache(0);
    none.set('a', snap(1));
    expect(none.get('a')).toBeUndefined();
  });
});
