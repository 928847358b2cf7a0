import type { DecideContext } from '../kernel/context.js';
import type { Decider } from '../kernel/decider.js';
import type { ImprovementCommand } from './commands.js';
import { decideImprovement } from './decide.js';
import type { ImprovementEvent } from './events.js';
import { evolveImprovement } from './evolve.js';
import { type ImprovementState, initialImprovementState } from './state.js';

/** The continuous-improvement plan 持续改进 aggregate (AUD-04, PDCA). */
export const improvementDecider: Decider<
  ImprovementCommand,
  ImprovementEvent,
  ImprovementState,
  DecideContext
> = {
  initialState: initialImprovementState,
  decide: decideImprovement,
  evolve: evolveImprovement,
};

/** Stream id of an improvement plan: `improvement-<id>`. */
export const improvementStreamId = (planId: string): string => `improvement-${planId}`;
