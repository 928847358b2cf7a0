import type { SurveyCommand } from '@civic-ledger/domain';
import type { Centre } from '../city.js';
import type { Flow } from '../flow.js';
import { workdaysLater } from '../time.js';
import { type FlowEnv, minutes } from './env.js';
import { stepsOf } from './typed.js';

const survey = stepsOf<SurveyCommand>();

const QUESTIONS = [
  { id: 'q-content', text: '您对服务内容是否满意？', dimension: 'content' },
  { id: 'q-attitude', text: '您对工作人员的服务态度是否满意？', dimension: 'attitude' },
  { id: 'q-efficiency', text: '您对办事效率是否满意？', dimension: 'efficiency' },
  { id: 'q-environment', text: '您对服务环境是否满意？', dimension: 'environment' },
  { id: 'q-overall', text: '总体而言，您是否满意？', dimension: 'overall' },
] as const;

/**
 * The quarterly resident survey of one centre (SAT-03): planned with a stratified sample,
 * questionnaires issued, responses recorded (about 92 % return), closed and published.
 */
export function* surveyFlow(env: FlowEnv, centre: Centre, quarter: string, at: number): Flow {
  const r = env.random;
  const cal = env.calendar;
  const officer = env.city.surveyor;
  const surveyId = `${centre.id}-${quarter}`;
  const strata = centre.communities.map((c, i) => ({
    id: `s${i + 1}`,
    name: `${c} 居民`,
    population: r.int(3000, 9000),
    sampleSize: r.int(15, 25),
  }));
  let t = at;
  yield survey(t, officer, 'PlanSurvey', {
    surveyId,
    title: `${quarter} ${centre.name}居民满意度调查`,
    period: quarter,
    unitId: centre.id,
    target: 'city',
    strata,
    questions: [...QUESTIONS],
  });
  for (const s of strata) {
    t += minutes(10);
    yield survey(t, officer, 'IssueQuestionnaires', { stratumId: s.id, count: s.sampleSize });
  }
  let n = 0;
  for (const s of strata) {
    const returned = Math.round(
      (s.sampleSize * (r.chance(0.8) ? r.int(90, 100) : r.int(80, 89))) / 100,
    );
    for (let i = 0; i < returned; i++) {
      t += minutes(r.int(20, 400));
      const mood = r.weighted([
        [5, 45],
        [4, 35],
        [3, 12],
        [2, 6],
        [1, 2],
      ] as const);
      yield survey(t, officer, 'RecordSurveyResponse', {
        responseId: `${surveyId}-r${++n}`,
        stratumId: s.id,
        answers: QUESTIONS.map((q) => ({
          questionId: q.id,
          level: Math.max(1, Math.min(5, mood + r.int(-1, 1))),
        })),
      });
    }
  }
  t = workdaysLater(cal, t, 2, 10 * 60);
  yield survey(t, officer, 'CloseSurvey', { note: '调查结束' });
}
