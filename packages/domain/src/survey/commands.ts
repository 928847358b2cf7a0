import { z } from 'zod';
import { IdSchema, Text } from '../kernel/schemas.js';
import { bilingual } from '../kernel/validation.js';
import { PublicationSchema } from './publication.js';

/** SAT-03: a survey's quarter, `YYYY-Qn`. */
export const SurveyQuarterSchema = z.string().regex(/^\d{4}-Q[1-4]$/);
/** SAT-01: the five levels, 1 = very dissatisfied … 5 = very satisfied. */
export const SurveyLevelSchema = z.number().int().min(1).max(5);

const uniqueIds =
  (what: string, zhWhat: string) =>
  (items: readonly { readonly id: string }[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.id))
        ctx.addIssue({
          code: 'custom',
          path: [i, 'id'],
          message: `duplicate ${what} id '${item.id}'`,
          params: bilingual('unique-id', `${zhWhat}编号「${item.id}」重复`),
        });
      seen.add(item.id);
    });
  };

/** SAT-03: one stratum of the sampling frame and the sample drawn from it. */
export const SurveyStratumSchema = z
  .object({
    id: IdSchema,
    name: Text(100),
    population: z.number().int().min(1).optional(),
    sampleSize: z.number().int().min(1),
  })
  .superRefine((s, ctx) => {
    if (s.population !== undefined && s.sampleSize > s.population)
      ctx.addIssue({
        code: 'custom',
        path: ['sampleSize'],
        message: 'the sample cannot be larger than the stratum',
        params: bilingual('sample-within-population', '样本量不能大于该层总体'),
      });
  });

/** SAT-02, SAT-03: a question rated on the five levels, optionally for one dimension. */
export const SurveyQuestionSchema = z.object({
  id: IdSchema,
  text: Text(500),
  dimension: z.enum(['content', 'attitude', 'efficiency', 'environment', 'overall']).optional(),
});

/** The data of every survey command, by command type. */
export const SurveyCommandSchemas = {
  /** SAT-03: a quarterly resident survey with its stratified sample and questionnaire. */
  PlanSurvey: z.object({
    surveyId: IdSchema,
    title: Text(200),
    period: SurveyQuarterSchema,
    unitId: IdSchema,
    /** SAT-04: the satisfaction target that applies (facility 000 §4.1 or city 002). */
    target: z.enum(['facility', 'city']),
    strata: z.array(SurveyStratumSchema).min(1).max(100).superRefine(uniqueIds('stratum', '分层')),
    questions: z
      .array(SurveyQuestionSchema)
      .min(1)
      .max(200)
      .superRefine(uniqueIds('question', '题目')),
  }),
  /** SAT-03: questionnaires handed out in one stratum. */
  IssueQuestionnaires: z.object({
    stratumId: IdSchema,
    count: z.number().int().min(1).max(1_000_000),
  }),
  /** SAT-03: one returned questionnaire; respondents stay anonymous. */
  RecordSurveyResponse: z.object({
    responseId: IdSchema,
    stratumId: IdSchema,
    answers: z
      .array(z.object({ questionId: IdSchema, level: SurveyLevelSchema }))
      .min(1)
      .max(200)
      .superRefine((answers, ctx) => {
        const seen = new Set<string>();
        answers.forEach((a, i) => {
          if (seen.has(a.questionId))
            ctx.addIssue({
              code: 'custom',
              path: [i, 'questionId'],
              message: `question '${a.questionId}' answered twice`,
              params: bilingual('one-answer-per-question', `题目「${a.questionId}」重复作答`),
            });
          seen.add(a.questionId);
        });
      }),
  }),
  /** SAT-03, SAT-04, K-10: closing computes the response rate and satisfaction. */
  CloseSurvey: z.object({
    note: Text(2000).optional(),
  }),
  /** SAT-05: the period's results are published. */
  PublishSurveyResults: PublicationSchema,
} as const;

type Schemas = typeof SurveyCommandSchemas;
/** A survey command type. */
export type SurveyCommandType = keyof Schemas;
/** The validated data of a survey command. */
export type SurveyCommandData<K extends SurveyCommandType> = z.output<Schemas[K]>;
/** A survey command as it arrives: its data is checked by `decide`. */
export type SurveyCommand = {
  [K in SurveyCommandType]: { readonly type: K; readonly data: z.input<Schemas[K]> };
}[SurveyCommandType];
