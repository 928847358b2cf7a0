import { z } from 'zod';
import type { DomainEvent } from '../kernel/envelope.js';
import { IdSchema, InstantSchema, IsoDateSchema, personal, Text } from '../kernel/schemas.js';
import { AssessmentResultSchema, QuantitativePerformanceSchema } from './commands.js';
import { StaffRoleSchema } from './roles.js';
import { ConductKindSchema, TriggerKindSchema } from './triggers.js';

const Period = z.object({ from: IsoDateSchema, to: IsoDateSchema });

/** STF-04: a secondment as recorded, with its minimum-term end fixed at registration. */
export const SecondmentSchema = z.object({
  sendingUnit: IdSchema,
  startDate: IsoDateSchema,
  letterRef: Text(200).optional(),
  /** First day on which leaving no longer counts as early (start + policy term). */
  minTermEndsOn: IsoDateSchema,
});

/** One counted item of a removal trigger: a conduct record id or a complaint id. */
export const TriggerEvidenceSchema = z.object({
  id: IdSchema,
  on: IsoDateSchema,
  quantity: z.number().int().min(1),
});

/** Schemas of the `data` of every staff event, by event type. */
export const StaffEventSchemas = {
  StaffRegistered: z.object({
    staffId: IdSchema,
    name: personal(Text(100), 'name'),
    role: StaffRoleSchema,
    unit: IdSchema,
    secondment: SecondmentSchema.optional(),
  }),
  StaffRoleChanged: z.object({
    from: StaffRoleSchema,
    to: StaffRoleSchema,
    unit: IdSchema,
    effectiveDate: IsoDateSchema,
  }),
  StaffPutOnPost: z.object({
    date: IsoDateSchema,
    role: StaffRoleSchema,
    unit: IdSchema,
    post: Text(100).optional(),
  }),
  StaffTakenOffPost: z.object({
    date: IsoDateSchema,
    role: StaffRoleSchema,
    unit: IdSchema,
    reason: Text(500),
  }),
  CertificateRecorded: z.object({
    kind: IdSchema,
    number: Text(64),
    issuer: Text(200).optional(),
    validFrom: IsoDateSchema,
    validUntil: IsoDateSchema,
  }),
  CertificateRenewed: z.object({
    kind: IdSchema,
    number: Text(64),
    renewedOn: IsoDateSchema,
    previousValidUntil: IsoDateSchema,
    validUntil: IsoDateSchema,
  }),
  CertificateRevoked: z.object({
    kind: IdSchema,
    number: Text(64),
    revokedOn: IsoDateSchema,
    reason: Text(500),
  }),
  TrainingRecorded: z.object({
    trainingId: IdSchema,
    topic: Text(200),
    trainedOn: IsoDateSchema,
    hours: z.number().optional(),
    provider: Text(200).optional(),
    passed: z.boolean().optional(),
    /** STF-03: the next training is due by this date (policy interval, fixed here, X-04). */
    nextTrainingDueOn: IsoDateSchema,
  }),
  AssessmentRecorded: z.object({
    assessmentId: IdSchema,
    assessedOn: IsoDateSchema,
    period: Period.optional(),
    result: AssessmentResultSchema,
    score: z.number().optional(),
    assessorId: IdSchema.optional(),
    /** STF-03: the next assessment is due by this date. */
    nextAssessmentDueOn: IsoDateSchema,
  }),
  PerformanceRecorded: z.object({
    recordId: IdSchema,
    period: Period,
    role: StaffRoleSchema,
    unit: IdSchema,
    quantitative: QuantitativePerformanceSchema.optional(),
    qualitative: personal(Text(4000), 'free-text').optional(),
    rating: z.enum(['excellent', 'good', 'fair', 'poor']).optional(),
    usedFor: z.array(z.enum(['bonus', 'promotion'])).optional(),
  }),
  ConductIncidentRecorded: z.object({
    recordId: IdSchema,
    kind: ConductKindSchema,
    occurredOn: IsoDateSchema,
    quantity: z.number().int().min(1),
    description: personal(Text(2000), 'free-text').optional(),
  }),
  VerifiedComplaintRecorded: z.object({
    complaintId: IdSchema,
    verifiedAt: InstantSchema,
    /** Local date of `verifiedAt` in the policy's time zone: the day the complaint counts. */
    verifiedOn: IsoDateSchema,
  }),
  ReturnToSendingUnitRequired: z.object({
    trigger: TriggerKindSchema,
    sendingUnit: IdSchema,
    /** The policy threshold that was reached (≥). */
    threshold: z.number().int().min(1),
    /** What the window counted (days, times or records). */
    count: z.number().int().min(1),
    windowFrom: IsoDateSchema,
    windowTo: IsoDateSchema,
    /** The records that counted: conduct `recordId`s or `complaintId`s. */
    evidence: z.array(TriggerEvidenceSchema).min(1),
  }),
  SecondmentEnded: z.object({
    endDate: IsoDateSchema,
    sendingUnit: IdSchema,
    reason: Text(500),
    minTermEndsOn: IsoDateSchema,
    early: z.boolean(),
    earlyEndReason: Text(500).optional(),
    successorStaffId: IdSchema.optional(),
    successorOnPostSince: IsoDateSchema.optional(),
    noSuccessorReason: Text(500).optional(),
    /** Removal triggers reached during the secondment, if any. */
    triggersReached: z.array(TriggerKindSchema),
  }),
} as const;

type Schemas = typeof StaffEventSchemas;
export type StaffEventType = keyof Schemas;
/** Data of a staff event. */
export type StaffEventData<K extends StaffEventType> = z.output<Schemas[K]>;
/** Every event of the staff aggregate. */
export type StaffEvent = {
  [K in StaffEventType]: DomainEvent<K, StaffEventData<K>>;
}[StaffEventType];
