import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { discoverTargets } from './discover.js';
import { deciderNeverThrows, handlerAppendsNothingInvalid, sizeLimitHolds } from './properties.js';

// Fixed seed and small run counts in CI; `long-run.ts` runs the same properties at scale.
const SEED = 20261121;
const { targets, unpaired } = discoverTargets();

describe('fuzzing every command schema and decider with arbitrary input (X-05)', () => {
  it('X-05 discovers the aggregates from the @civic-ledger/domain exports', () => {
    expect(targets.map((t) => t.name)).toEqual(
      expect.arrayContaining(['Privacy', 'SecurityAudit']),
    );
    expect(targets.length).toBeGreaterThanOrEqual(3);
    // A CommandSchemas export without its decider is worth knowing about, not a failure.
    if (unpaired.length > 0)
      console.warn(`CommandSchemas without a decider: ${unpaired.join(', ')}`);
  });

  describe.each(targets.map((t) => [t.name, t] as const))('%s', (_name, target) => {
    it('X-05 no arbitrary command sequence makes the decider throw; invalid input yields no event; refold = state', () => {
      fc.assert(deciderNeverThrows(target), { seed: SEED, numRuns: 150 });
    });

    it('X-05 through the command handler, invalid input appends nothing', async () => {
      await fc.assert(handlerAppendsNothingInvalid(target), { seed: SEED, numRuns: 25 });
    });
  });

  it('X-05 command data over the size limit is refused, data within it is not', () => {
    fc.assert(sizeLimitHolds(200), { seed: SEED, numRuns: 200 });
  });
});
