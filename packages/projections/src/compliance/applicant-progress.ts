import {
  evolveTicketInPlace,
  initialTicketState,
  ownTicketState,
  type StoredEvent,
  type TicketEvent,
  type TicketProgress,
  type TicketState,
  ticketProgress,
} from '@civic-ledger/domain';
import { envelopeOf, idOf } from '../kernel/events.js';
import type { Projection } from '../kernel/projection.js';
import { snapshot } from '../kernel/snapshot.js';
import type { EntityAccess } from '../kernel/spill.js';

/** Tickets are entities keyed by ticket id: their progress can live in a document store. */
const ticketEntities: EntityAccess<ApplicantProgressState> = {
  entities: (state) => state.tickets,
  keyOf: (_, stored) => {
    const id = idOf(stored.envelope.streamId, 'ticket-');
    return id === undefined ? undefined : { key: id, fresh: stored.envelope.streamVersion === 1 };
  },
  // Every field of a ticket state, in the order of the initial state, with the document's values.
  revive: (ticket) => ({ ...initialTicketState, ...(ticket as TicketState) }),
};

export interface ApplicantProgressState {
  /**
   * Each ticket's state as the Ticket aggregate folds it (it holds no personal data). The
   * fold owns these states (see `Projection`) and folds each event into them in place.
   */
  readonly tickets: Map<string, TicketState>;
}

export interface ApplicantProgressQueries {
  /** TKT-05: what the applicant may see of a ticket at any time; undefined for an unknown id. */
  progress(ticketId: string): TicketProgress | undefined;
}

/**
 * Applicant progress (TKT-05): folds every ticket with the Ticket aggregate's own fold
 * (`evolveTicketInPlace`, the decider's `evolve` without the copy) and answers with its
 * `ticketProgress` view, so the applicant sees exactly the lifecycle the decider enforces.
 */
export const applicantProgressProjection: Projection<
  ApplicantProgressState,
  ApplicantProgressQueries
> = {
  name: 'applicant-progress',
  version: 1,
  filter: { streamPrefixes: ['ticket-'] },
  entities: ticketEntities,
  init: () => ({ tickets: new Map() }),
  apply: (state, stored: StoredEvent) => {
    const id = idOf(stored.envelope.streamId, 'ticket-');
    if (id === undefined) return state;
    const e = envelopeOf<TicketEvent>(stored);
    const current = state.tickets.get(id);
    const event = { type: e.type, data: e.data } as TicketEvent;
    if (current !== undefined) evolveTicketInPlace(current, event);
    else state.tickets.set(id, evolveTicketInPlace(ownTicketState(), event));
    return state;
  },
  queries: (state) => ({
    progress: (ticketId) => {
      const t = state.tickets.get(ticketId);
      return t === undefined ? undefined : snapshot(ticketProgress(t));
    },
  }),
};
