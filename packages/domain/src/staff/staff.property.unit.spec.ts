import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSequences, commandsByType, withGarbage } from '../testing/properties.js';
import type { StaffCommand } from './commands.js';
import { plusDays } from './dates.js';
import { staffDecider } from './decider.js';
import { ctx } from './fixtures.test.js';
import { StaffRoleSchema } from './roles.js';
import { ConductKindSchema } from './triggers.js';

// Small pools so that ids collide, thresholds are reached and rules are exercised.
const date = fc.integer({ min: 0, max: 1060 }).map((n) => plusDays('2024-01-01', n));
const id = fc.constantFrom('A', 'B', 'C', 'D-008');
const text = fc.constantFrom('理由', 'reason', ' ');
const role = fc.constantFrom(...StaffRoleSchema.options);

const plausible: Record<StaffCommand['type'], fc.Arbitrary<unknown>> = {
  RegisterStaff: fc.record({
    staffId: fc.constant('D-007'),
    name: fc.constant('王芳'),
    role,
    unit: fc.constant('centre-01'),
    secondment: fc.option(fc.record({ sendingUnit: fc.constant('dept-x'), startDate: date }), {
      nil: undefined,
    }),
  }),
  ChangeRole: fc.record({ role, effectiveDate: date }),
  PutOnPost: fc.record({ date }),
  TakeOffPost: fc.record({ date, reason: text }),
  RecordCertificate: fc.record({ kind: id, number: id, validFrom: date, validUntil: date }),
  RenewCertificate: fc.record({ kind: id, number: id, renewedOn: date, validUntil: date }),
  RevokeCertificate: fc.record({ kind: id, number: id, revokedOn: date, reason: text }),
  RecordTraining: fc.record({ trainingId: id, topic: text, trainedOn: date }),
  RecordAssessment: fc.record({
    assessmentId: id,
    assessedOn: date,
    result: fc.constantFrom('good', 'fail', 'bad'),
  }),
  RecordPerformance: fc.record({
    recordId: id,
    period: fc.record({ from: date, to: date }),
    qualitative: fc.option(text, { nil: undefined }),
  }),
  RecordConductIncident: fc.record({
    recordId: fc.constantFrom('R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7'),
    kind: fc.constantFrom(...ConductKindSchema.options),
    occurredOn: date,
    quantity: fc.integer({ min: 1, max: 6 }),
  }),
  RecordVerifiedComplaint: fc.record({
    complaintId: id,
    verifiedAt: date.map((d) => `${d}T10:00:00+08:00`),
  }),
  EndSecondment: fc.record({
    endDate: date,
    reason: text,
    earlyEndReason: fc.option(text, { nil: undefined }),
    successorStaffId: fc.option(id, { nil: undefined }),
    noSuccessorReason: fc.option(text, { nil: undefined }),
  }),
};

const command = withGarbage(commandsByType(plausible), Object.keys(plausible), {
  weights: { plausible: 8, mismatched: 0, anyData: 1, anyType: 1, anything: 1 },
  probes: [],
}) as fc.Arbitrary<StaffCommand>;

const step = fc.record({
  command,
  successor: fc.option(
    fc.record({
      staffId: id,
      onPost: fc.boolean(),
      onPostSince: fc.option(date, { nil: undefined }),
    }),
    { nil: undefined },
  ),
});

describe('Staff decider properties (STF-01 … STF-05, X-05)', () => {
  it('STF-01 STF-02 STF-03 STF-04 STF-05 no command sequence throws, and folding the events reproduces the state', () => {
    const register = {
      command: {
        type: 'RegisterStaff',
        data: {
          staffId: 'D-007',
          name: '王芳',
          role: 'seconded-department-staff',
          unit: 'centre-01',
          secondment: { sendingUnit: 'dept-x', startDate: '2024-03-01' },
        },
      } as StaffCommand,
      ctx: ctx(),
    };
    checkSequences(
      staffDecider,
      fc.array(step, { minLength: 1, maxLength: 40 }).map((steps) => [
        register,
        ...steps.map(({ command, successor }) => ({
          command,
          ctx: ctx(
            successor === undefined ? {} : { successor: JSON.parse(JSON.stringify(successor)) },
          ),
        })),
      ]),
      (run) => {
        expect(run.refold).toEqual(run.state);
        // Events are plain JSON: nothing is lost on a round trip through the store.
        expect(JSON.parse(JSON.stringify(run.events))).toEqual(run.events);
      },
      { seed: 20261120, numRuns: 200 },
    );
  });
});
