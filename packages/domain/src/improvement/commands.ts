import { z } from 'zod';
import { IdSchema, IsoDateSchema, Text } from '../kernel/schemas.js';
import { bilingual } from '../kernel/validation.js';

/** AUD-04: a milestone of the plan with its due date. */
export const ImprovementMilestoneSchema = z.object({
  id: IdSchema,
  title: Text(300),
  dueDate: IsoDateSchema,
});

const Milestones = z
  .array(ImprovementMilestoneSchema)
  .min(1)
  .max(100)
  .superRefine((items, ctx) => {
    const seen = new Set<string>();
    items.forEach((m, i) => {
      if (seen.has(m.id))
        ctx.addIssue({
          code: 'custom',
          path: [i, 'id'],
          message: `duplicate milestone '${m.id}'`,
          params: bilingual('unique-id', `里程碑「${m.id}」重复`),
        });
      seen.add(m.id);
    });
  });

/** AUD-04: a monitored indicator and its measured value. */
export const ImprovementIndicatorSchema = z.object({
  name: Text(200),
  value: z.number().finite(),
  target: z.number().finite().optional(),
  unit: Text(30).optional(),
});

/** The data of every improvement-plan command, by command type (PDCA). */
export const ImprovementCommandSchemas = {
  /** Plan: goal, measures, responsible department, milestones. */
  PlanImprovement: z.object({
    planId: IdSchema,
    goal: Text(2000),
    measures: z.array(Text(1000)).min(1).max(50),
    responsibleDepartmentId: IdSchema,
    milestones: Milestones,
    /** What prompted it: a supervision, an evaluation, a survey, a rectification. */
    source: z
      .object({
        kind: z.enum(['audit', 'evaluation', 'survey', 'rectification', 'complaint', 'other']),
        id: IdSchema,
      })
      .optional(),
  }),
  /** Do: the plan is carried out. */
  StartImprovement: z.object({
    note: Text(2000).optional(),
  }),
  /** Do: a milestone reached. */
  CompleteMilestone: z.object({
    milestoneId: IdSchema,
    result: Text(2000),
  }),
  /** Check: the measured result against the goal (monitoring results). */
  CheckImprovement: z.object({
    measuredResult: Text(5000),
    indicators: z.array(ImprovementIndicatorSchema).max(50).optional(),
    goalMet: z.boolean(),
  }),
  /** Act: standardise what worked, or run another cycle with new milestones. */
  ActOnImprovement: z
    .object({
      decision: z.enum(['standardise', 'next-cycle']),
      actions: z.array(Text(1000)).min(1).max(50),
      nextMilestones: Milestones.optional(),
    })
    .superRefine((a, ctx) => {
      if (a.decision === 'next-cycle' && a.nextMilestones === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['nextMilestones'],
          message: 'another cycle needs its milestones',
          params: bilingual('next-cycle-milestones', '进入下一轮改进须制定新的里程碑'),
        });
    }),
} as const;

type Schemas = typeof ImprovementCommandSchemas;
/** An improvement-plan command type. */
export type ImprovementCommandType = keyof Schemas;
/** The validated data of an improvement-plan command. */
export type ImprovementCommandData<K extends ImprovementCommandType> = z.output<Schemas[K]>;
/** An improvement-plan command as it arrives: its data is checked by `decide`. */
export type ImprovementCommand = {
  [K in ImprovementCommandType]: { readonly type: K; readonly data: z.input<Schemas[K]> };
}[ImprovementCommandType];
