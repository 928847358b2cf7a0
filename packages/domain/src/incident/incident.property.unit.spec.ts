import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testContext } from '../testing/index.js';
import { checkSequences, commandsByType, inContext, withGarbage } from '../testing/properties.js';
import type { IncidentCommand } from './commands.js';
import { incidentDecider } from './decider.js';

const at = fc
  .integer({ min: 0, max: 600 })
  .map((m) => new Date(Date.parse('2026-11-20T00:00:00+08:00') + m * 60_000).toISOString());
const lead = fc.record({
  personId: fc.constantFrom('P-1', 'P-2'),
  role: fc.constant('主任'),
  unit: fc.constant('centre-01'),
});
const level = fc.constantFrom('I', 'II', 'III', 'IV', 'V');
const maybeAt = fc.option(at, { nil: undefined });

const plausible: Record<IncidentCommand['type'], fc.Arbitrary<unknown>> = {
  RaiseWarning: fc.record({
    incidentId: fc.constant('E-1'),
    title: fc.constant('停电'),
    level,
    affectedFacilities: fc.array(fc.constantFrom('F-1', 'F-2', 'F-3'), { maxLength: 3 }),
    lead,
    at: maybeAt,
  }),
  StartResponse: fc.record({ at: maybeAt }),
  BeginHandling: fc.record({ at: maybeAt }),
  ReleaseInformation: fc.record({
    channels: fc.constant(['微博']),
    summary: fc.constant('通告'),
    at: maybeAt,
  }),
  BeginRecovery: fc.record({ summary: fc.constant('恢复'), at: maybeAt }),
  CloseIncident: fc.record({
    assessment: fc.record({ summary: fc.constant('评估') }),
    at: maybeAt,
  }),
  ChangeLevel: fc.record({ level, reason: fc.constant('变化'), at: maybeAt }),
  ChangeLead: fc.record({ lead, at: maybeAt }),
  AddAffectedFacilities: fc.record({
    facilityIds: fc.array(fc.constantFrom('F-1', 'F-4'), { minLength: 1, maxLength: 2 }),
    at: maybeAt,
  }),
};
const command = withGarbage(commandsByType(plausible), Object.keys(plausible), {
  weights: { plausible: 8, mismatched: 0, anyData: 1, anything: 1 },
  probes: [],
}) as fc.Arbitrary<IncidentCommand>;

describe('Incident decider properties (EMG-01, EMG-02, X-05)', () => {
  it('EMG-01 EMG-02 no command sequence throws; folding reproduces the state; stages never go back', () => {
    const ctx = testContext({ now: '2026-11-20T12:00:00+08:00' });
    checkSequences(
      incidentDecider,
      inContext(fc.array(command, { maxLength: 30 }), ctx),
      (run) => {
        expect(run.refold).toEqual(run.state);
        const order = [
          'IncidentWarningIssued',
          'IncidentResponseStarted',
          'IncidentHandlingStarted',
          'IncidentRecoveryStarted',
          'IncidentClosed',
        ];
        const seen = run.events.map((e) => e.type).filter((t) => order.includes(t));
        expect(seen).toEqual(order.slice(0, seen.length));
      },
      { seed: 20261120, numRuns: 200 },
    );
  });
});
