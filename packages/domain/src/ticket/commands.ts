import { z } from 'zod';
import { IdSchema, personal, Text } from '../kernel/schemas.js';
import { bilingual } from '../kernel/validation.js';
import { Workdays } from '../policy/common.js';
import { TicketAgentSchema, TicketApplicantSchema } from './applicant.js';
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

const Empty = z.object({}).default({});

/** TKT-01, TKT-02, TKT-06, TKT-07: intake of a service request. */
const ReceiveTicket = z
  .object({
    ticketId: IdSchema,
    channel: TicketChannelSchema,
    applicant: TicketApplicantSchema,
    agent: TicketAgentSchema.optional(),
    serviceType: IdSchema,
    nature: TicketNatureSchema,
    repeatOf: IdSchema.optional(),
    reason: personal(Text(4000), 'free-text'),
    materials: z.array(TicketMaterialSchema).max(100).default([]),
    communityId: IdSchema,
    centreId: IdSchema.optional(),
    windowId: IdSchema.optional(),
    facilityId: IdSchema.optional(),
  })
  .superRefine((d, ctx) => {
    if (d.nature === 'repeat' && d.repeatOf === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['repeatOf'],
        message: 'a repeat ticket names the earlier ticket',
        params: bilingual('repeat-needs-earlier', '重复件须注明此前的工单'),
      });
    if (d.nature !== 'repeat' && d.repeatOf !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['repeatOf'],
        message: 'only a repeat ticket names an earlier ticket',
        params: bilingual('repeat-only', '只有重复件才注明此前的工单'),
      });
    if (d.repeatOf !== undefined && d.repeatOf === d.ticketId)
      ctx.addIssue({
        code: 'custom',
        path: ['repeatOf'],
        message: 'a ticket cannot repeat itself',
        params: bilingual('repeat-self', '工单不能重复自身'),
      });
  });

const Review = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('approve'), note: Text().optional() }),
  /** TKT-04: a rejection carries a documented reason code and free text. */
  z.object({
    outcome: z.literal('reject'),
    reasonCode: TicketRejectionReasonSchema,
    reasonText: Text(),
  }),
]);

/** The zod schema of each ticket command's `data`, by command type. */
export const TicketCommandSchemas = {
  ReceiveTicket,
  /** TKT-09: the applicant takes a window queue number. */
  TakeQueueNumber: z.object({ queueNumber: Text(32) }),
  /** TKT-09: the number is called to a window. */
  CallQueueNumber: z.object({ windowId: IdSchema }),
  /** TKT-09: the first response to the applicant. */
  RecordFirstResponse: z.object({ note: Text().optional() }),
  /** TKT-03: acceptance starts the review clock. */
  AcceptTicket: Empty,
  /** TKT-03: supplementary materials or an investigation extend the review limit. */
  RequestSupplement: z.object({
    kind: TicketSupplementKindSchema,
    items: z.array(IdSchema).max(100).optional(),
    note: Text(),
  }),
  /** TKT-08: the applicant hands in what was asked for. */
  ProvideSupplement: z.object({ materials: z.array(TicketMaterialSchema).min(1).max(100) }),
  /** TKT-03: a further extension, only with the centre head's approval. */
  ExtendReview: z.object({ workdays: Workdays, reason: Text() }),
  /** TKT-08: joint review by several departments (001 §2.3). */
  StartJointReview: z.object({
    departments: z
      .array(IdSchema)
      .min(2)
      .max(50)
      .refine((ds) => new Set(ds).size === ds.length, {
        message: 'departments must be distinct',
        params: bilingual('distinct', '部门不能重复'),
      }),
  }),
  /** TKT-08: one department's opinion in a joint review. */
  RecordJointReviewOpinion: z.object({
    departmentId: IdSchema,
    opinion: z.enum(['agree', 'disagree']),
    comment: Text().optional(),
  }),
  /** TKT-03, TKT-04: the initial review's outcome. */
  ReviewTicket: Review,
  /** TKT-03: final approval within the service type's limit. */
  GrantFinalApproval: z.object({ decisionRef: IdSchema.optional(), note: Text().optional() }),
  /** TKT-08: dispatch (派单) to a handling unit. */
  DispatchTicket: z.object({ unitId: IdSchema, note: Text().optional() }),
  /** TKT-08: the unit signs for (签收) the ticket. */
  SignForTicket: Empty,
  /** TKT-08: the unit returns (退单) the ticket with a reason. */
  ReturnTicket: z.object({ reason: Text() }),
  /** TKT-08: the handler asks for more time (延期). */
  RequestExtension: z.object({ workdays: Workdays, reason: Text() }),
  /** TKT-08: the extension is granted, possibly for fewer days than asked. */
  ApproveExtension: z.object({ workdays: Workdays.optional(), note: Text().optional() }),
  /** TKT-08: the extension is refused. */
  DeclineExtension: z.object({ reason: Text() }),
  /** TKT-08: supervision or escalation (督办). */
  SuperviseTicket: z.object({
    level: TicketSupervisionLevelSchema,
    reason: Text(),
    escalatedTo: IdSchema.optional(),
  }),
  /** TKT-08, TKT-10: completion with its result. */
  CompleteTicket: z.object({ result: Text(4000) }),
  /** TKT-07: return visit (回访) after completion. */
  MakeReturnVisit: z.object({
    method: TicketReturnVisitMethodSchema,
    resolved: z.boolean(),
    summary: personal(Text(4000), 'free-text'),
  }),
  /** TKT-10: closure with its summary and evaluation. */
  CloseTicket: z.object({ summary: Text(4000) }),
  /** TKT-08: reopen (重办) after an unsatisfied rating or an unresolved return visit. */
  ReopenTicket: z.object({
    ground: z.enum(['unsatisfied-rating', 'unresolved-return-visit']),
    reason: Text(),
  }),
  /** TKT-10: archive of the case records (ARC-02). */
  ArchiveTicket: z.object({ retentionClass: IdSchema, archiveNo: IdSchema.optional() }),
  /** SAT-01, SAT-02: the applicant's 好差评 evaluation. */
  RateTicket: z.object({
    level: TicketRatingLevelSchema,
    dimensions: TicketRatingDimensionsSchema.optional(),
    channel: TicketRatingChannelSchema.exclude(['system']),
    comment: personal(Text(2000), 'free-text').optional(),
  }),
  /** SAT-02: the policy's default rating when none was given in time. */
  ApplyDefaultRating: Empty,
} as const;

type Schemas = typeof TicketCommandSchemas;
/** A ticket command name. */
export type TicketCommandType = keyof Schemas;
/** The validated data of each ticket command. */
export type TicketCommandData = { [K in TicketCommandType]: z.output<Schemas[K]> };
/** A ticket command as it arrives: a type and untyped `data` (validated by the decider, X-05). */
export type TicketCommand = {
  [K in TicketCommandType]: { readonly type: K; readonly data: z.input<Schemas[K]> };
}[TicketCommandType];

/** Every ticket command type, in lifecycle order. */
export const ticketCommandTypes = Object.keys(TicketCommandSchemas) as TicketCommandType[];
