import * as E from 'fp-ts/lib/Either.js';
import type { DecideContext } from '../kernel/context.js';
import {
  type CommandHandlers,
  createDecide,
  type DecideFunction,
  stepGuard,
} from '../kernel/dispatch.js';
import { plainEvents } from '../kernel/plain-json.js';
import type { RequirementId } from '../kernel/requirement.js';
import { type SurveyCommand, SurveyCommandSchemas, type SurveyCommandType } from './commands.js';
import {
  surveyAlreadyPublished,
  surveyDuplicateResponse,
  surveyMoreResponsesThanIssued,
  surveyNothingIssued,
  surveyPeriodMismatch,
  surveyStepNotAllowed,
  surveyUnknownQuestion,
  surveyUnknownStratum,
} from './errors.js';
import type { SurveyEvent } from './events.js';
import type { SurveyState } from './state.js';

const requirementOf: Record<SurveyCommandType, RequirementId> = {
  PlanSurvey: 'SAT-03',
  IssueQuestionnaires: 'SAT-03',
  RecordSurveyResponse: 'SAT-03',
  CloseSurvey: 'SAT-03',
  PublishSurveyResults: 'SAT-05',
};

const inStep = stepGuard<SurveyState, SurveyEvent, SurveyCommandType>((from, attempted) =>
  surveyStepNotAllowed(from, attempted, requirementOf[attempted]),
);

const id = (state: SurveyState): string => state.surveyId ?? '';
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

const handlers: CommandHandlers<
  typeof SurveyCommandSchemas,
  SurveyEvent,
  SurveyState,
  DecideContext
> = {
  PlanSurvey: (data, state, ctx) =>
    inStep(state, ['none'], 'PlanSurvey', () =>
      E.right([
        {
          type: 'SurveyPlanned',
          data: {
            ...data,
            sampleSize: sum(data.strata.map((s) => s.sampleSize)),
            plannedAt: ctx.now,
          },
        },
      ]),
    ),

  IssueQuestionnaires: (data, state, ctx) =>
    inStep(state, ['open'], 'IssueQuestionnaires', () => {
      if (!state.strata.some((s) => s.id === data.stratumId))
        return E.left(surveyUnknownStratum(data.stratumId));
      return E.right([
        {
          type: 'QuestionnairesIssued',
          data: {
            surveyId: id(state),
            stratumId: data.stratumId,
            count: data.count,
            totalIssued: sum(state.strata.map((s) => s.issued)) + data.count,
            issuedAt: ctx.now,
          },
        },
      ]);
    }),

  RecordSurveyResponse: (data, state, ctx) =>
    inStep(state, ['open'], 'RecordSurveyResponse', () => {
      const stratum = state.strata.find((s) => s.id === data.stratumId);
      if (!stratum) return E.left(surveyUnknownStratum(data.stratumId));
      if (state.responseIds.includes(data.responseId))
        return E.left(surveyDuplicateResponse(data.responseId));
      const stray = data.answers.findIndex((a) => !state.questionIds.includes(a.questionId));
      if (stray >= 0)
        return E.left(
          surveyUnknownQuestion(data.answers[stray]?.questionId ?? '', [
            'answers',
            stray,
            'questionId',
          ]),
        );
      if (stratum.responses >= stratum.issued)
        return E.left(surveyMoreResponsesThanIssued(stratum.id, stratum.issued));
      return E.right([
        {
          type: 'SurveyResponseRecorded',
          data: { surveyId: id(state), ...data, recordedAt: ctx.now },
        },
      ]);
    }),

  CloseSurvey: (data, state, ctx) =>
    inStep(state, ['open'], 'CloseSurvey', () => {
      const issued = sum(state.strata.map((s) => s.issued));
      if (issued === 0) return E.left(surveyNothingIssued());
      const responses = sum(state.strata.map((s) => s.responses));
      const responseRate = responses / issued;
      const responseRateTarget = ctx.policy.kpi.surveyResponseRate;
      const goodFromLevel = ctx.policy.satisfaction.goodFromLevel;
      const answers = sum(state.levelCounts);
      const good = sum(state.levelCounts.slice(goodFromLevel - 1));
      const rate = answers === 0 ? null : good / answers;
      const targetKind = state.target ?? 'facility';
      // SAT-04: the facility (000 §4.1) and city (002) targets differ; the survey says which.
      const target =
        targetKind === 'city'
          ? ctx.policy.kpi.satisfactionCity
          : ctx.policy.kpi.satisfactionFacility;
      return E.right([
        {
          type: 'SurveyClosed',
          data: {
            surveyId: id(state),
            period: state.period ?? '',
            unitId: state.unitId ?? '',
            ...(data.note !== undefined && { note: data.note }),
            questionnairesIssued: issued,
            responses,
            responseRate,
            responseRateTarget,
            responseRateMet: responseRate >= responseRateTarget,
            strata: state.strata.map((s) => ({
              stratumId: s.id,
              sampleSize: s.sampleSize,
              issued: s.issued,
              responses: s.responses,
            })),
            satisfaction: {
              answers,
              good,
              rate,
              goodFromLevel,
              target,
              targetKind,
              targetMet: rate === null ? null : rate >= target,
            },
            closedAt: ctx.now,
          },
        },
      ]);
    }),

  PublishSurveyResults: (data, state, ctx) =>
    inStep(state, ['closed'], 'PublishSurveyResults', () => {
      if (state.published) return E.left(surveyAlreadyPublished());
      if (data.period !== state.period)
        return E.left(surveyPeriodMismatch(data.period, state.period ?? ''));
      return E.right([
        {
          type: 'SurveyResultsPublished',
          data: { surveyId: id(state), ...data, publishedAt: ctx.now },
        },
      ]);
    }),
};

/** Decides a survey command (SAT-03 … SAT-05); never throws. */
export const decideSurvey: DecideFunction<SurveyCommand, SurveyEvent, SurveyState> = createDecide({
  aggregate: { zh: '满意度调查', en: 'survey' },
  unknownCode: 'SURVEY_UNKNOWN_COMMAND',
  schemas: SurveyCommandSchemas,
  requirementOf,
  handlers,
  finish: plainEvents,
});
