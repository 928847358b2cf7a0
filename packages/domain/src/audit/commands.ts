import { z } from 'zod';
import { IdSchema, IsoDateSchema, Text } from '../kernel/schemas.js';
import { bilingual } from '../kernel/validation.js';
import { PublicationSchema } from '../survey/publication.js';

/** AUD-01: daily 日常, periodic 定期, special 专项 (holidays, bad weather), third-party 第三方. */
export const AuditKindSchema = z.enum(['daily', 'periodic', 'special', 'third-party']);
/** AUD-01: what is supervised. */
export const AuditScopeSchema = z.object({
  level: z.enum(['centre', 'unit', 'window', 'facility-class']),
  id: IdSchema,
});
/** AUD-02: how serious a finding is. */
export const FindingSeveritySchema = z.enum(['minor', 'moderate', 'serious', 'critical']);

const ChecklistItemSchema = z.object({ id: IdSchema, text: Text(500) });

/** The data of every audit command, by command type. */
export const AuditCommandSchemas = {
  /** AUD-01: a supervision of one kind over one scope with its checklist. */
  OpenAudit: z
    .object({
      auditId: IdSchema,
      kind: AuditKindSchema,
      scope: AuditScopeSchema,
      supervisingUnitId: IdSchema,
      /** Special supervision: the occasion (holiday, bad weather …). */
      occasion: z.enum(['holiday', 'bad-weather', 'major-event', 'other']).optional(),
      /** Third-party supervision: the agency that performs it. */
      agency: Text(200).optional(),
      plannedDate: IsoDateSchema.optional(),
      checklist: z.array(ChecklistItemSchema).min(1).max(500),
    })
    .superRefine((a, ctx) => {
      if (a.kind === 'special' && a.occasion === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['occasion'],
          message: 'a special supervision names its occasion (holiday, bad weather …)',
          params: bilingual('special-occasion', '专项督查须注明事由（节假日、恶劣天气等）'),
        });
      if (a.kind === 'third-party' && a.agency === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['agency'],
          message: 'a third-party supervision names the agency',
          params: bilingual('third-party-agency', '第三方督查须注明评估机构'),
        });
      const seen = new Set<string>();
      a.checklist.forEach((item, i) => {
        if (seen.has(item.id))
          ctx.addIssue({
            code: 'custom',
            path: ['checklist', i, 'id'],
            message: `duplicate checklist item '${item.id}'`,
            params: bilingual('unique-id', `检查项「${item.id}」重复`),
          });
        seen.add(item.id);
      });
    }),
  /** AUD-01: the result of one checklist item. */
  RecordChecklistResult: z.object({
    itemId: IdSchema,
    result: z.enum(['pass', 'fail', 'not-applicable']),
    notes: Text(2000).optional(),
  }),
  /** AUD-01, AUD-02: a finding with its severity; it opens a rectification when required. */
  RecordFinding: z.object({
    findingId: IdSchema,
    itemId: IdSchema.optional(),
    severity: FindingSeveritySchema,
    description: Text(5000),
    responsibleUnitId: IdSchema,
    rectificationRequired: z.boolean().default(true),
  }),
  /** AUD-01: the supervision ends with a conclusion once every item is checked. */
  CloseAudit: z.object({
    conclusion: Text(5000),
  }),
  /** AUD-03: the half-yearly comprehensive evaluation with scores per staff member or unit. */
  RecordComprehensiveEvaluation: z.object({
    period: z.object({
      year: z.number().int().min(2000).max(2100),
      /** 1-based index of the period in the year (1 or 2 for half-years). */
      index: z.number().int().min(1).max(12),
    }),
    scores: z
      .array(
        z.object({
          subjectKind: z.enum(['staff', 'unit', 'window']),
          subjectId: IdSchema,
          score: z.number().min(0).max(100),
          remarks: Text(1000).optional(),
        }),
      )
      .min(1)
      .max(10_000)
      .superRefine((scores, ctx) => {
        const seen = new Set<string>();
        scores.forEach((s, i) => {
          const key = `${s.subjectKind}:${s.subjectId}`;
          if (seen.has(key))
            ctx.addIssue({
              code: 'custom',
              path: [i, 'subjectId'],
              message: `${key} is scored twice`,
              params: bilingual('one-score-per-subject', `「${key}」重复评分`),
            });
          seen.add(key);
        });
      }),
  }),
  /** SAT-05: supervision results published for a period. */
  PublishAuditResults: PublicationSchema,
} as const;

type Schemas = typeof AuditCommandSchemas;
/** An audit command type. */
export type AuditCommandType = keyof Schemas;
/** The validated data of an audit command. */
export type AuditCommandData<K extends AuditCommandType> = z.output<Schemas[K]>;
/** An audit command as it arrives: its data is checked by `decide`. */
export type AuditCommand = {
  [K in AuditCommandType]: { readonly type: K; readonly data: z.input<Schemas[K]> };
}[AuditCommandType];
