import { createMemoryEventStore } from '@civic-ledger/adapters';
import {
  type ArchiveEvent,
  type ComplaintEvent,
  type DomainEvent,
  deriveEventId,
  type EventStore,
  type FacilityEvent,
  GENESIS_HASH,
  type IncidentEvent,
  type RectificationEvent,
  type ReserveEvent,
  type StaffEvent,
  type StoredEvent,
  type SurveyEvent,
  seal,
  type TicketEvent,
} from '@civic-ledger/domain';

type DataOf<E extends DomainEvent, K extends E['type']> = Extract<E, { type: K }>['data'];

export const actor = { id: 'staff-001', role: 'window-staff', unit: 'centre-01' } as const;

/**
 * A hand-written event log: sealed envelopes with global positions, typed against the
 * aggregates' event unions so that a fixture cannot name a field the domain does not have.
 */
export const createLog = (options: { readonly clock?: () => string } = {}) => {
  const events: StoredEvent[] = [];
  const versions = new Map<string, { version: number; hash: string }>();
  let seq = 0;
  const add = (
    streamId: string,
    type: string,
    data: unknown,
    occurredAt: string,
    recordedAt = options.clock?.() ?? occurredAt,
  ) => {
    const prev = versions.get(streamId) ?? { version: 0, hash: GENESIS_HASH };
    const commandId = `cmd-${++seq}`;
    const envelope = seal({
      eventId: deriveEventId(commandId, 0),
      streamId,
      streamVersion: prev.version + 1,
      type,
      schemaVersion: 1,
      occurredAt,
      recordedAt,
      actor,
      commandId,
      causationId: commandId,
      correlationId: commandId,
      data: data as Record<string, unknown>,
      prevHash: prev.hash,
    });
    versions.set(streamId, { version: prev.version + 1, hash: envelope.hash });
    const stored: StoredEvent = { position: BigInt(events.length + 1), envelope };
    events.push(stored);
    return stored;
  };
  const typed =
    <E extends DomainEvent>(prefix: string) =>
    <K extends E['type']>(
      id: string,
      type: K,
      data: DataOf<E, K>,
      occurredAt: string,
      recordedAt?: string,
    ) =>
      add(`${prefix}${id}`, type, data, occurredAt, recordedAt);
  return {
    events,
    facility: typed<FacilityEvent>('facility-'),
    ticket: typed<TicketEvent>('ticket-'),
    complaint: typed<ComplaintEvent>('complaint-'),
    survey: typed<SurveyEvent>('survey-'),
    staff: typed<StaffEvent>('staff-'),
    archive: typed<ArchiveEvent>('archive-'),
    rectification: typed<RectificationEvent>('rectification-'),
    incident: typed<IncidentEvent>('incident-'),
    reserve: typed<ReserveEvent>('reserve-'),
    /** The same events in a memory store (positions match). */
    store: async (): Promise<EventStore> => {
      const store = createMemoryEventStore();
      for (const e of events)
        await store.append(e.envelope.streamId, e.envelope.streamVersion - 1, [e.envelope]);
      return store;
    },
  };
};
export type Log = ReturnType<typeof createLog>;
