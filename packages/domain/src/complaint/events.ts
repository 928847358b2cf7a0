import { z } from 'zod';
import { DeadlineSchema } from '../calendar/deadline-schema.js';
import type { DomainEvent } from '../kernel/envelope.js';
import { IdSchema, InstantSchema, personal, Text } from '../kernel/schemas.js';
import {
  ComplainantSchema,
  ComplaintChannelSchema,
  ComplaintFormSchema,
  RespondentSchema,
} from './commands.js';

const Free = (max: number) => personal(Text(max), 'free-text');

/** The data of every complaint event, by event type. */
export const ComplaintEventSchemas = {
  ComplaintReceived: z.object({
    complaintId: IdSchema,
    channel: ComplaintChannelSchema,
    form: ComplaintFormSchema,
    complainant: ComplainantSchema,
    respondent: RespondentSchema,
    content: Free(5000),
    demands: z.array(Free(2000)),
    unitId: IdSchema,
    confidential: z.boolean(),
    firstResponsibleId: IdSchema,
    relatedTicketId: IdSchema.optional(),
    receivedAt: InstantSchema,
    /** CMP-03, X-04: answer due within `policy.complaint.answerWorkdays` working days. */
    answerDeadline: DeadlineSchema,
  }),
  ComplaintClassified: z.object({
    complaintId: IdSchema,
    gradeId: z.string().min(1),
    gradeName: z.string().min(1),
    escalationRequired: z.boolean(),
    category: Text(100).optional(),
    classifiedAt: InstantSchema,
  }),
  ComplaintEscalated: z.object({
    complaintId: IdSchema,
    to: z.enum(['higher-department', 'third-party']),
    targetId: IdSchema,
    targetName: Text(200),
    reason: Text(2000),
    gradeId: z.string().min(1),
    escalatedAt: InstantSchema,
  }),
  ComplaintAssigned: z.object({
    complaintId: IdSchema,
    handlerId: IdSchema,
    unitId: IdSchema,
    firstResponsibleId: IdSchema,
    assignedAt: InstantSchema,
  }),
  ComplaintInvestigated: z.object({
    complaintId: IdSchema,
    verified: z.boolean(),
    findings: Free(5000),
    respondent: RespondentSchema,
    responsibleUnitId: IdSchema,
    investigatedAt: InstantSchema,
  }),
  ComplaintAnswered: z.object({
    complaintId: IdSchema,
    reply: Free(5000),
    via: z.enum(['phone', 'online', 'on-site', 'written']),
    answeredAt: InstantSchema,
    receivedAt: InstantSchema,
    /** The stored deadline's end, copied so that K-07 reads one event. */
    dueAt: InstantSchema,
    /** K-07: answered before the deadline's end. */
    onTime: z.boolean(),
    /** Working days from receipt to answer (the receipt day not counted). */
    workdaysTaken: z.number().int().min(0),
    unitId: IdSchema,
    verified: z.boolean(),
  }),
  ComplaintReturnVisited: z.object({
    complaintId: IdSchema,
    outcome: z.enum(['satisfied', 'basically-satisfied', 'dissatisfied', 'unreachable']),
    level: z.number().int().min(1).max(5).optional(),
    notes: Free(2000).optional(),
    visitedAt: InstantSchema,
  }),
  ComplaintClosed: z.object({
    complaintId: IdSchema,
    summary: Text(2000),
    verified: z.boolean(),
    onTime: z.boolean(),
    gradeId: z.string().min(1),
    returnVisited: z.boolean(),
    closedAt: InstantSchema,
  }),
  ComplaintMarkedConfidential: z.object({
    complaintId: IdSchema,
    reason: Text(500),
    markedAt: InstantSchema,
  }),
} as const;

type Schemas = typeof ComplaintEventSchemas;
/** A complaint event type. */
export type ComplaintEventType = keyof Schemas;
/** The data of a complaint event. */
export type ComplaintEventData<K extends ComplaintEventType> = z.output<Schemas[K]>;
/** Every complaint event. */
export type ComplaintEvent = {
  [K in ComplaintEventType]: DomainEvent<K, z.output<Schemas[K]>>;
}[ComplaintEventType];
