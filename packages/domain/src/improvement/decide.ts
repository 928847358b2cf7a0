import * as E from 'fp-ts/lib/Either.js';
import type { DecideContext } from '../kernel/context.js';
import {
  type CommandHandlers,
  createDecide,
  type DecideFunction,
  stepGuard,
} from '../kernel/dispatch.js';
import type { DomainError } from '../kernel/errors.js';
import { plainEvents } from '../kernel/plain-json.js';
import {
  type ImprovementCommand,
  ImprovementCommandSchemas,
  type ImprovementCommandType,
} from './commands.js';
import {
  improvementMilestoneDone,
  improvementMilestoneInPast,
  improvementStepNotAllowed,
  improvementUnknownMilestone,
} from './errors.js';
import type { ImprovementEvent } from './events.js';
import type { ImprovementState } from './state.js';

const inStep = stepGuard<ImprovementState, ImprovementEvent, ImprovementCommandType>(
  improvementStepNotAllowed,
);

const id = (state: ImprovementState): string => state.planId ?? '';

/** AUD-04: no milestone may already be overdue when it is planned. */
const pastMilestone = (
  milestones: readonly { readonly dueDate: string }[],
  ctx: DecideContext,
  field: string,
): DomainError | undefined => {
  const today = ctx.calendar.dateOf(ctx.now);
  const i = milestones.findIndex((m) => m.dueDate < today);
  const m = milestones[i];
  return m === undefined
    ? undefined
    : improvementMilestoneInPast(m.dueDate, today, [field, i, 'dueDate']);
};

const handlers: CommandHandlers<
  typeof ImprovementCommandSchemas,
  ImprovementEvent,
  ImprovementState,
  DecideContext
> = {
  PlanImprovement: (data, state, ctx) =>
    inStep(state, ['none'], 'PlanImprovement', () => {
      const past = pastMilestone(data.milestones, ctx, 'milestones');
      if (past) return E.left(past);
      return E.right([
        { type: 'ImprovementPlanned', data: { ...data, cycle: 1, plannedAt: ctx.now } },
      ]);
    }),

  StartImprovement: (data, state, ctx) =>
    inStep(state, ['planned'], 'StartImprovement', () =>
      E.right([
        {
          type: 'ImprovementStarted',
          data: { planId: id(state), cycle: state.cycle, ...data, startedAt: ctx.now },
        },
      ]),
    ),

  CompleteMilestone: (data, state, ctx) =>
    inStep(state, ['doing'], 'CompleteMilestone', () => {
      const milestone = state.milestones.find((m) => m.id === data.milestoneId);
      if (!milestone) return E.left(improvementUnknownMilestone(data.milestoneId));
      if (milestone.completed) return E.left(improvementMilestoneDone(data.milestoneId));
      return E.right([
        {
          type: 'ImprovementMilestoneCompleted',
          data: {
            planId: id(state),
            cycle: state.cycle,
            ...data,
            dueDate: milestone.dueDate,
            completedAt: ctx.now,
            onTime: ctx.calendar.dateOf(ctx.now) <= milestone.dueDate,
          },
        },
      ]);
    }),

  CheckImprovement: (data, state, ctx) =>
    inStep(state, ['doing'], 'CheckImprovement', () =>
      E.right([
        {
          type: 'ImprovementChecked',
          data: {
            planId: id(state),
            cycle: state.cycle,
            ...data,
            milestonesCompleted: state.milestones.filter((m) => m.completed).length,
            milestonesTotal: state.milestones.length,
            checkedAt: ctx.now,
          },
        },
      ]),
    ),

  ActOnImprovement: (data, state, ctx) =>
    inStep(state, ['checked'], 'ActOnImprovement', () => {
      const past =
        data.decision === 'next-cycle'
          ? pastMilestone(data.nextMilestones ?? [], ctx, 'nextMilestones')
          : undefined;
      if (past) return E.left(past);
      const { nextMilestones, ...rest } = data;
      return E.right([
        {
          type: 'ImprovementActed',
          data: {
            planId: id(state),
            cycle: state.cycle,
            ...rest,
            // Milestones of a standardised plan would never run; keep only those of a new cycle.
            ...(data.decision === 'next-cycle' &&
              nextMilestones !== undefined && { nextMilestones }),
            actedAt: ctx.now,
          },
        },
      ]);
    }),
};

/** Decides an improvement-plan command (AUD-04, PDCA); never throws. */
export const decideImprovement: DecideFunction<
  ImprovementCommand,
  ImprovementEvent,
  ImprovementState
> = createDecide({
  aggregate: { zh: '改进计划', en: 'improvement-plan' },
  unknownCode: 'IMPROVEMENT_UNKNOWN_COMMAND',
  schemas: ImprovementCommandSchemas,
  requirementOf: 'AUD-04',
  handlers,
  finish: plainEvents,
});
