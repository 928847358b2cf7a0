/** SAT-03: a survey is planned (open for questionnaires and responses), then closed. */
export type SurveyStatus = 'none' | 'open' | 'closed';

export interface StratumTally {
  readonly id: string;
  readonly sampleSize: number;
  readonly issued: number;
  readonly responses: number;
}

export interface SurveyState {
  readonly status: SurveyStatus;
  readonly surveyId?: string;
  readonly period?: string;
  readonly unitId?: string;
  readonly target?: 'facility' | 'city';
  readonly strata: readonly StratumTally[];
  readonly questionIds: readonly string[];
  readonly responseIds: readonly string[];
  /** Answers per level: index 0 holds level 1 … index 4 level 5. */
  readonly levelCounts: readonly number[];
  readonly published: boolean;
}

export const initialSurveyState: SurveyState = {
  status: 'none',
  strata: [],
  questionIds: [],
  responseIds: [],
  levelCounts: [0, 0, 0, 0, 0],
  published: false,
};
