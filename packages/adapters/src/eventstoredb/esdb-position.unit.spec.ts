import { describe, expect, it } from 'vitest';
import { packPosition, unpackPosition } from './esdb-position.js';

describe('ESDB positions as one bigint', () => {
  it('round-trips (commit, prepare) pairs beyond 2⁵³ and 2⁶³', () => {
    for (const p of [
      { commit: 0n, prepare: 0n },
      { commit: 2n ** 53n + 1n, prepare: 2n ** 53n + 3n },
      { commit: 2n ** 63n - 1n, prepare: 2n ** 64n - 1n },
    ])
      expect(unpackPosition(packPosition(p))).toEqual(p);
  });

  it('orders like the pairs: by commit, then by prepare', () => {
    const a = packPosition({ commit: 100n, prepare: 180n });
    const b = packPosition({ commit: 100n, prepare: 190n });
    const c = packPosition({ commit: 200n, prepare: 110n });
    expect(a < b && b < c).toBe(true);
  });
});
