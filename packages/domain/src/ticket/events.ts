import { z } from 'zod';
import { DeadlineSchema } from '../calendar/deadline-schema.js';
import type { Deadline } from '../calendar/work-calendar.js';
import type { DomainEvent } from '../kernel/envelope.js';
import { IdSchema, InstantSchema, personal, Text } from '../kernel/schemas.js';
import { TicketAgentSchema, TicketApplicantSchema } from './applicant.js';
import { ServiceCategorySchema } from './catalogue.js';
import {
  TicketChannelSchema,
  TicketMaterialSchema,
  TicketNatureSchema,
  TicketRatingChannelSchema,
  TicketRatingDimensionsSchema,
  TicketRatingLevelSchema,
  TicketRejectionReasonSchema,
  TicketReturnVisitMethodSchema,
  TicketSupervisionLevelSchema,
  TicketSupplementKindSchema,
} from './vocabulary.js';

/** @deprecated Use `DeadlineSchema` (calendar/deadline-schema.ts); kept for existing imports. */
export const TicketDeadlineSchema = DeadlineSchema;

// Every ticket event names its ticket and the instant it happened (= the command's ctx.now).
const base = { ticketId: IdSchema, at: InstantSchema };
const event = <S extends z.ZodRawShape>(shape: S) => z.object({ ...base, ...shape });

/** The zod schema of each ticket event's `data`, by event type. */
export const TicketEventSchemas = {
  TicketReceived: event({
    channel: TicketChannelSchema,
    applicant: TicketApplicantSchema,
    agent: TicketAgentSchema.optional(),
    serviceType: IdSchema,
    serviceTypeName: z.object({ zh: Text(200), en: Text(200) }),
    category: ServiceCategorySchema,
    approvalLimitWorkdays: z.number().int().min(1),
    requiresFinalApproval: z.boolean(),
    facilityFault: z.boolean(),
    facilityId: IdSchema.optional(),
    nature: TicketNatureSchema,
    repeatOf: IdSchema.optional(),
    reason: personal(Text(4000), 'free-text'),
    materials: z.array(TicketMaterialSchema),
    missingMaterials: z.array(IdSchema),
    communityId: IdSchema,
    centreId: IdSchema,
    windowId: IdSchema.optional(),
    firstResponsibleStaffId: z.string().min(1),
  }),
  QueueNumberTaken: event({ queueNumber: Text(32), centreId: IdSchema }),
  QueueNumberCalled: event({
    queueNumber: Text(32),
    windowId: IdSchema,
    centreId: IdSchema,
    takenAt: InstantSchema,
    waitMinutes: z.number().min(0),
    withinTarget: z.boolean(),
    staffId: z.string().min(1),
  }),
  FirstResponseRecorded: event({
    receivedAt: InstantSchema,
    minutes: z.number().min(0),
    withinTarget: z.boolean(),
    staffId: z.string().min(1),
    channel: TicketChannelSchema,
    centreId: IdSchema,
    note: Text().optional(),
  }),
  TicketAccepted: event({
    staffId: z.string().min(1),
    serviceType: IdSchema,
    centreId: IdSchema,
    reviewDeadline: DeadlineSchema,
    completionDeadline: DeadlineSchema,
  }),
  SupplementRequested: event({
    kind: TicketSupplementKindSchema,
    items: z.array(IdSchema),
    note: Text(),
    staffId: z.string().min(1),
    extended: z.boolean(),
    reviewDeadline: DeadlineSchema,
  }),
  SupplementReceived: event({
    materials: z.array(TicketMaterialSchema),
    missingMaterials: z.array(IdSchema),
    staffId: z.string().min(1),
  }),
  ReviewExtended: event({
    workdays: z.number().int().min(1),
    reason: Text(),
    approverId: z.string().min(1),
    approverRole: z.string().min(1),
    previousDeadline: DeadlineSchema,
    reviewDeadline: DeadlineSchema,
  }),
  JointReviewStarted: event({
    departments: z.array(IdSchema).min(2),
    staffId: z.string().min(1),
  }),
  JointReviewOpinionRecorded: event({
    departmentId: IdSchema,
    opinion: z.enum(['agree', 'disagree']),
    comment: Text().optional(),
    staffId: z.string().min(1),
    pendingDepartments: z.array(IdSchema),
  }),
  TicketReviewed: event({
    outcome: z.enum(['approve', 'reject']),
    reasonCode: TicketRejectionReasonSchema.optional(),
    reasonText: Text().optional(),
    note: Text().optional(),
    reviewerId: z.string().min(1),
    serviceType: IdSchema,
    centreId: IdSchema,
    reviewDeadline: DeadlineSchema,
    withinLimit: z.boolean(),
  }),
  FinalApprovalGranted: event({
    approverId: z.string().min(1),
    decisionRef: IdSchema.optional(),
    note: Text().optional(),
    completionDeadline: DeadlineSchema,
    withinLimit: z.boolean(),
  }),
  TicketDispatched: event({
    unitId: IdSchema,
    note: Text().optional(),
    dispatcherId: z.string().min(1),
    serviceType: IdSchema,
    completionDeadline: DeadlineSchema,
    returnDeadline: DeadlineSchema,
  }),
  TicketSignedFor: event({ unitId: IdSchema, staffId: z.string().min(1) }),
  TicketReturnedByUnit: event({
    unitId: IdSchema,
    reason: Text(),
    staffId: z.string().min(1),
    returnDeadline: DeadlineSchema,
  }),
  ExtensionRequested: event({
    workdays: z.number().int().min(1),
    reason: Text(),
    requestedBy: z.string().min(1),
    unitId: IdSchema.optional(),
  }),
  ExtensionApproved: event({
    workdays: z.number().int().min(1),
    note: Text().optional(),
    approverId: z.string().min(1),
    previousDeadline: DeadlineSchema,
    completionDeadline: DeadlineSchema,
  }),
  ExtensionDeclined: event({ reason: Text(), approverId: z.string().min(1) }),
  TicketSupervised: event({
    level: TicketSupervisionLevelSchema,
    reason: Text(),
    escalatedTo: IdSchema.optional(),
    supervisorId: z.string().min(1),
    status: z.string().min(1),
    deadline: DeadlineSchema.optional(),
    overdue: z.boolean(),
    unitId: IdSchema.optional(),
  }),
  TicketCompleted: event({
    result: Text(4000),
    staffId: z.string().min(1),
    unitId: IdSchema.optional(),
    centreId: IdSchema,
    communityId: IdSchema,
    serviceType: IdSchema,
    category: ServiceCategorySchema,
    firstResponsibleStaffId: z.string().min(1),
    completionDeadline: DeadlineSchema,
    withinLimit: z.boolean(),
    reopenCount: z.number().int().min(0),
  }),
  ReturnVisitMade: event({
    method: TicketReturnVisitMethodSchema,
    resolved: z.boolean(),
    summary: personal(Text(4000), 'free-text'),
    staffId: z.string().min(1),
    afterBadRating: z.boolean(),
  }),
  TicketClosed: event({
    summary: Text(4000),
    staffId: z.string().min(1),
    outcome: z.enum(['completed', 'rejected']),
    ratingLevel: TicketRatingLevelSchema.optional(),
  }),
  TicketReopened: event({
    ground: z.enum(['unsatisfied-rating', 'unresolved-return-visit']),
    reason: Text(),
    staffId: z.string().min(1),
    reopenCount: z.number().int().min(1),
    completionDeadline: DeadlineSchema,
  }),
  TicketArchived: event({
    retentionClass: IdSchema,
    retentionYears: z.number().int().min(1),
    archiveNo: IdSchema.optional(),
    staffId: z.string().min(1),
  }),
  TicketRated: event({
    level: TicketRatingLevelSchema,
    good: z.boolean(),
    bad: z.boolean(),
    dimensions: TicketRatingDimensionsSchema.optional(),
    channel: TicketRatingChannelSchema,
    comment: personal(Text(2000), 'free-text').optional(),
    source: z.enum(['applicant', 'policy-default']),
    verificationRequired: z.boolean(),
    serviceType: IdSchema,
    centreId: IdSchema,
    communityId: IdSchema,
    windowId: IdSchema.optional(),
    unitId: IdSchema.optional(),
    firstResponsibleStaffId: z.string().min(1),
    completedAt: InstantSchema,
  }),
} as const;

type Schemas = typeof TicketEventSchemas;
/** A ticket event type (PascalCase, past tense). */
export type TicketEventType = keyof Schemas;
/** The data of each ticket event. */
export type TicketEventData = { [K in TicketEventType]: z.output<Schemas[K]> };
/** Any ticket event: `DomainEvent<type, data>`. */
export type TicketEvent = {
  [K in TicketEventType]: DomainEvent<K, TicketEventData[K]>;
}[TicketEventType];
/** One ticket event of a given type. */
export type TicketEventOf<K extends TicketEventType> = DomainEvent<K, TicketEventData[K]>;
/** A deadline as the ticket events carry it. */
/** @deprecated Use `Deadline` (calendar/work-calendar.ts); kept for existing imports. */
export type TicketDeadline = Deadline;

/** Every ticket event type. */
export const ticketEventTypes = Object.keys(TicketEventSchemas) as TicketEventType[];
