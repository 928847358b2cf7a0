import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { definePolicy } from '../policy/define-policy.js';
import { given, testContext } from '../testing/index.js';
import type { SurveyCommand } from './commands.js';
import { surveyDecider, surveyStreamId } from './decider.js';
import type { SurveyEvent } from './events.js';

const ctx = testContext({ now: '2026-12-20T10:00:00+08:00' });

const plan: SurveyCommand = {
  type: 'PlanSurvey',
  data: {
    surveyId: 'S2026-Q4',
    title: '2026年第四季度居民满意度调查',
    period: '2026-Q4',
    unitId: 'centre-01',
    target: 'facility',
    strata: [
      { id: 'elderly', name: '老年居民', population: 400, sampleSize: 20 },
      { id: 'working', name: '在职居民', population: 900, sampleSize: 40 },
    ],
    questions: [
      { id: 'q1', text: '您对服务态度是否满意', dimension: 'attitude' },
      { id: 'q2', text: '您对办事效率是否满意', dimension: 'efficiency' },
    ],
  },
};
const issue = (stratumId: string, count: number): SurveyCommand => ({
  type: 'IssueQuestionnaires',
  data: { stratumId, count },
});
const respond = (responseId: string, stratumId: string, l1: number, l2: number): SurveyCommand => ({
  type: 'RecordSurveyResponse',
  data: {
    responseId,
    stratumId,
    answers: [
      { questionId: 'q1', level: l1 },
      { questionId: 'q2', level: l2 },
    ],
  },
});

const run = (commands: readonly SurveyCommand[]): SurveyEvent[] => {
  const events: SurveyEvent[] = [];
  for (const c of commands) {
    const r = given(surveyDecider, events).when(c, ctx);
    if (E.isLeft(r)) throw new Error(JSON.stringify(r.left));
    events.push(...r.right);
  }
  return events;
};

describe('Resident survey (SAT-03)', () => {
  it('SAT-03 plans a quarterly survey with a stratified sample and a questionnaire', () => {
    const [planned] = run([plan]);
    expect(planned).toMatchObject({
      type: 'SurveyPlanned',
      data: { period: '2026-Q4', sampleSize: 60, plannedAt: ctx.now },
    });
    expect(surveyStreamId('S2026-Q4')).toBe('survey-S2026-Q4');
  });

  it('SAT-03 rejects a sample larger than its stratum and duplicate question ids', () => {
    const result = given(surveyDecider).when(
      {
        ...plan,
        data: {
          ...plan.data,
          strata: [{ id: 'a', name: 'A', population: 5, sampleSize: 6 }],
          questions: [
            { id: 'q1', text: 'x' },
            { id: 'q1', text: 'y' },
          ],
        },
      } as SurveyCommand,
      ctx,
    );
    expect(E.isLeft(result) && result.left).toMatchObject({
      kind: 'validation',
      requirement: 'SAT-03',
      path: ['strata', 0, 'sampleSize'],
    });
    if (E.isLeft(result) && result.left.kind === 'validation')
      expect(result.left.issues.map((i) => i.path.join('.'))).toContain('questions.1.id');
  });

  it('SAT-03 rejects a quarter that is not YYYY-Qn', () => {
    const result = given(surveyDecider).when(
      { ...plan, data: { ...plan.data, period: '2026-Q5' } } as SurveyCommand,
      ctx,
    );
    expect(E.isLeft(result) && result.left.path).toEqual(['period']);
  });

  it('SAT-03 issues questionnaires per stratum and rejects an unknown stratum', () => {
    const events = run([plan, issue('elderly', 20)]);
    expect(events[1]?.data).toMatchObject({ stratumId: 'elderly', count: 20, totalIssued: 20 });
    const bad = given(surveyDecider, events).when(issue('students', 3), ctx);
    expect(E.isLeft(bad) && bad.left).toMatchObject({
      code: 'SURVEY_UNKNOWN_STRATUM',
      requirement: 'SAT-03',
      path: ['stratumId'],
    });
  });

  it('SAT-01 SAT-03 records a response on the five levels and rejects a sixth level', () => {
    const events = run([plan, issue('elderly', 2)]);
    expect(E.isRight(given(surveyDecider, events).when(respond('r1', 'elderly', 5, 3), ctx))).toBe(
      true,
    );
    const bad = given(surveyDecider, events).when(respond('r1', 'elderly', 6, 3), ctx);
    expect(E.isLeft(bad) && bad.left.path).toEqual(['answers', 0, 'level']);
  });

  it('SAT-03 rejects an answer to a question not in the questionnaire', () => {
    const events = run([plan, issue('elderly', 2)]);
    const result = given(surveyDecider, events).when(
      {
        type: 'RecordSurveyResponse',
        data: { responseId: 'r1', stratumId: 'elderly', answers: [{ questionId: 'q9', level: 4 }] },
      },
      ctx,
    );
    expect(E.isLeft(result) && result.left).toMatchObject({
      code: 'SURVEY_UNKNOWN_QUESTION',
      path: ['answers', 0, 'questionId'],
    });
  });

  it('SAT-03 the same questionnaire cannot be recorded twice', () => {
    const events = run([plan, issue('elderly', 2), respond('r1', 'elderly', 4, 4)]);
    const result = given(surveyDecider, events).when(respond('r1', 'elderly', 4, 4), ctx);
    expect(E.isLeft(result) && result.left.code).toBe('SURVEY_DUPLICATE_RESPONSE');
  });

  it('SAT-03 a stratum cannot return more questionnaires than were issued', () => {
    const events = run([plan, issue('elderly', 1), respond('r1', 'elderly', 4, 4)]);
    const result = given(surveyDecider, events).when(respond('r2', 'elderly', 4, 4), ctx);
    expect(E.isLeft(result) && result.left).toMatchObject({
      code: 'SURVEY_MORE_RESPONSES_THAN_ISSUED',
      requirement: 'SAT-03',
    });
  });
});

describe('Closing: response rate and satisfaction (SAT-03, SAT-04, K-10, K-11)', () => {
  const tenIssuedNineBack = [
    plan,
    issue('elderly', 4),
    issue('working', 6),
    respond('r1', 'elderly', 5, 5),
    respond('r2', 'elderly', 4, 3),
    respond('r3', 'elderly', 3, 2),
    respond('r4', 'elderly', 1, 5),
    respond('r5', 'working', 5, 4),
    respond('r6', 'working', 4, 4),
    respond('r7', 'working', 4, 5),
    respond('r8', 'working', 5, 5),
    respond('r9', 'working', 3, 4),
  ];

  it('SAT-03 K-10 closing records the response rate against policy.kpi.surveyResponseRate', () => {
    const result = given(surveyDecider, run(tenIssuedNineBack)).when(
      { type: 'CloseSurvey', data: {} },
      ctx,
    );
    expect(E.isRight(result) && result.right[0]?.data).toMatchObject({
      period: '2026-Q4',
      questionnairesIssued: 10,
      responses: 9,
      responseRate: 0.9,
      responseRateTarget: 0.9,
      responseRateMet: true,
      strata: [
        { stratumId: 'elderly', sampleSize: 20, issued: 4, responses: 4 },
        { stratumId: 'working', sampleSize: 40, issued: 6, responses: 5 },
      ],
      closedAt: ctx.now,
    });
  });

  it('SAT-03 a response rate below the target is recorded as not met', () => {
    const events = run([plan, issue('elderly', 10), respond('r1', 'elderly', 5, 5)]);
    const result = given(surveyDecider, events).when({ type: 'CloseSurvey', data: {} }, ctx);
    expect(E.isRight(result) && result.right[0]?.data).toMatchObject({
      responseRate: 0.1,
      responseRateMet: false,
    });
  });

  it('SAT-04 SAT-01 satisfaction counts levels ≥ goodFromLevel against the facility target', () => {
    const result = given(surveyDecider, run(tenIssuedNineBack)).when(
      { type: 'CloseSurvey', data: {} },
      ctx,
    );
    // 18 answers, 2 of them bad (levels 1 and 2): 16 / 18 ≈ 0.889 < 0.9 (facility target)
    expect(E.isRight(result) && result.right[0]?.data).toMatchObject({
      satisfaction: {
        answers: 18,
        good: 16,
        goodFromLevel: 3,
        target: 0.9,
        targetKind: 'facility',
        targetMet: false,
      },
    });
  });

  it('SAT-04 a city survey is held to policy.kpi.satisfactionCity', () => {
    const cityPlan = { ...plan, data: { ...plan.data, target: 'city' } } as SurveyCommand;
    const result = given(surveyDecider, run([cityPlan, ...tenIssuedNineBack.slice(1)])).when(
      { type: 'CloseSurvey', data: {} },
      ctx,
    );
    expect(E.isRight(result) && result.right[0]?.data).toMatchObject({
      satisfaction: { target: 0.85, targetKind: 'city', targetMet: true },
    });
  });

  it('SAT-01 a policy that counts only levels 4–5 as good changes the count', () => {
    const strict = testContext({
      now: ctx.now,
      policy: definePolicy({ satisfaction: { goodFromLevel: 4, badUpToLevel: 3 } }),
    });
    const result = given(surveyDecider, run(tenIssuedNineBack)).when(
      { type: 'CloseSurvey', data: {} },
      strict,
    );
    expect(E.isRight(result) && result.right[0]?.data).toMatchObject({
      satisfaction: { good: 13, goodFromLevel: 4 },
    });
  });

  it('SAT-03 a survey without questionnaires issued cannot close (no response rate)', () => {
    const result = given(surveyDecider, run([plan])).when({ type: 'CloseSurvey', data: {} }, ctx);
    expect(E.isLeft(result) && result.left).toMatchObject({
      code: 'SURVEY_NOTHING_ISSUED',
      requirement: 'SAT-03',
    });
  });

  it('SAT-03 a closed survey takes no more responses', () => {
    const events = run([plan, issue('elderly', 2), { type: 'CloseSurvey', data: {} }]);
    const result = given(surveyDecider, events).when(respond('r1', 'elderly', 4, 4), ctx);
    expect(E.isLeft(result) && result.left).toMatchObject({
      kind: 'transition',
      from: 'closed',
      attempted: 'RecordSurveyResponse',
    });
  });
});

describe('Publication (SAT-05)', () => {
  const closed = () => run([plan, issue('elderly', 2), { type: 'CloseSurvey', data: {} }]);
  const publish: SurveyCommand = {
    type: 'PublishSurveyResults',
    data: {
      period: '2026-Q4',
      channel: '中心公示栏及政务网站',
      figures: { satisfactionRate: 0.93, complaintHandlingRate: 1, rectificationsOpen: 2 },
    },
  };

  it('SAT-05 records the published figures for the period on the survey', () => {
    const result = given(surveyDecider, closed()).when(publish, ctx);
    expect(result).toEqual(
      E.right([
        {
          type: 'SurveyResultsPublished',
          data: {
            surveyId: 'S2026-Q4',
            period: '2026-Q4',
            channel: '中心公示栏及政务网站',
            figures: { satisfactionRate: 0.93, complaintHandlingRate: 1, rectificationsOpen: 2 },
            publishedAt: ctx.now,
          },
        },
      ]),
    );
  });

  it('SAT-05 publishes only after closing, for the survey period, at least one figure, once', () => {
    const open = given(surveyDecider, run([plan])).when(publish, ctx);
    expect(E.isLeft(open) && open.left).toMatchObject({ requirement: 'SAT-05', from: 'open' });
    const wrong = given(surveyDecider, closed()).when(
      { ...publish, data: { ...publish.data, period: '2026-Q3' } } as SurveyCommand,
      ctx,
    );
    expect(E.isLeft(wrong) && wrong.left.code).toBe('SURVEY_PERIOD_MISMATCH');
    const empty = given(surveyDecider, closed()).when(
      { ...publish, data: { ...publish.data, figures: {} } } as SurveyCommand,
      ctx,
    );
    expect(E.isLeft(empty) && empty.left).toMatchObject({ kind: 'validation', path: ['figures'] });
    const first = given(surveyDecider, closed()).when(publish, ctx);
    if (E.isLeft(first)) throw new Error('publish failed');
    const again = given(surveyDecider, [...closed(), ...first.right]).when(publish, ctx);
    expect(E.isLeft(again) && again.left.code).toBe('SURVEY_ALREADY_PUBLISHED');
  });
});
