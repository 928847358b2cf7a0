import { z } from 'zod';
import { IdSchema, InstantSchema, IsoDateSchema, personal, Text } from '../kernel/schemas.js';
import { bilingual } from '../kernel/validation.js';
import { isSecondedRole, StaffRoleSchema } from './roles.js';
import { ConductKindSchema, QUANTIFIED_CONDUCT } from './triggers.js';

/** STF-04: where a seconded person comes from and since when they serve at the centre. */
export const SecondmentInputSchema = z.object({
  /** 派出单位: the department that sends the person. */
  sendingUnit: IdSchema,
  /** First day of service at the centre; the 2-year minimum term counts from here. */
  startDate: IsoDateSchema,
  /** Reference of the department's letter (函告), if any. */
  letterRef: Text(200).optional(),
});

const RegisterStaff = z
  .object({
    staffId: IdSchema,
    name: personal(Text(100), 'name'),
    role: StaffRoleSchema,
    /** The unit (centre, hall, maintenance team) the person serves in. */
    unit: IdSchema,
    secondment: SecondmentInputSchema.optional(),
  })
  .superRefine((v, ctx) => {
    if (isSecondedRole(v.role) && v.secondment === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['secondment'],
        message: 'a seconded role needs the sending unit and start date',
        params: bilingual('secondment-required', '派驻岗位须填写派出单位和进驻日期'),
      });
    if (!isSecondedRole(v.role) && v.secondment !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['secondment'],
        message: 'only seconded department staff and chief representatives have a secondment',
        params: bilingual('secondment-not-allowed', '仅部门派驻人员和首席代表有派驻信息'),
      });
  });

const ChangeRole = z.object({ role: StaffRoleSchema, effectiveDate: IsoDateSchema });

const PutOnPost = z.object({
  date: IsoDateSchema,
  /** Window or post (窗口 / 岗位) the person takes up, if named. */
  post: Text(100).optional(),
});

const TakeOffPost = z.object({ date: IsoDateSchema, reason: Text(500) });

const validityOrder = (v: { validFrom: string; validUntil: string }, ctx: z.RefinementCtx) => {
  if (v.validUntil < v.validFrom)
    ctx.addIssue({
      code: 'custom',
      path: ['validUntil'],
      message: 'validUntil is before validFrom',
      params: bilingual('validity-order', '有效期截止日期早于起始日期'),
    });
};

const RecordCertificate = z
  .object({
    /** Kind of certificate (electrician, pipe-fitter, …), as FAC-08 and the policy name it. */
    kind: IdSchema,
    number: Text(64),
    issuer: Text(200).optional(),
    validFrom: IsoDateSchema,
    validUntil: IsoDateSchema,
  })
  .superRefine(validityOrder);

const RenewCertificate = z.object({
  kind: IdSchema,
  number: Text(64),
  renewedOn: IsoDateSchema,
  validUntil: IsoDateSchema,
});

const RevokeCertificate = z.object({
  kind: IdSchema,
  number: Text(64),
  /** First day on which the certificate no longer counts. */
  revokedOn: IsoDateSchema,
  reason: Text(500),
});

const RecordTraining = z.object({
  trainingId: IdSchema,
  topic: Text(200),
  trainedOn: IsoDateSchema,
  hours: z.number().positive().max(1000).optional(),
  provider: Text(200).optional(),
  passed: z.boolean().optional(),
});

const PeriodSchema = z
  .object({ from: IsoDateSchema, to: IsoDateSchema })
  .refine((p) => p.to >= p.from, {
    path: ['to'],
    message: 'period ends before it starts',
    params: bilingual('period-order', '期间结束日期早于开始日期'),
  });

/** STF-03: the outcome of an assessment (考核). */
export const AssessmentResultSchema = z.enum(['excellent', 'good', 'pass', 'fail']);

const RecordAssessment = z.object({
  assessmentId: IdSchema,
  assessedOn: IsoDateSchema,
  period: PeriodSchema.optional(),
  result: AssessmentResultSchema,
  score: z.number().min(0).max(100).optional(),
  assessorId: IdSchema.optional(),
});

/** STF-05: the quantitative part of a performance record (定量评估). */
export const QuantitativePerformanceSchema = z.object({
  servicesHandled: z.number().int().min(0).optional(),
  averageHandlingMinutes: z.number().min(0).optional(),
  /** Share of good ratings, 0–1. */
  satisfactionRate: z.number().min(0).max(1).optional(),
  score: z.number().min(0).max(100).optional(),
});

const RecordPerformance = z
  .object({
    recordId: IdSchema,
    period: PeriodSchema,
    quantitative: QuantitativePerformanceSchema.optional(),
    /** 定性评估: may mention people, so it is personal free text. */
    qualitative: personal(Text(4000), 'free-text').optional(),
    rating: z.enum(['excellent', 'good', 'fair', 'poor']).optional(),
    /** What the result feeds (绩效奖金、晋升). */
    usedFor: z
      .array(z.enum(['bonus', 'promotion']))
      .max(2)
      .optional(),
  })
  .superRefine((v, ctx) => {
    const q = v.quantitative;
    const hasQuantity = q !== undefined && Object.values(q).some((x) => x !== undefined);
    if (!hasQuantity && v.qualitative === undefined && v.rating === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['quantitative'],
        message: 'a performance record needs a quantitative or a qualitative result',
        params: bilingual('performance-content', '绩效记录须包含定量或定性评估结果'),
      });
  });

const RecordConductIncident = z
  .object({
    /** The record's own id: the evidence a removal trigger names. */
    recordId: IdSchema,
    kind: ConductKindSchema,
    occurredOn: IsoDateSchema,
    /** Days of absence or times late / left early; 1 for every other kind. */
    quantity: z.number().int().min(1).max(366).default(1),
    description: personal(Text(2000), 'free-text').optional(),
  })
  .superRefine((v, ctx) => {
    if (v.quantity > 1 && !QUANTIFIED_CONDUCT.includes(v.kind))
      ctx.addIssue({
        code: 'custom',
        path: ['quantity'],
        message: 'only absences and lateness / early leave count more than once per record',
        params: bilingual('quantity-not-allowed', '仅旷工和迟到早退可按天数或次数记录'),
      });
  });

const RecordVerifiedComplaint = z.object({
  complaintId: IdSchema,
  /** When the complaint was found verified (属实, CMP-04). */
  verifiedAt: InstantSchema,
});

const EndSecondment = z
  .object({
    /** Last day of service at the centre. */
    endDate: IsoDateSchema,
    reason: Text(500),
    /** Required when the end falls before the minimum term (STF-04). */
    earlyEndReason: Text(500).optional(),
    /** The successor who took over (先进后出). */
    successorStaffId: IdSchema.optional(),
    /** Why nobody takes over (e.g. the service item left the centre). */
    noSuccessorReason: Text(500).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.successorStaffId !== undefined && v.noSuccessorReason !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['noSuccessorReason'],
        message: 'give either a successor or the reason there is none, not both',
        params: bilingual('successor-or-reason', '接替人员与无接替原因只能二选一'),
      });
  });

/** Schemas of the `data` of every staff command, by command type. */
export const StaffCommandSchemas = {
  RegisterStaff,
  ChangeRole,
  PutOnPost,
  TakeOffPost,
  RecordCertificate,
  RenewCertificate,
  RevokeCertificate,
  RecordTraining,
  RecordAssessment,
  RecordPerformance,
  RecordConductIncident,
  RecordVerifiedComplaint,
  EndSecondment,
} as const;

type Schemas = typeof StaffCommandSchemas;
export type StaffCommandType = keyof Schemas;
/** Parsed `data` of a staff command. */
export type StaffCommandData<K extends StaffCommandType> = z.output<Schemas[K]>;
/** A staff command as callers send it (`data` before defaults are applied). */
export type StaffCommand = {
  [K in StaffCommandType]: { readonly type: K; readonly data: z.input<Schemas[K]> };
}[StaffCommandType];
