import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testContext } from '../testing/index.js';
import { checkSequences, inContext, withGarbage } from '../testing/properties.js';
import type { EmergencyPlanCommand } from './plan/commands.js';
import { emergencyPlanDecider } from './plan/decider.js';
import type { ReserveCommand } from './reserve/commands.js';
import { reserveDecider } from './reserve/decider.js';

const ctx = testContext();
const date = fc.constantFrom('2025-12-31', '2026-01-15', '2026-06-30', '2026-11-20', '2026-11-21');
const id = fc.constantFrom('A', 'B', 'C');

const planCommands = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('AdoptEmergencyPlan'),
      data: fc.record({
        planId: id,
        facilityClass: fc.constant('power'),
        title: fc.constant('预案'),
        version: fc.constantFrom('1', '2'),
        adoptedOn: date,
      }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('ReviseEmergencyPlan'),
      data: fc.record({
        version: fc.constantFrom('1', '2', '3'),
        revisedOn: date,
        reason: fc.constant('r'),
      }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('RecordDrill'),
      data: fc.record({
        drillId: id,
        kind: fc.constantFrom('specialized', 'comprehensive', 'x'),
        heldOn: date,
        scenario: fc.constant('s'),
        participants: fc.record({
          count: fc.integer({ min: 0, max: 3 }),
          units: fc.constant(['u']),
        }),
        evaluation: fc.record({ result: fc.constant('effective'), findings: fc.constant('f') }),
      }),
    }),
  },
);
const planCommand = withGarbage(
  planCommands,
  ['AdoptEmergencyPlan', 'ReviseEmergencyPlan', 'RecordDrill'],
  { weights: { plausible: 9, mismatched: 0, anyData: 0, anyType: 1, anything: 1 }, probes: [] },
) as fc.Arbitrary<EmergencyPlanCommand>;

const reserveCommand = withGarbage(
  fc.record({
    type: fc.constant('RecordReserveCapacity'),
    data: fc.record({
      recordId: id,
      facilityId: fc.constantFrom('F-1', 'F-2'),
      kind: fc.constantFrom('water', 'backup-power'),
      measuredAt: fc.option(
        fc.constantFrom('2026-11-19T08:00:00+08:00', '2026-11-20T08:00:00+08:00'),
        {
          nil: undefined,
        },
      ),
      reserve: fc.double({ min: -1, max: 200, noNaN: true }),
      demand: fc.double({ min: -1, max: 200, noNaN: true }),
      measure: fc.constant('m3'),
    }),
  }),
  ['RecordReserveCapacity'],
  { weights: { plausible: 8, mismatched: 0, anyData: 1, anything: 1 }, probes: [] },
) as fc.Arbitrary<ReserveCommand>;

describe('Emergency plan and reserve deciders properties (EMG-03, EMG-04, X-05)', () => {
  it('EMG-03 no command sequence throws and folding reproduces the state', () => {
    checkSequences(
      emergencyPlanDecider,
      inContext(fc.array(planCommand, { maxLength: 25 }), ctx),
      (run) => {
        expect(run.refold).toEqual(run.state);
      },
      { seed: 20261120, numRuns: 200 },
    );
  });

  it('EMG-04 no command sequence throws, folding reproduces the state, and every breach is below its minimum', () => {
    checkSequences(
      reserveDecider,
      inContext(fc.array(reserveCommand, { maxLength: 25 }), ctx),
      (run) => {
        expect(run.refold).toEqual(run.state);
        for (const e of run.events)
          if (e.type === 'ReserveCapacityBelowMinimum')
            expect(e.data.ratio).toBeLessThan(e.data.minimum);
      },
      { seed: 20261120, numRuns: 200 },
    );
  });
});
