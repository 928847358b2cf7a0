import { z } from 'zod';
import type { DomainEvent } from '../kernel/envelope.js';
import { IdSchema, InstantSchema, IsoDateSchema, Text } from '../kernel/schemas.js';
import { PublicationFiguresSchema } from '../survey/publication.js';
import { AuditKindSchema, AuditScopeSchema, FindingSeveritySchema } from './commands.js';

const Count = z.number().int().min(0);

/** The data of every audit event, by event type. */
export const AuditEventSchemas = {
  AuditOpened: z.object({
    auditId: IdSchema,
    kind: AuditKindSchema,
    scope: AuditScopeSchema,
    supervisingUnitId: IdSchema,
    occasion: z.enum(['holiday', 'bad-weather', 'major-event', 'other']).optional(),
    agency: Text(200).optional(),
    plannedDate: IsoDateSchema.optional(),
    checklist: z.array(z.object({ id: IdSchema, text: Text(500) })),
    openedAt: InstantSchema,
  }),
  ChecklistItemChecked: z.object({
    auditId: IdSchema,
    itemId: IdSchema,
    result: z.enum(['pass', 'fail', 'not-applicable']),
    notes: Text(2000).optional(),
    checkedAt: InstantSchema,
  }),
  /** AUD-02: carries what a rectification needs (source, unit) for the reaction that opens it. */
  AuditFindingRecorded: z.object({
    auditId: IdSchema,
    findingId: IdSchema,
    kind: AuditKindSchema,
    scope: AuditScopeSchema,
    itemId: IdSchema.optional(),
    severity: FindingSeveritySchema,
    description: Text(5000),
    responsibleUnitId: IdSchema,
    supervisingUnitId: IdSchema,
    rectificationRequired: z.boolean(),
    foundAt: InstantSchema,
  }),
  AuditClosed: z.object({
    auditId: IdSchema,
    kind: AuditKindSchema,
    scope: AuditScopeSchema,
    conclusion: Text(5000),
    items: z.object({ pass: Count, fail: Count, notApplicable: Count }),
    findings: z.object({ minor: Count, moderate: Count, serious: Count, critical: Count }),
    closedAt: InstantSchema,
  }),
  ComprehensiveEvaluationRecorded: z.object({
    auditId: IdSchema,
    /** AUD-03: the evaluated period, its length from `policy.audit.comprehensiveEvaluationMonths`. */
    period: z.object({
      year: z.number().int(),
      index: z.number().int(),
      months: z.number().int(),
      start: IsoDateSchema,
      end: IsoDateSchema,
    }),
    scores: z.array(
      z.object({
        subjectKind: z.enum(['staff', 'unit', 'window']),
        subjectId: IdSchema,
        score: z.number(),
        remarks: Text(1000).optional(),
      }),
    ),
    averageScore: z.number(),
    evaluatedAt: InstantSchema,
  }),
  AuditResultsPublished: z.object({
    auditId: IdSchema,
    period: z.string(),
    channel: Text(200),
    figures: PublicationFiguresSchema,
    note: Text(2000).optional(),
    publishedAt: InstantSchema,
  }),
} as const;

type Schemas = typeof AuditEventSchemas;
/** An audit event type. */
export type AuditEventType = keyof Schemas;
/** The data of an audit event. */
export type AuditEventData<K extends AuditEventType> = z.output<Schemas[K]>;
/** Every audit event. */
export type AuditEvent = {
  [K in AuditEventType]: DomainEvent<K, z.output<Schemas[K]>>;
}[AuditEventType];
