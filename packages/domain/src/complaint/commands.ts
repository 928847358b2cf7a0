import { z } from 'zod';
import { ChinaPhoneNumberSchema } from '../identity/phone.js';
import { IdSchema, personal, Text } from '../kernel/schemas.js';
import { bilingual } from '../kernel/validation.js';

/** CMP-01: how a complaint reached the centre. */
export const ComplaintChannelSchema = z.enum(['phone', 'online', 'on-site']);
/** CMP-01: written (书面) or electronic (电子) form. */
export const ComplaintFormSchema = z.enum(['written', 'electronic']);

/** A citizen's phone number (personal data, X-06): the identity module's mainland check. */
export const ComplainantPhoneSchema = ChinaPhoneNumberSchema;

/** CMP-01: who complains. Every field that identifies the person is personal data. */
export const ComplainantSchema = z
  .object({
    anonymous: z.boolean().default(false),
    name: personal(Text(100), 'name').optional(),
    phone: personal(ComplainantPhoneSchema, 'phone').optional(),
    address: personal(Text(300), 'address').optional(),
  })
  .superRefine((c, ctx) => {
    if (!c.anonymous && c.name === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['name'],
        message: 'a named complaint needs the complainant name (or set anonymous)',
        params: bilingual('complainant-named', '实名投诉须填写投诉人姓名（或标记为匿名）'),
      });
  });

/** CMP-01: who or what is complained about: a staff member, a window or a unit. */
export const RespondentSchema = z.object({
  kind: z.enum(['staff', 'window', 'unit']),
  id: IdSchema,
  /** The unit the staff member or window belongs to (for per-unit reports). */
  unitId: IdSchema.optional(),
});

const ComplaintText = (max: number) => personal(Text(max), 'free-text');

/** The data of every complaint command, by command type. */
export const ComplaintCommandSchemas = {
  /** CMP-01: intake by phone, online or on site. */
  ReceiveComplaint: z.object({
    complaintId: IdSchema,
    channel: ComplaintChannelSchema,
    form: ComplaintFormSchema,
    complainant: ComplainantSchema,
    respondent: RespondentSchema,
    content: ComplaintText(5000),
    demands: z.array(ComplaintText(2000)).min(1).max(20),
    /** The centre or unit that received it. */
    unitId: IdSchema,
    /** CMP-06: sensitive complaints are confidential from intake. */
    confidential: z.boolean().default(false),
    /** CMP-03: the first-responsibility owner 首问责任人; defaults to the receiving actor. */
    firstResponsibleId: IdSchema.optional(),
    /** The service ticket the complaint is about, if any. */
    relatedTicketId: IdSchema.optional(),
  }),
  /** CMP-02: graded handling 分级处理 with a grade of `policy.complaint.grades`. */
  ClassifyComplaint: z.object({
    gradeId: z.string().trim().min(1).max(64),
    category: Text(100).optional(),
  }),
  /** CMP-02: a major or complex complaint goes to a higher department or a third party. */
  EscalateComplaint: z.object({
    to: z.enum(['higher-department', 'third-party']),
    targetId: IdSchema,
    targetName: Text(200),
    reason: Text(2000),
  }),
  /** CMP-03, CMP-04: the handler and unit that investigate. */
  AssignComplaint: z.object({
    handlerId: IdSchema,
    unitId: IdSchema,
  }),
  /** CMP-04: the investigation's finding: verified 属实 or not. */
  RecordInvestigation: z.object({
    verified: z.boolean(),
    findings: ComplaintText(5000),
    /** The unit that must rectify; defaults to the respondent's unit, then the assigned unit. */
    responsibleUnitId: IdSchema.optional(),
  }),
  /** CMP-03: the result fed back to the complainant. */
  AnswerComplaint: z.object({
    reply: ComplaintText(5000),
    via: z.enum(['phone', 'online', 'on-site', 'written']),
  }),
  /** CMP-04: the return visit 回访 after the answer. */
  RecordReturnVisit: z.object({
    outcome: z.enum(['satisfied', 'basically-satisfied', 'dissatisfied', 'unreachable']),
    level: z.number().int().min(1).max(5).optional(),
    notes: ComplaintText(2000).optional(),
  }),
  /** CMP-04: the loop is closed. */
  CloseComplaint: z.object({
    summary: Text(2000),
  }),
  /** CMP-06: a complaint found sensitive later becomes confidential. */
  MarkComplaintConfidential: z.object({
    reason: Text(500),
  }),
} as const;

type Schemas = typeof ComplaintCommandSchemas;
/** A complaint command type. */
export type ComplaintCommandType = keyof Schemas;
/** The validated data of a complaint command. */
export type ComplaintCommandData<K extends ComplaintCommandType> = z.output<Schemas[K]>;
/** A complaint command as it arrives: its data is checked by `decide`. */
export type ComplaintCommand = {
  [K in ComplaintCommandType]: { readonly type: K; readonly data: z.input<Schemas[K]> };
}[ComplaintCommandType];
