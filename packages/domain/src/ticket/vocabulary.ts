import { z } from 'zod';
import { IdSchema } from '../kernel/schemas.js';

/**
 * Intake channels (TKT-01, 001 §2.1): online (website, official account, mobile app),
 * window, self-service terminal, phone, door-to-door by community staff.
 */
export const TicketChannelSchema = z.enum([
  'website',
  'official-account',
  'mobile-app',
  'window',
  'self-service-terminal',
  'phone',
  'door-to-door',
]);
export type TicketChannel = z.infer<typeof TicketChannelSchema>;

/** Nature of a ticket (TKT-07, 000 §3.2): urgent, normal, or a repeat of an earlier one. */
export const TicketNatureSchema = z.enum(['urgent', 'normal', 'repeat']);
export type TicketNature = z.infer<typeof TicketNatureSchema>;

/** A supporting document handed in: its kind (as the catalogue names it) and a reference. */
export const TicketMaterialSchema = z.object({ kind: IdSchema, documentRef: IdSchema });
export type TicketMaterial = z.infer<typeof TicketMaterialSchema>;

/**
 * Documented reasons for rejecting an application (TKT-04, 001 §2.4), so that the applicant
 * knows what to supplement; a free-text detail always accompanies the code.
 */
export const TicketRejectionReasonSchema = z.enum([
  'materials-incomplete',
  'materials-invalid',
  'policy-not-met',
  'not-eligible',
  'outside-scope',
  'duplicate-application',
  'other',
]);
export type TicketRejectionReason = z.infer<typeof TicketRejectionReasonSchema>;

/** Why supplementary work extends the review (TKT-03): materials from the applicant or an investigation. */
export const TicketSupplementKindSchema = z.enum(['materials', 'investigation']);

/** How a return visit (回访) was made (TKT-07). */
export const TicketReturnVisitMethodSchema = z.enum(['phone', 'on-site', 'sms', 'online']);

/** Supervision (督办) or escalation to a higher department (TKT-08). */
export const TicketSupervisionLevelSchema = z.enum(['supervision', 'escalation']);

/** Where a 好差评 evaluation came from (SAT-01). `system` only for the policy default. */
export const TicketRatingChannelSchema = z.enum([
  'window-evaluator',
  'qr-code',
  'sms',
  'website',
  'official-account',
  'mobile-app',
  'phone',
  'return-visit',
  'system',
]);
export type TicketRatingChannel = z.infer<typeof TicketRatingChannelSchema>;

/** A level of the five-level scale (SAT-01): 1 very dissatisfied … 5 very satisfied. */
export const TicketRatingLevelSchema = z.number().int().min(1).max(5);

/** Optional dimension scores of an evaluation (SAT-02), each on the same five levels. */
export const TicketRatingDimensionsSchema = z.object({
  content: TicketRatingLevelSchema.optional(),
  attitude: TicketRatingLevelSchema.optional(),
  efficiency: TicketRatingLevelSchema.optional(),
  environment: TicketRatingLevelSchema.optional(),
});
export type TicketRatingDimensions = z.infer<typeof TicketRatingDimensionsSchema>;

/** The names of the five levels (SAT-01), for reports and the applicant's view. */
export const ticketRatingLevelLabels: Readonly<
  Record<1 | 2 | 3 | 4 | 5, { zh: string; en: string }>
> = {
  5: { zh: '非常满意', en: 'very satisfied' },
  4: { zh: '满意', en: 'satisfied' },
  3: { zh: '基本满意', en: 'basically satisfied' },
  2: { zh: '不满意', en: 'dissatisfied' },
  1: { zh: '非常不满意', en: 'very dissatisfied' },
};
