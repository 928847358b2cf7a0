import {
  type StoredEvent,
  type TicketEvent,
  type TicketProgress,
  type TicketState,
  ticketDecider,
  ticketProgress,
} from '@civic-ledger/domain';
import { envelopeOf, idOf } from '../kernel/events.js';
import type { Projection } from '../kernel/projection.js';
import { snapshot } from '../kernel/snapshot.js';

export interface ApplicantProgressState {
  /** Each ticket's state as the Ticket aggregate folds it (it holds no personal data). */
  readonly tickets: Map<string, TicketState>;
}

export interface ApplicantProgressQueries {
  /** TKT-05: what the applicant may see of a ticket at any time; undefined for an unknown id. */
  progress(ticketId: string): TicketProgress | undefined;
}

/**
 * Applicant progress (TKT-05): folds every ticket with the Ticket aggregate's own `evolve`
 * and answers with its `ticketProgress` view, so the applicant sees exactly the lifecycle
 * the decider enforces.
 */
export const applicantProgressProjection: Projection<
  ApplicantProgressState,
  ApplicantProgressQueries
> = {
  name: 'applicant-progress',
  version: 1,
  filter: { streamPrefixes: ['ticket-'] },
  init: () => ({ tickets: new Map() }),
  apply: (state, stored: StoredEvent) => {
    const id = idOf(stored.envelope.streamId, 'ticket-');
    if (id === undefined) return state;
    const e = envelopeOf<TicketEvent>(stored);
    const current = state.tickets.get(id) ?? ticketDecider.initialState;
    state.tickets.set(
      id,
      ticketDecider.evolve(current, { type: e.type, data: e.data } as TicketEvent),
    );
    return state;
  },
  queries: (state) => ({
    progress: (ticketId) => {
      const t = state.tickets.get(ticketId);
      return t === undefined ? undefined : snapshot(ticketProgress(t));
    },
  }),
};
