import type { Decider } from '../kernel/decider.js';
import type { StaffCommand } from './commands.js';
import type { StaffContext } from './context.js';
import { decideStaff } from './decide.js';
import type { StaffEvent } from './events.js';
import { evolveStaff } from './evolve.js';
import { initialStaffState, type StaffState } from './state.js';

/** The staff aggregate (STF-01 … STF-05) as a {@link Decider}. */
export const staffDecider: Decider<StaffCommand, StaffEvent, StaffState, StaffContext> = {
  initialState: initialStaffState,
  decide: decideStaff,
  evolve: evolveStaff,
};

/** Stream id of a staff member: `staff-<id>`. */
export const staffStreamId = (staffId: string): string => `staff-${staffId}`;
