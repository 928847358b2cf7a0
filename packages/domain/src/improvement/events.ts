import { z } from 'zod';
import type { DomainEvent } from '../kernel/envelope.js';
import { IdSchema, InstantSchema, IsoDateSchema, Text } from '../kernel/schemas.js';
import { ImprovementIndicatorSchema, ImprovementMilestoneSchema } from './commands.js';

const Cycle = z.number().int().min(1);

/** The data of every improvement-plan event, by event type. */
export const ImprovementEventSchemas = {
  ImprovementPlanned: z.object({
    planId: IdSchema,
    cycle: Cycle,
    goal: Text(2000),
    measures: z.array(Text(1000)),
    responsibleDepartmentId: IdSchema,
    milestones: z.array(ImprovementMilestoneSchema),
    source: z.object({ kind: z.string(), id: IdSchema }).optional(),
    plannedAt: InstantSchema,
  }),
  ImprovementStarted: z.object({
    planId: IdSchema,
    cycle: Cycle,
    note: Text(2000).optional(),
    startedAt: InstantSchema,
  }),
  ImprovementMilestoneCompleted: z.object({
    planId: IdSchema,
    cycle: Cycle,
    milestoneId: IdSchema,
    result: Text(2000),
    dueDate: IsoDateSchema,
    completedAt: InstantSchema,
    /** Completed on or before its due date (local date). */
    onTime: z.boolean(),
  }),
  ImprovementChecked: z.object({
    planId: IdSchema,
    cycle: Cycle,
    measuredResult: Text(5000),
    indicators: z.array(ImprovementIndicatorSchema).optional(),
    goalMet: z.boolean(),
    milestonesCompleted: z.number().int().min(0),
    milestonesTotal: z.number().int().min(0),
    checkedAt: InstantSchema,
  }),
  ImprovementActed: z.object({
    planId: IdSchema,
    cycle: Cycle,
    decision: z.enum(['standardise', 'next-cycle']),
    actions: z.array(Text(1000)),
    nextMilestones: z.array(ImprovementMilestoneSchema).optional(),
    actedAt: InstantSchema,
  }),
} as const;

type Schemas = typeof ImprovementEventSchemas;
/** An improvement-plan event type. */
export type ImprovementEventType = keyof Schemas;
/** The data of an improvement-plan event. */
export type ImprovementEventData<K extends ImprovementEventType> = z.output<Schemas[K]>;
/** Every improvement-plan event. */
export type ImprovementEvent = {
  [K in ImprovementEventType]: DomainEvent<K, z.output<Schemas[K]>>;
}[ImprovementEventType];
