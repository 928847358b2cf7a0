import { z } from 'zod';
import { DeadlineSchema } from '../calendar/deadline-schema.js';
import type { DomainEvent } from '../kernel/envelope.js';
import { IdSchema, InstantSchema, Text } from '../kernel/schemas.js';
import { RectificationSourceSchema } from './commands.js';

const Count = z.number().int().min(0);

/**
 * The data of every rectification event, by event type. The rectification ledger 整改台账
 * and K-14 read them: each event that matters carries source, unit, deadline and rebounds.
 */
export const RectificationEventSchemas = {
  RectificationOpened: z.object({
    rectificationId: IdSchema,
    source: RectificationSourceSchema,
    responsibleUnitId: IdSchema,
    supervisingUnitId: IdSchema.optional(),
    issue: Text(5000),
    measures: z.array(Text(1000)).optional(),
    /** AUD-02, X-04: `policy.audit.rectificationWorkdays` (or the override) from opening. */
    deadline: DeadlineSchema,
    /** SAT-02: whether the source must be verified before the work can be submitted. */
    verificationRequired: z.boolean(),
    openedAt: InstantSchema,
  }),
  /** SAT-02: an unfounded source dismisses the rectification; it is then not due (K-14). */
  RectificationSourceVerified: z.object({
    rectificationId: IdSchema,
    source: RectificationSourceSchema,
    responsibleUnitId: IdSchema,
    founded: z.boolean(),
    note: Text(2000),
    verifiedAt: InstantSchema,
    verifiedBy: z.string().min(1),
  }),
  RectificationMeasuresSet: z.object({
    rectificationId: IdSchema,
    measures: z.array(Text(1000)),
    responsiblePersonId: IdSchema.optional(),
    setAt: InstantSchema,
  }),
  RectificationProgressReported: z.object({
    rectificationId: IdSchema,
    note: Text(2000),
    percentComplete: z.number().int().min(0).max(100),
    reportedAt: InstantSchema,
  }),
  RectificationSubmitted: z.object({
    rectificationId: IdSchema,
    summary: Text(5000),
    evidence: z.array(Text(500)).optional(),
    submittedAt: InstantSchema,
    dueAt: InstantSchema,
    beforeDeadline: z.boolean(),
  }),
  RectificationAccepted: z.object({
    rectificationId: IdSchema,
    source: RectificationSourceSchema,
    responsibleUnitId: IdSchema,
    verificationNote: Text(2000),
    acceptedAt: InstantSchema,
    acceptedBy: z.string().min(1),
    acceptedByUnit: z.string().min(1),
    deadline: DeadlineSchema,
    /** K-14: accepted before the deadline's end. */
    onTime: z.boolean(),
    reboundCount: Count,
  }),
  RectificationRejected: z.object({
    rectificationId: IdSchema,
    reason: Text(2000),
    rejectedAt: InstantSchema,
    rejectedBy: z.string().min(1),
  }),
  RectificationReopened: z.object({
    rectificationId: IdSchema,
    source: RectificationSourceSchema,
    responsibleUnitId: IdSchema,
    reason: Text(2000),
    /** AUD-02: rebounds so far, this one included. */
    reboundCount: Count,
    /** A new deadline starts with the rebound. */
    deadline: DeadlineSchema,
    reopenedAt: InstantSchema,
  }),
} as const;

type Schemas = typeof RectificationEventSchemas;
/** A rectification event type. */
export type RectificationEventType = keyof Schemas;
/** The data of a rectification event. */
export type RectificationEventData<K extends RectificationEventType> = z.output<Schemas[K]>;
/** Every rectification event. */
export type RectificationEvent = {
  [K in RectificationEventType]: DomainEvent<K, z.output<Schemas[K]>>;
}[RectificationEventType];
