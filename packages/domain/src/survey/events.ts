import { z } from 'zod';
import type { DomainEvent } from '../kernel/envelope.js';
import { IdSchema, InstantSchema, Text } from '../kernel/schemas.js';
import { Ratio } from '../policy/common.js';
import {
  SurveyLevelSchema,
  SurveyQuarterSchema,
  SurveyQuestionSchema,
  SurveyStratumSchema,
} from './commands.js';
import { PublicationFiguresSchema } from './publication.js';

const Count = z.number().int().min(0);

/** The data of every survey event, by event type. */
export const SurveyEventSchemas = {
  SurveyPlanned: z.object({
    surveyId: IdSchema,
    title: Text(200),
    period: SurveyQuarterSchema,
    unitId: IdSchema,
    target: z.enum(['facility', 'city']),
    strata: z.array(SurveyStratumSchema),
    questions: z.array(SurveyQuestionSchema),
    /** Sum of the strata's sample sizes. */
    sampleSize: Count,
    plannedAt: InstantSchema,
  }),
  QuestionnairesIssued: z.object({
    surveyId: IdSchema,
    stratumId: IdSchema,
    count: Count,
    /** Questionnaires issued in the whole survey after this event. */
    totalIssued: Count,
    issuedAt: InstantSchema,
  }),
  SurveyResponseRecorded: z.object({
    surveyId: IdSchema,
    responseId: IdSchema,
    stratumId: IdSchema,
    answers: z.array(z.object({ questionId: IdSchema, level: SurveyLevelSchema })),
    recordedAt: InstantSchema,
  }),
  SurveyClosed: z.object({
    surveyId: IdSchema,
    period: SurveyQuarterSchema,
    unitId: IdSchema,
    note: Text(2000).optional(),
    /** K-10: responses ÷ questionnaires issued. */
    questionnairesIssued: Count,
    responses: Count,
    responseRate: Ratio,
    /** SAT-03: `policy.kpi.surveyResponseRate` when the survey closed. */
    responseRateTarget: Ratio,
    responseRateMet: z.boolean(),
    strata: z.array(
      z.object({ stratumId: IdSchema, sampleSize: Count, issued: Count, responses: Count }),
    ),
    /** SAT-01, SAT-04: good answers (level ≥ `goodFromLevel`) ÷ all answers; null = no data. */
    satisfaction: z.object({
      answers: Count,
      good: Count,
      rate: Ratio.nullable(),
      goodFromLevel: SurveyLevelSchema,
      target: Ratio,
      targetKind: z.enum(['facility', 'city']),
      targetMet: z.boolean().nullable(),
    }),
    closedAt: InstantSchema,
  }),
  SurveyResultsPublished: z.object({
    surveyId: IdSchema,
    period: z.string(),
    channel: Text(200),
    figures: PublicationFiguresSchema,
    note: Text(2000).optional(),
    publishedAt: InstantSchema,
  }),
} as const;

type Schemas = typeof SurveyEventSchemas;
/** A survey event type. */
export type SurveyEventType = keyof Schemas;
/** The data of a survey event. */
export type SurveyEventData<K extends SurveyEventType> = z.output<Schemas[K]>;
/** Every survey event. */
export type SurveyEvent = {
  [K in SurveyEventType]: DomainEvent<K, z.output<Schemas[K]>>;
}[SurveyEventType];
