import { z } from 'zod';
import { IdSchema, Text } from '../kernel/schemas.js';
import { Workdays } from '../policy/common.js';

/** AUD-02, SAT-02, CMP-05: what opened the rectification. */
export const RectificationSourceSchema = z.object({
  kind: z.enum(['audit-finding', 'bad-rating', 'verified-complaint', 'other']),
  /** The finding, ticket or complaint id. */
  id: IdSchema,
  /** The stream of the source, when known (`audit-A1`, `ticket-T1`, `complaint-C1`). */
  streamId: z.string().min(1).max(200).optional(),
});

/** The data of every rectification command, by command type. */
export const RectificationCommandSchemas = {
  /** AUD-02: responsible unit and deadline; measures may follow. */
  OpenRectification: z.object({
    rectificationId: IdSchema,
    source: RectificationSourceSchema,
    responsibleUnitId: IdSchema,
    supervisingUnitId: IdSchema.optional(),
    issue: Text(5000),
    measures: z.array(Text(1000)).max(50).optional(),
    /** Overrides `policy.audit.rectificationWorkdays` for this case (e.g. a serious finding). */
    deadlineWorkdays: Workdays.optional(),
    /** SAT-02: the source must be verified 核实 first; defaults to true for a bad rating. */
    verificationRequired: z.boolean().optional(),
  }),
  /** SAT-02, AUD-02: the supervising department verifies the source (founded or not). */
  VerifyRectificationSource: z.object({
    founded: z.boolean(),
    note: Text(2000),
  }),
  /** AUD-02: the measures 整改措施 and who carries them out. */
  SetRectificationMeasures: z.object({
    measures: z.array(Text(1000)).min(1).max(50),
    responsiblePersonId: IdSchema.optional(),
  }),
  /** AUD-02: progress while the rectification is open. */
  ReportRectificationProgress: z.object({
    note: Text(2000),
    percentComplete: z.number().int().min(0).max(100),
  }),
  /** AUD-02: the responsible unit submits the rectification for acceptance. */
  SubmitRectification: z.object({
    summary: Text(5000),
    evidence: z.array(Text(500)).max(50).optional(),
  }),
  /** AUD-02: the supervising department verifies and accepts 验收. */
  AcceptRectification: z.object({
    verificationNote: Text(2000),
  }),
  /** AUD-02: the supervising department rejects the submission; the unit works on. */
  RejectRectification: z.object({
    reason: Text(2000),
  }),
  /** AUD-02: the problem came back after acceptance: a rebound 反弹. */
  ReopenRectification: z.object({
    reason: Text(2000),
    deadlineWorkdays: Workdays.optional(),
  }),
} as const;

type Schemas = typeof RectificationCommandSchemas;
/** A rectification command type. */
export type RectificationCommandType = keyof Schemas;
/** The validated data of a rectification command. */
export type RectificationCommandData<K extends RectificationCommandType> = z.output<Schemas[K]>;
/** A rectification command as it arrives: its data is checked by `decide`. */
export type RectificationCommand = {
  [K in RectificationCommandType]: { readonly type: K; readonly data: z.input<Schemas[K]> };
}[RectificationCommandType];
