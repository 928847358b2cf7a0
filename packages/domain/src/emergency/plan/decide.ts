import * as E from 'fp-ts/lib/Either.js';
import type { DecideContext } from '../../kernel/context.js';
import { type CommandHandlers, createDecide, type DecideFunction } from '../../kernel/dispatch.js';
import type { DomainError } from '../../kernel/errors.js';
import { plainEvent } from '../../kernel/plain-json.js';
import { afterCycle } from '../cycle.js';
import { type EmergencyPlanCommand, EmergencyPlanCommandSchemas } from './commands.js';
import { drillDuplicate, planDate, planTransition, versionUnchanged } from './errors.js';
import type { EmergencyPlanEvent } from './events.js';
import type { EmergencyPlanState } from './state.js';

const event = plainEvent<EmergencyPlanEvent>();

/** A fact's date must have come, and a plan's drills and revisions follow its adoption. */
const checkDate = (
  date: string,
  path: string,
  state: EmergencyPlanState,
  ctx: DecideContext,
): E.Either<DomainError, string> => {
  const today = ctx.calendar.dateOf(ctx.now);
  if (date > today) return E.left(planDate('EMERGENCY_DATE_IN_FUTURE', [path], date, today));
  if (state.adoptedOn !== undefined && date < state.adoptedOn)
    return E.left(planDate('EMERGENCY_DATE_BEFORE_ADOPTION', [path], date, state.adoptedOn));
  return E.right(date);
};

const HANDLERS: CommandHandlers<
  typeof EmergencyPlanCommandSchemas,
  EmergencyPlanEvent,
  EmergencyPlanState,
  DecideContext
> = {
  AdoptEmergencyPlan: (d, state, ctx) => {
    if (state.adopted) return E.left(planTransition(true, 'AdoptEmergencyPlan'));
    const date = checkDate(d.adoptedOn, 'adoptedOn', state, ctx);
    if (E.isLeft(date)) return date;
    const { specialized, comprehensive } = ctx.policy.emergency.drillCycles;
    const drillsDue = {
      specialized: afterCycle(d.adoptedOn, specialized),
      comprehensive: afterCycle(d.adoptedOn, comprehensive),
    };
    return E.right([event('EmergencyPlanAdopted', { ...d, drillsDue })]);
  },
  ReviseEmergencyPlan: (d, state, ctx) => {
    if (!state.adopted || state.version === undefined)
      return E.left(planTransition(false, 'ReviseEmergencyPlan'));
    if (d.version === state.version) return E.left(versionUnchanged(state.version));
    const date = checkDate(d.revisedOn, 'revisedOn', state, ctx);
    if (E.isLeft(date)) return date;
    return E.right([event('EmergencyPlanRevised', { ...d, previousVersion: state.version })]);
  },
  RecordDrill: (d, state, ctx) => {
    const { facilityClass, version } = state;
    if (!state.adopted || facilityClass === undefined || version === undefined)
      return E.left(planTransition(false, 'RecordDrill'));
    if (state.drillIds.includes(d.drillId)) return E.left(drillDuplicate(d.drillId));
    const date = checkDate(d.heldOn, 'heldOn', state, ctx);
    if (E.isLeft(date)) return date;
    const nextDueOn = afterCycle(d.heldOn, ctx.policy.emergency.drillCycles[d.kind]);
    return E.right([
      event('DrillRecorded', { ...d, facilityClass, planVersion: version, nextDueOn }),
    ]);
  },
};

/** Decides an emergency-plan command (EMG-03): adoption, revisions and drills. Never throws. */
export const decideEmergencyPlan: DecideFunction<
  EmergencyPlanCommand,
  EmergencyPlanEvent,
  EmergencyPlanState
> = createDecide({
  aggregate: { zh: '应急预案', en: 'emergency-plan' },
  schemas: EmergencyPlanCommandSchemas,
  requirementOf: 'EMG-03',
  handlers: HANDLERS,
});
