import type { DecideContext } from '../kernel/context.js';
import type { Decider } from '../kernel/decider.js';
import type { ComplaintCommand } from './commands.js';
import { decideComplaint } from './decide.js';
import type { ComplaintEvent } from './events.js';
import { evolveComplaint } from './evolve.js';
import { type ComplaintState, initialComplaintState } from './state.js';

/** The complaint aggregate (CMP-01 … CMP-06). */
export const complaintDecider: Decider<
  ComplaintCommand,
  ComplaintEvent,
  ComplaintState,
  DecideContext
> = {
  initialState: initialComplaintState,
  decide: decideComplaint,
  evolve: evolveComplaint,
};

/** Stream id of a complaint: `complaint-<id>`. */
export const complaintStreamId = (complaintId: string): string => `complaint-${complaintId}`;
