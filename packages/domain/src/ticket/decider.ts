import type { Decider } from '../kernel/decider.js';
import type { TicketCommand } from './commands.js';
import type { TicketContext } from './context.js';
import { decideTicket } from './decide.js';
import type { TicketEvent } from './events.js';
import { evolveTicket } from './evolve.js';
import { initialTicketState, type TicketState } from './state.js';

/** The ticket aggregate (工单): decide + evolve over the `ticket-<id>` stream. */
export const ticketDecider: Decider<TicketCommand, TicketEvent, TicketState, TicketContext> = {
  initialState: initialTicketState,
  decide: decideTicket,
  evolve: evolveTicket,
};

/** The stream id of a ticket: `ticket-<id>`. */
export const ticketStreamId = (ticketId: string): string => `ticket-${ticketId}`;
