import type { DecideContext } from '../kernel/context.js';
import type { Decider } from '../kernel/decider.js';
import type { SurveyCommand } from './commands.js';
import { decideSurvey } from './decide.js';
import type { SurveyEvent } from './events.js';
import { evolveSurvey } from './evolve.js';
import { initialSurveyState, type SurveyState } from './state.js';

/** The resident satisfaction survey aggregate (SAT-03 … SAT-05). */
export const surveyDecider: Decider<SurveyCommand, SurveyEvent, SurveyState, DecideContext> = {
  initialState: initialSurveyState,
  decide: decideSurvey,
  evolve: evolveSurvey,
};

/** Stream id of a survey: `survey-<id>`. */
export const surveyStreamId = (surveyId: string): string => `survey-${surveyId}`;
