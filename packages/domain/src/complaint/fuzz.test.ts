// Shared by the property tests of the complaint, survey, audit, rectification and
// improvement deciders: random command sequences, garbage included, never throw, and folding
// the produced events from scratch gives the state the sequence reached.
import fc from 'fast-check';
import { expect } from 'vitest';
import type { DecideContext } from '../kernel/context.js';
import type { Decider } from '../kernel/decider.js';
import { testContext } from '../testing/index.js';
import { checkSequences, walkWithNoise, withGarbage } from '../testing/properties.js';

const instants = [
  '2026-09-30T10:00:00+08:00',
  '2026-10-08T09:00:00+08:00',
  '2026-10-10T17:00:00+08:00',
  '2026-12-31T23:59:00+08:00',
  '2027-03-01T08:00:00+08:00',
];
const roles = ['window-staff', 'supervisor', 'centre-head'];
const units = ['centre-01', 'supervision-dept', 'dept-02'];

/** A command stream that mixes valid samples, mismatched data, garbage data and garbage. */
const commandArb = <C extends { readonly type: string; readonly data: unknown }>(
  samples: readonly C[],
): fc.Arbitrary<C> =>
  withGarbage(
    fc.constantFrom(...samples),
    samples.map((s) => s.type),
  );

const ctxArb: fc.Arbitrary<DecideContext> = fc
  .tuple(fc.constantFrom(...instants), fc.constantFrom(...roles), fc.constantFrom(...units))
  .map(([now, role, unit]) => testContext({ now, actor: { id: `actor-${role}`, role, unit } }));

/**
 * Property: no sequence throws; refolding reproduces the state; event data is plain JSON.
 * `mustReach` lists event types that some generated sequence has to produce, so that the
 * property is known to explore the whole lifecycle and not only its first step.
 */
export const assertNeverThrows = <
  C extends { readonly type: string; readonly data: unknown },
  Ev,
  S,
>(
  decider: Decider<C, Ev, S, DecideContext>,
  samples: readonly C[],
  seed: number,
  mustReach: readonly string[] = [],
): void => {
  const reached = new Set<string>();
  const commands = fc.oneof(
    fc.array(commandArb(samples), { maxLength: 25 }),
    walkWithNoise(samples, commandArb(samples)),
  );
  checkSequences(
    decider,
    commands.chain((cs) =>
      fc
        .tuple(...cs.map(() => ctxArb))
        .map((ctxs) => cs.map((command, i) => ({ command, ctx: ctxs[i] ?? testContext() }))),
    ),
    (run) => {
      expect(run.refold).toEqual(run.state);
      for (const event of run.events) {
        expect(JSON.parse(JSON.stringify(event))).toEqual(event);
        reached.add((event as { type: string }).type);
      }
    },
    { seed, numRuns: 250 },
  );
  expect([...mustReach].filter((t) => !reached.has(t))).toEqual([]);
};
