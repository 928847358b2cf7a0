import type { SurveyEvent } from './events.js';
import type { StratumTally, SurveyState } from './state.js';

const bump = (
  strata: readonly StratumTally[],
  id: string,
  change: (s: StratumTally) => StratumTally,
): readonly StratumTally[] => strata.map((s) => (s.id === id ? change(s) : s));

/** Folds one survey event into the state. */
export const evolveSurvey = (state: SurveyState, event: SurveyEvent): SurveyState => {
  switch (event.type) {
    case 'SurveyPlanned':
      return {
        ...state,
        status: 'open',
        surveyId: event.data.surveyId,
        period: event.data.period,
        unitId: event.data.unitId,
        target: event.data.target,
        strata: event.data.strata.map((s) => ({
          id: s.id,
          sampleSize: s.sampleSize,
          issued: 0,
          responses: 0,
        })),
        questionIds: event.data.questions.map((q) => q.id),
      };
    case 'QuestionnairesIssued':
      return {
        ...state,
        strata: bump(state.strata, event.data.stratumId, (s) => ({
          ...s,
          issued: s.issued + event.data.count,
        })),
      };
    case 'SurveyResponseRecorded': {
      const levelCounts = [...state.levelCounts];
      for (const a of event.data.answers)
        levelCounts[a.level - 1] = (levelCounts[a.level - 1] ?? 0) + 1;
      return {
        ...state,
        strata: bump(state.strata, event.data.stratumId, (s) => ({
          ...s,
          responses: s.responses + 1,
        })),
        responseIds: [...state.responseIds, event.data.responseId],
        levelCounts,
      };
    }
    case 'SurveyClosed':
      return { ...state, status: 'closed' };
    case 'SurveyResultsPublished':
      return { ...state, published: true };
    default:
      return state;
  }
};
