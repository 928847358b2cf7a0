import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runSequence } from '../testing/index.js';
import type { FacilityCommand } from './commands.js';
import type { FacilityContext } from './context.js';
import { facilityDecider } from './decider.js';
import { FacilityEventSchemas } from './events.js';
import { checksum, ctx, pipeFitter, register } from './fixtures.test.js';
import { overdueTasks } from './queries.js';

const id = fc.constantFrom('A', 'B');
const person = fc.record({
  id: fc.constantFrom('mnt-01', 'mnt-02', 'head-01'),
  name: fc.constant('某师傅'),
});
const instant = fc.constantFrom(
  '2026-11-18T08:00:00+08:00',
  '2026-11-20T08:00:00+08:00',
  '2026-12-05T08:00:00+08:00',
  '2027-03-01T08:00:00+08:00',
);
const date = fc.constantFrom('2026-11-20', '2026-11-30', '2027-01-31', '2027-02-28');
const cycle = fc.record({
  unit: fc.constantFrom('day', 'week', 'month', 'year'),
  count: fc.integer({ min: 1, max: 4 }),
});
const text = fc.constantFrom('内容', 'x', '检查');
const doc = fc.record({
  documentId: id,
  kind: fc.constantFrom('drawing', 'manual'),
  title: text,
  uri: fc.constant('https://docs.example.gov.cn/a.pdf'),
  checksum: fc.constant(checksum),
});
const stage = fc.constantFrom(
  'needs-analysis',
  'design',
  'approval',
  'implementation',
  'acceptance',
  'operation',
);

/** An optional field that is mostly absent (present one time in four). */
const rarely = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { freq: 3, nil: undefined });

const c = <T extends string>(type: T, data: fc.Arbitrary<unknown>) =>
  data.map((d) => ({ type, data: d }) as unknown as FacilityCommand);

// Rare in sequences: it ends every sequence's interesting part.
const decommission = c('DecommissionFacility', fc.record({ reason: text, effectiveDate: date }));

const validCommands: fc.Arbitrary<FacilityCommand>[] = [
  fc.constantFrom(
    register(),
    register({ category: 'hall', classKey: 'signage', subClass: undefined }),
    register({ category: 'public-service', classKey: 'culture', subClass: undefined }),
  ),
  c('AttachTechnicalDocument', fc.record({ document: doc })),
  c(
    'CorrectFacilityRegistration',
    fc.record({ changes: fc.record({ name: text }, { requiredKeys: [] }), reason: text }),
  ),
  decommission,
  c(
    'AddMaintenancePlanItem',
    fc.record({
      planItemId: id,
      taskKind: fc.constantFrom('routine', 'periodic', 'special', 'pipe-pressure-check', 'patrol'),
      title: text,
      person,
      post: text,
      schedule: fc.record(
        {
          mode: fc.constantFrom('fixed', 'floating'),
          firstDueDate: date,
          cycle,
          riskLevel: fc.constantFrom('high', 'medium', 'low'),
        },
        { requiredKeys: [] },
      ),
      responsibility: text,
    }),
  ),
  c('RetireMaintenancePlanItem', fc.record({ planItemId: id, reason: text })),
  c(
    'CompleteMaintenanceTask',
    fc.record({
      taskId: fc.constantFrom('A:1', 'A:2', 'B:1', 'C:3'),
      performedAt: instant,
      performedBy: person,
    }),
  ),
  c(
    'RecordInspection',
    fc.record({
      recordId: id,
      recordNumber: id,
      taskId: rarely(fc.constantFrom('A:1', 'A:2', 'B:1')),
      performedAt: instant,
      personnel: fc.constant([{ id: 'mnt-01', name: '王' }]),
      maintainerId: fc.constantFrom('mnt-01', 'mnt-01', 'mnt-02'),
      content: text,
      result: fc.constantFrom('normal', 'abnormal', 'repaired', 'replaced'),
      condition: fc.constantFrom('intact', 'not-intact'),
      supersedesRecordId: rarely(id),
    }),
  ),
  c(
    'ReviewMaintenanceRecord',
    fc.record({ recordId: id, decision: fc.constantFrom('approved', 'returned') }),
  ),
  c(
    'ReportFault',
    fc.oneof(
      fc.record({
        source: fc.constant('ticket'),
        ticketId: id,
        description: text,
        urgency: fc.constantFrom('urgent', 'routine'),
      }),
      fc.record({ source: fc.constant('inspection'), recordId: id, description: text }),
      fc.record({
        source: fc.constant('usage'),
        usageRecordId: id,
        description: text,
        faultId: id,
      }),
    ),
  ),
  c(
    'DismissFault',
    fc.record({ faultId: fc.constantFrom('ticket-A', 'A-fault', 'A'), reason: text }),
  ),
  c(
    'OrderRepair',
    fc.record(
      {
        repairOrderId: id,
        faultId: fc.constantFrom('ticket-A', 'ticket-B', 'A-fault', 'B', 'inspection-A'),
        repairClass: fc.constantFrom('minor', 'moderate', 'major', 'replacement'),
        priority: fc.constantFrom('urgent', 'routine'),
        assignee: person,
        assessment: fc.constant({
          damageDegree: 'severe',
          damageDescription: 'x',
          userFeedback: 'x',
          repairCost: { amount: 1 },
          replacementCost: { amount: 2 },
          justification: 'x',
        }),
      },
      { requiredKeys: ['repairOrderId', 'faultId', 'repairClass', 'priority', 'assignee'] },
    ),
  ),
  c('StartRepair', fc.record({ repairOrderId: id, startedAt: instant, performedBy: person })),
  c(
    'CompleteRepair',
    fc.record({ repairOrderId: id, performedAt: instant, performedBy: person, outcome: text }),
  ),
  c(
    'RecordUsage',
    fc.record(
      {
        usageRecordId: id,
        user: fc.record({ id: fc.constant('op-1') }, { requiredKeys: [] }),
        usedAt: instant,
        state: fc.constantFrom('normal', 'abnormal', 'out-of-service'),
        operation: text,
        fault: fc.record({ faultId: id, description: text }),
      },
      { requiredKeys: ['usageRecordId', 'user', 'usedAt', 'state', 'operation'] },
    ),
  ),
  c(
    'OpenRenovationProject',
    fc.record({ projectId: id, kind: fc.constantFrom('functional', 'smart'), title: text }),
  ),
  c(
    'CompleteRenovationStage',
    fc.record({ projectId: id, stage, summary: text, responsible: person }),
  ),
  c(
    'RecordSafetyRecord',
    fc.record(
      {
        safetyRecordId: id,
        kind: fc.constantFrom('emergency-plan', 'drill', 'emergency-response'),
        title: text,
        occurredAt: instant,
        summary: text,
        evaluation: text,
      },
      { requiredKeys: ['safetyRecordId', 'kind', 'title', 'occurredAt', 'summary'] },
    ),
  ),
  c(
    'ReviewSafetyRecord',
    fc.record({ safetyRecordId: id, decision: fc.constantFrom('approved', 'returned') }),
  ),
  c(
    'DraftMaintenanceReport',
    fc.record({
      reportId: id,
      period: fc.constant({ from: '2026-10-01', to: '2026-12-31' }),
      overview: fc.constant({ function: 'x', usage: 'x' }),
      content: text,
      results: text,
      conclusion: fc.constant({ condition: 'intact', advice: 'x', nextPlan: 'x' }),
      recordNumbers: fc.array(id, { maxLength: 2 }),
      responsiblePerson: person,
    }),
  ),
  c(
    'ReviewMaintenanceReport',
    fc.record({ reportId: id, decision: fc.constantFrom('approved', 'returned') }),
  ),
  c('SubmitMaintenanceReport', fc.record({ reportId: id, submittedTo: text })),
];

const commandTypes = [
  'RegisterFacility',
  'RecordInspection',
  'OrderRepair',
  'AddMaintenancePlanItem',
  'ReportFault',
  'Nope',
];
/** Garbage: known and unknown types with arbitrary data, and commands that are not objects. */
const garbage: fc.Arbitrary<FacilityCommand> = fc.oneof(
  fc.record({ type: fc.constantFrom(...commandTypes), data: fc.anything() }),
  fc.anything(),
) as fc.Arbitrary<FacilityCommand>;

const context: fc.Arbitrary<FacilityContext> = fc
  .record({
    now: fc.constantFrom(
      '2026-11-20T09:00:00+08:00',
      '2026-12-06T09:00:00+08:00',
      '2027-03-02T09:00:00+08:00',
    ),
    actorId: fc.constantFrom('mnt-01', 'head-01', 'mh-01'),
    role: fc.constantFrom('maintainer', 'department-head', 'maintenance-head'),
    certified: fc.boolean(),
  })
  .map(({ now, actorId, role, certified }) =>
    ctx({
      now,
      actor: { id: actorId, role, unit: 'u' },
      certificates: certified ? [pipeFitter] : [],
    }),
  );

const step = fc.record({
  command: fc.oneof(
    {
      weight: 9,
      arbitrary: fc.oneof(
        ...validCommands.map((arbitrary) => ({
          arbitrary,
          weight: arbitrary === decommission ? 1 : 4,
        })),
      ),
    },
    { weight: 1, arbitrary: garbage },
  ),
  ctx: context,
});
const sequence = fc
  .tuple(
    fc.constant({ command: register(), ctx: ctx() }),
    fc.array(step, { minLength: 10, maxLength: 40 }),
  )
  .map(([first, rest]) => [first, ...rest]);

describe('Facility decider properties (X-05, X-01)', () => {
  it('FAC-01…FAC-13 no command sequence makes the decider throw, and folding its events reproduces the state', () => {
    fc.assert(
      fc.property(sequence, (steps) => {
        const run = runSequence(facilityDecider, steps);
        expect(run.refold).toEqual(run.state);
      }),
      { seed: 20261120, numRuns: 250 },
    );
  });

  it('X-05 every produced event matches its schema and is plain JSON', () => {
    fc.assert(
      fc.property(sequence, (steps) => {
        const run = runSequence(facilityDecider, steps);
        for (const event of run.events) {
          const schema = FacilityEventSchemas[event.type];
          expect(
            schema.safeParse(event.data).success,
            `${event.type} ${JSON.stringify(event.data)}`,
          ).toBe(true);
          expect(JSON.parse(JSON.stringify(event.data))).toEqual(event.data);
        }
      }),
      { seed: 7, numRuns: 150 },
    );
  });

  it('FAC-12 overdueTasks lists exactly the open tasks whose due time has passed', () => {
    fc.assert(
      fc.property(
        sequence,
        fc.constantFrom('2026-12-01T00:00:00+08:00', '2027-06-01T00:00:00Z', 'not a time'),
        (steps, asOf) => {
          const { state } = runSequence(facilityDecider, steps);
          const overdue = overdueTasks(state, asOf);
          const expected = Object.values(state.openTasks).filter(
            (t) => Date.parse(t.dueAt) <= Date.parse(asOf),
          );
          expect(overdue.map((t) => t.taskId).sort()).toEqual(expected.map((t) => t.taskId).sort());
        },
      ),
      { seed: 11, numRuns: 100 },
    );
  });

  it('the generators reach the interesting events (the properties are not vacuous)', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(sequence, (steps) => {
        for (const e of runSequence(facilityDecider, steps).events) seen.add(e.type);
      }),
      { seed: 20261120, numRuns: 250 },
    );
    const missing = Object.keys(FacilityEventSchemas).filter((t) => !seen.has(t));
    expect(missing).toEqual([]);
  });
});
