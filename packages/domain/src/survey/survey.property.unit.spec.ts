import { describe, it } from 'vitest';
import { assertNeverThrows } from '../complaint/fuzz.test.js';
import type { SurveyCommand } from './commands.js';
import { surveyDecider } from './decider.js';

const samples: readonly SurveyCommand[] = [
  {
    type: 'PlanSurvey',
    data: {
      surveyId: 'S1',
      title: '调查',
      period: '2026-Q4',
      unitId: 'u1',
      target: 'city',
      strata: [{ id: 'a', name: 'A', sampleSize: 3 }],
      questions: [{ id: 'q1', text: '满意吗' }],
    },
  },
  { type: 'IssueQuestionnaires', data: { stratumId: 'a', count: 2 } },
  { type: 'IssueQuestionnaires', data: { stratumId: 'zz', count: 2 } },
  {
    type: 'RecordSurveyResponse',
    data: { responseId: 'r1', stratumId: 'a', answers: [{ questionId: 'q1', level: 2 }] },
  },
  {
    type: 'RecordSurveyResponse',
    data: { responseId: 'r2', stratumId: 'a', answers: [{ questionId: 'q1', level: 5 }] },
  },
  { type: 'CloseSurvey', data: {} },
  {
    type: 'PublishSurveyResults',
    data: { period: '2026-Q4', channel: '公示栏', figures: { satisfactionRate: 0.5 } },
  },
];

describe('Survey decider properties (X-05, SAT-03)', () => {
  it('X-05 SAT-03 no random command sequence throws, and refolding gives the same state', () => {
    assertNeverThrows(surveyDecider, samples, 20261231, ['SurveyClosed', 'SurveyResultsPublished']);
  });
});
