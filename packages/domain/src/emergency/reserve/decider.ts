import type { DecideContext } from '../../kernel/context.js';
import type { Decider } from '../../kernel/decider.js';
import type { ReserveCommand } from './commands.js';
import { decideReserve } from './decide.js';
import type { ReserveEvent } from './events.js';
import { evolveReserve } from './evolve.js';
import { initialReserveState, type ReserveState } from './state.js';

/** Reserve-capacity records of one facility (EMG-04) as a {@link Decider}. */
export const reserveDecider: Decider<ReserveCommand, ReserveEvent, ReserveState, DecideContext> = {
  initialState: initialReserveState,
  decide: decideReserve,
  evolve: evolveReserve,
};

/** Stream id of a facility's reserve-capacity records: `reserve-<facilityId>`. */
export const reserveStreamId = (facilityId: string): string => `reserve-${facilityId}`;
