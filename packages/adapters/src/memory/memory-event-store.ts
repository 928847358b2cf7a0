import {
  type AppendResult,
  type EventEnvelope,
  type EventStore,
  type ExpectedVersion,
  expectedVersionHolds,
  GENESIS_HASH,
  matchesFilter,
  nextLogHash,
  type ReadAllOptions,
  type ReadStreamOptions,
  type StoredEvent,
  type SubscribeOptions,
  type Subscription,
  VersionConflictError,
} from '@civic-ledger/domain';

/**
 * An {@link EventStore} in process memory, for tests and demos. Appends are O(batch):
 * streams are arrays indexed by version and the log is one array indexed by position.
 */
export const createMemoryEventStore = (): EventStore & { readonly size: () => number } => {
  const log: StoredEvent[] = [];
  const streams = new Map<string, StoredEvent[]>();
  const byEventId = new Map<string, StoredEvent>();
  let wake: (() => void)[] = [];
  let logHead = GENESIS_HASH;

  const notify = (): void => {
    // Most appends have no subscriber waiting: no new array for them.
    if (wake.length === 0) return;
    const waiting = wake;
    wake = [];
    for (const w of waiting) w();
  };

  const append = async (
    streamId: string,
    expected: ExpectedVersion,
    events: readonly EventEnvelope[],
  ): Promise<AppendResult> => {
    const stream = streams.get(streamId);
    const actual = stream?.length ?? 0;
    const first = events[0];
    if (!first) return { nextVersion: actual, lastPosition: BigInt(log.length), duplicate: false };

    // Idempotent retry: the same event ids already stored at the same place. Any id of the
    // batch already stored counts, as in the SQL stores: all at their place is a duplicate,
    // anything else a conflict, never a second copy of an event id.
    let known = false;
    for (let i = 0; i < events.length && !known; i++) known = byEventId.has(events[i]!.eventId);
    if (known) {
      const all = events.every((e) => {
        const k = byEventId.get(e.eventId);
        return k?.envelope.streamId === streamId && k.envelope.streamVersion === e.streamVersion;
      });
      if (!all) throw new VersionConflictError(streamId, expected, actual);
      const last = byEventId.get(events[events.length - 1]!.eventId)!;
      return { nextVersion: actual, lastPosition: last.position, duplicate: true };
    }
    if (!expectedVersionHolds(expected, actual))
      throw new VersionConflictError(streamId, expected, actual);
    for (let i = 0; i < events.length; i++) {
      const e = events[i]!;
      if (e.streamId !== streamId || e.streamVersion !== actual + i + 1)
        throw new VersionConflictError(streamId, expected, actual);
    }

    const target = stream ?? [];
    let stored: StoredEvent | undefined;
    for (const envelope of events) {
      logHead = nextLogHash(logHead, envelope.hash);
      stored = { position: BigInt(log.length + 1), envelope, logHash: logHead };
      log.push(stored);
      target.push(stored);
      byEventId.set(envelope.eventId, stored);
    }
    if (!stream) streams.set(streamId, target);
    notify();
    // `events` is not empty, so `stored` is the last one written.
    return { nextVersion: target.length, lastPosition: stored!.position, duplicate: false };
  };

  async function* readStream(
    streamId: string,
    options: ReadStreamOptions = {},
  ): AsyncIterable<StoredEvent> {
    const stream = streams.get(streamId);
    if (!stream) return;
    for (let i = Math.max(0, (options.fromVersion ?? 1) - 1); i < stream.length; i++)
      yield stream[i]!;
  }

  async function* readAll(options: ReadAllOptions = {}): AsyncIterable<StoredEvent> {
    // Positions are 1-based indexes into the log.
    for (let i = Number(options.after ?? 0n); i < log.length; i++) {
      const event = log[i]!;
      if (matchesFilter(event.envelope, options.filter)) yield event;
    }
  }

  const subscribe = (
    handler: (event: StoredEvent) => void | Promise<void>,
    options: SubscribeOptions = {},
  ): Subscription => {
    let closed = false;
    let markCaughtUp!: () => void;
    const caughtUp = new Promise<void>((resolve) => {
      markCaughtUp = resolve;
    });
    const run = (async () => {
      let next = Number(options.after ?? 0n);
      while (!closed) {
        while (next < log.length && !closed) {
          const event = log[next++]!;
          if (matchesFilter(event.envelope, options.filter)) await handler(event);
        }
        markCaughtUp();
        if (closed) break;
        await new Promise<void>((resolve) => wake.push(resolve));
      }
    })().catch((error: unknown) => {
      markCaughtUp();
      options.onError?.(error);
    });
    return {
      caughtUp,
      close: async () => {
        closed = true;
        notify();
        await run;
      },
    };
  };

  return {
    append,
    readStream,
    readAll,
    subscribe,
    streamVersion: async (streamId) => streams.get(streamId)?.length ?? 0,
    headPosition: async () => BigInt(log.length),
    close: async () => notify(),
    size: () => log.length,
  };
};
