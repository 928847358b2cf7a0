import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { given } from '../testing/index.js';
import type { StaffCommand } from './commands.js';
import { staffDecider } from './decider.js';
import type { StaffEvent } from './events.js';
import { ctx, registered } from './fixtures.test.js';

describe('Training, assessment (STF-03) and performance (STF-05)', () => {
  it('STF-03 records a training with its date and the next one due by the policy interval', () => {
    const result = given(staffDecider, [registered()]).when(
      {
        type: 'RecordTraining',
        data: {
          trainingId: 'TR-2026-08',
          topic: '服务礼仪',
          trainedOn: '2026-08-31',
          hours: 4,
          passed: true,
        },
      },
      ctx(),
    );
    expect(result).toEqual(
      E.right([
        {
          type: 'TrainingRecorded',
          data: {
            trainingId: 'TR-2026-08',
            topic: '服务礼仪',
            trainedOn: '2026-08-31',
            hours: 4,
            passed: true,
            nextTrainingDueOn: '2027-02-28',
          },
        },
      ]),
    );
  });

  it('STF-03 refuses a training in the future and a training id used twice', () => {
    const trained: StaffEvent = {
      type: 'TrainingRecorded',
      data: {
        trainingId: 'TR-1',
        topic: '应急处置',
        trainedOn: '2026-05-01',
        nextTrainingDueOn: '2026-11-01',
      },
    };
    const h = given(staffDecider, [registered(), trained]);
    expect(
      h.when(
        {
          type: 'RecordTraining',
          data: { trainingId: 'TR-1', topic: 'x', trainedOn: '2026-06-01' },
        },
        ctx(),
      ),
    ).toEqual(
      E.left(expect.objectContaining({ code: 'STAFF_TRAINING_DUPLICATE', path: ['trainingId'] })),
    );
    expect(
      h.when(
        {
          type: 'RecordTraining',
          data: { trainingId: 'TR-2', topic: 'x', trainedOn: '2026-11-21' },
        },
        ctx(),
      ),
    ).toEqual(
      E.left(expect.objectContaining({ code: 'STAFF_DATE_IN_FUTURE', requirement: 'STF-03' })),
    );
    expect(h.state.lastTrainedOn).toBe('2026-05-01');
  });

  it('STF-03 records a quarterly assessment with its result; the next is due by the policy interval', () => {
    const result = given(staffDecider, [registered()]).when(
      {
        type: 'RecordAssessment',
        data: {
          assessmentId: 'AS-2026Q3',
          assessedOn: '2026-10-08',
          period: { from: '2026-07-01', to: '2026-09-30' },
          result: 'good',
          score: 88,
        },
      },
      ctx(),
    );
    expect(E.isRight(result) && result.right[0]?.data).toMatchObject({
      result: 'good',
      nextAssessmentDueOn: '2027-01-08',
    });
  });

  it('STF-03 rejects an assessment with an unknown result or a score over 100', () => {
    const result = given(staffDecider, [registered()]).when(
      {
        type: 'RecordAssessment',
        data: { assessmentId: 'A', assessedOn: '2026-10-08', result: 'meh', score: 101 },
      } as unknown as StaffCommand,
      ctx(),
    );
    expect(
      E.isLeft(result) &&
        result.left.kind === 'validation' &&
        result.left.issues.map((i) => i.path[0]),
    ).toEqual(['result', 'score']);
  });

  it('STF-05 records quantitative and qualitative performance with the role and unit', () => {
    const result = given(staffDecider, [registered()]).when(
      {
        type: 'RecordPerformance',
        data: {
          recordId: 'PF-2026H2',
          period: { from: '2026-07-01', to: '2026-09-30' },
          quantitative: {
            servicesHandled: 812,
            averageHandlingMinutes: 11.5,
            satisfactionRate: 0.97,
          },
          qualitative: '主动服务，群众评价好',
          rating: 'excellent',
          usedFor: ['bonus'],
        },
      },
      ctx(),
    );
    expect(E.isRight(result) && result.right[0]).toMatchObject({
      type: 'PerformanceRecorded',
      data: { role: 'window-staff', unit: 'centre-01', quantitative: { servicesHandled: 812 } },
    });
  });

  it('STF-05 rejects a performance record with neither a quantitative nor a qualitative result', () => {
    const result = given(staffDecider, [registered()]).when(
      {
        type: 'RecordPerformance',
        data: { recordId: 'PF-1', period: { from: '2026-07-01', to: '2026-09-30' } },
      },
      ctx(),
    );
    expect(result).toEqual(
      E.left(
        expect.objectContaining({
          requirement: 'STF-05',
          path: ['quantitative'],
          kind: 'validation',
        }),
      ),
    );
  });
});
