import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { given, testContext } from '../../testing/index.js';
import type { EmergencyPlanCommand, EmergencyPlanCommandData } from './commands.js';
import { emergencyPlanDecider } from './decider.js';
import type { EmergencyPlanEvent } from './events.js';

const ctx = testContext();
const adopted: EmergencyPlanEvent = {
  type: 'EmergencyPlanAdopted',
  data: {
    planId: 'EP-WS-01',
    facilityClass: 'water-supply',
    title: '供水突发事件应急预案',
    version: '2026.1',
    adoptedOn: '2026-01-15',
    drillsDue: { specialized: '2026-04-15', comprehensive: '2027-01-15' },
  },
};
const drill: EmergencyPlanCommandData<'RecordDrill'> = {
  drillId: 'DR-2026-Q3',
  kind: 'specialized',
  heldOn: '2026-09-10',
  scenario: '主干管爆管停水',
  participants: { count: 24, units: ['water-co', 'centre-01'], staffIds: ['S-001'] },
  evaluation: { result: 'partly-effective', findings: '通知到位慢', improvements: '增加短信通知' },
};
const cmd = (type: EmergencyPlanCommand['type'], data: unknown) =>
  ({ type, data }) as EmergencyPlanCommand;

describe('Emergency plans per facility class and drills (EMG-03)', () => {
  it('EMG-03 adopts a plan for a facility class; the first drills are due by the policy cycles', () => {
    const { drillsDue: _d, ...data } = adopted.data;
    expect(given(emergencyPlanDecider).when(cmd('AdoptEmergencyPlan', data), ctx)).toEqual(
      E.right([adopted]),
    );
  });

  it('EMG-03 a plan needs its facility class', () => {
    const { facilityClass: _f, drillsDue: _d, ...data } = adopted.data;
    expect(given(emergencyPlanDecider).when(cmd('AdoptEmergencyPlan', data), ctx)).toEqual(
      E.left(
        expect.objectContaining({
          kind: 'validation',
          requirement: 'EMG-03',
          path: ['facilityClass'],
        }),
      ),
    );
  });

  it('EMG-03 records a drill with date, participants and evaluation; the next is due a cycle later', () => {
    const result = given(emergencyPlanDecider, [adopted]).when(cmd('RecordDrill', drill), ctx);
    expect(result).toEqual(
      E.right([
        {
          type: 'DrillRecorded',
          data: {
            ...drill,
            facilityClass: 'water-supply',
            planVersion: '2026.1',
            nextDueOn: '2026-12-10',
          },
        },
      ]),
    );
    const yearly = given(emergencyPlanDecider, [adopted]).when(
      cmd('RecordDrill', { ...drill, kind: 'comprehensive' }),
      ctx,
    );
    expect(E.isRight(yearly) && yearly.right[0]?.data).toMatchObject({ nextDueOn: '2027-09-10' });
  });

  it('EMG-03 a drill needs its evaluation and at least one participating unit', () => {
    const { evaluation: _e, ...noEvaluation } = drill;
    const result = given(emergencyPlanDecider, [adopted]).when(
      cmd('RecordDrill', { ...noEvaluation, participants: { count: 3, units: [] } }),
      ctx,
    );
    expect(
      E.isLeft(result) &&
        result.left.kind === 'validation' &&
        result.left.issues.map((i) => i.path.join('.')),
    ).toEqual(['participants.units', 'evaluation']);
  });

  it('EMG-03 refuses a drill before the plan exists, before its adoption, twice, or in the future', () => {
    expect(given(emergencyPlanDecider).when(cmd('RecordDrill', drill), ctx)).toEqual(
      E.left(expect.objectContaining({ code: 'EMERGENCY_PLAN_NOT_ADOPTED', kind: 'transition' })),
    );
    const h = given(emergencyPlanDecider, [
      adopted,
      {
        type: 'DrillRecorded',
        data: {
          ...drill,
          facilityClass: 'water-supply',
          planVersion: '2026.1',
          nextDueOn: '2026-12-10',
        },
      },
    ]);
    expect(h.when(cmd('RecordDrill', drill), ctx)).toEqual(
      E.left(expect.objectContaining({ code: 'EMERGENCY_DRILL_DUPLICATE' })),
    );
    expect(
      h.when(cmd('RecordDrill', { ...drill, drillId: 'D2', heldOn: '2026-01-14' }), ctx),
    ).toEqual(
      E.left(expect.objectContaining({ code: 'EMERGENCY_DATE_BEFORE_ADOPTION', path: ['heldOn'] })),
    );
    expect(
      h.when(cmd('RecordDrill', { ...drill, drillId: 'D2', heldOn: '2026-11-21' }), ctx),
    ).toEqual(E.left(expect.objectContaining({ code: 'EMERGENCY_DATE_IN_FUTURE' })));
  });

  it('EMG-03 revises a plan to a new version; later drills name it', () => {
    const h = given(emergencyPlanDecider, [adopted]);
    const revise = cmd('ReviseEmergencyPlan', {
      version: '2026.2',
      revisedOn: '2026-06-01',
      reason: '机构调整',
    });
    expect(h.when(revise, ctx)).toEqual(
      E.right([
        {
          type: 'EmergencyPlanRevised',
          data: {
            previousVersion: '2026.1',
            version: '2026.2',
            revisedOn: '2026-06-01',
            reason: '机构调整',
          },
        },
      ]),
    );
    expect(
      h.when(
        cmd('ReviseEmergencyPlan', { version: '2026.1', revisedOn: '2026-06-01', reason: 'x' }),
        ctx,
      ),
    ).toEqual(E.left(expect.objectContaining({ code: 'EMERGENCY_PLAN_VERSION_UNCHANGED' })));
    expect(
      given(emergencyPlanDecider, [adopted]).when(cmd('AdoptEmergencyPlan', adopted.data), ctx),
    ).toEqual(E.left(expect.objectContaining({ code: 'EMERGENCY_PLAN_ALREADY_ADOPTED' })));
  });
});
