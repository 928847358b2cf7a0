import type { DecideContext } from '../../kernel/context.js';
import type { Decider } from '../../kernel/decider.js';
import type { EmergencyPlanCommand } from './commands.js';
import { decideEmergencyPlan } from './decide.js';
import type { EmergencyPlanEvent } from './events.js';
import { evolveEmergencyPlan } from './evolve.js';
import { type EmergencyPlanState, initialEmergencyPlanState } from './state.js';

/** Emergency plans per facility class and their drills (EMG-03) as a {@link Decider}. */
export const emergencyPlanDecider: Decider<
  EmergencyPlanCommand,
  EmergencyPlanEvent,
  EmergencyPlanState,
  DecideContext
> = {
  initialState: initialEmergencyPlanState,
  decide: decideEmergencyPlan,
  evolve: evolveEmergencyPlan,
};

/** Stream id of an emergency plan and its drills: `emergency-plan-<planId>`. */
export const emergencyPlanStreamId = (planId: string): string => `emergency-plan-${planId}`;
