import {
  deriveEventId,
  type EventEnvelope,
  type EventStore,
  type ExpectedVersion,
  GENESIS_HASH,
  type StoredEvent,
  seal,
} from '@civic-ledger/domain';

const actor = { id: 'staff-007', role: 'window-staff', unit: 'centre-02' } as const;

/**
 * Sealed envelopes continuing a stream from `after`; ids derive from a command id built from
 * the stream, version and `tag`, so the same call twice yields the same ids.
 */
export const envelopes = (
  streamId: string,
  after: { readonly version: number; readonly hash: string },
  count: number,
  options: { readonly type?: string; readonly tag?: string } = {},
): EventEnvelope[] => {
  const commandId = `${streamId}@${after.version + 1}${options.tag ?? ''}`;
  const out: EventEnvelope[] = [];
  let prevHash = after.hash;
  for (let i = 0; i < count; i++) {
    const envelope = seal({
      eventId: deriveEventId(commandId, i),
      streamId,
      streamVersion: after.version + i + 1,
      type: options.type ?? 'Noted',
      schemaVersion: 1,
      occurredAt: '2026-11-20T09:00:00+08:00',
      recordedAt: `2026-11-20T01:00:00.${String(i % 1000).padStart(3, '0')}Z`,
      actor,
      commandId,
      causationId: commandId,
      correlationId: `case-${streamId}`,
      // Non-ASCII, nesting and numbers: the hash must survive the store's JSON round trip.
      data: { n: after.version + i + 1, note: '窗口受理 · ok', nested: { list: [1, 2.5, 'x'] } },
      prevHash,
    });
    prevHash = envelope.hash;
    out.push(envelope);
  }
  return out;
};

/** Appends to one stream while remembering its head, so tests read like a story. */
export const writer = (store: EventStore, streamId: string) => {
  let head = { version: 0, hash: GENESIS_HASH };
  return {
    head: () => head,
    /** Appends `count` new events with `expected` (default: the exact current version). */
    append: async (
      count: number,
      options: { readonly expected?: ExpectedVersion; readonly type?: string } = {},
    ) => {
      const batch = envelopes(streamId, head, count, options.type ? { type: options.type } : {});
      const result = await store.append(streamId, options.expected ?? head.version, batch);
      const last = batch[batch.length - 1];
      if (last) head = { version: last.streamVersion, hash: last.hash };
      return { result, batch };
    },
  };
};

/** Collects an async iterable. */
export const collect = async <T>(items: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
};

/** Event ids in order. */
export const ids = (events: readonly StoredEvent[]): string[] =>
  events.map((e) => e.envelope.eventId);
