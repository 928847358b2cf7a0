import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interned } from '../kernel/fact-table.js';
import { NO_BASE, unitListIdOf } from './unit-ids.js';
import { unitKeys, unitListId, unitsIdOf } from './units.js';
import type { UnitKind } from './value.js';

// Remembered ids must be exactly the ids the lists would give: the same list, the same
// index, in a state whose `unitLists` is saved and reloaded with its facts.
const id = fc.option(fc.constantFrom('C1', 'C2', 'W1', 'S1', 'S2', 'D1', 'centre', ''), {
  nil: undefined,
});
const kind = fc.constantFrom<UnitKind>('centre', 'window', 'staff', 'department');
const pairs = fc.array(fc.tuple(kind, id), { minLength: 1, maxLength: 4 });
const step = fc.oneof(
  fc.record({ merge: fc.constant(false as const), pairs }),
  fc.record({
    merge: fc.constant(true as const),
    base: fc.nat(6),
    drop: fc.option(kind, { nil: undefined }),
    pairs: fc.array(fc.tuple(kind, id), { minLength: 1, maxLength: 3 }),
  }),
);

describe('KPI unit-list ids remembered by their parts', () => {
  it('K-01 K-05 give the ids and lists that building and interning the keys gives, in any order of calls', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const remembered = interned<readonly string[]>();
        const built = interned<readonly string[]>();
        for (const s of steps) {
          const [k1, i1] = s.pairs[0]!;
          const [k2, i2] = s.pairs[1] ?? [];
          const [k3, i3] = s.pairs[2] ?? [];
          const [k4, i4] = s.pairs[3] ?? [];
          if (!s.merge) {
            expect(
              unitListIdOf(remembered, NO_BASE, undefined, k1, i1, k2, i2, k3, i3, k4, i4),
            ).toBe(unitsIdOf(built, ...s.pairs));
            continue;
          }
          // The base must exist in both: it is an id a fact already holds.
          const base = Math.min(s.base, built.values.length - 1);
          if (base < 0) continue;
          const prefix = s.drop === undefined ? undefined : `${s.drop}:`;
          const kept = (built.values[base] ?? []).filter((u) => !prefix || !u.startsWith(prefix));
          const expected = unitListId(built, [...new Set([...kept, ...unitKeys(...s.pairs)])]);
          expect(unitListIdOf(remembered, base, s.drop, k1, i1, k2, i2, k3, i3)).toBe(expected);
        }
        expect(remembered.values).toEqual(built.values);
        expect([...remembered.ids]).toEqual([...built.ids]);
      }),
      { seed: 20261121, numRuns: 300 },
    );
  });
});
