import {
  type AppendResult,
  type EventEnvelope,
  type EventStore,
  type ExpectedVersion,
  matchesFilter,
  type ReadAllOptions,
  type ReadStreamOptions,
  type StoredEvent,
  type SubscribeOptions,
  type Subscription,
  VersionConflictError,
} from '@civic-ledger/domain';
import {
  BACKWARDS,
  CancelledError,
  DeadlineExceededError,
  END,
  EventStoreDBClient,
  START,
  StreamNotFoundError,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { fromResolvedEvent, toEventData } from './esdb-events.js';
import { packPosition, unpackPosition } from './esdb-position.js';
import { esdbSubscription } from './esdb-subscription.js';
import { revisionForBatch, versionFromRevision } from './expected-revision.js';

export interface EsdbEventStoreOptions {
  /** `esdb://host:2113?tls=false`, `esdb+discover://…` for a cluster; ignored with `client`. */
  readonly connectionString?: string;
  /** An existing client (not disposed by `close`). */
  readonly client?: EventStoreDBClient;
  /** Events per read page; default 500. */
  readonly pageSize?: number;
  /** Deadline of one append call in ms; default 10 000. */
  readonly appendDeadlineMs?: number;
  /** Extra attempts after a timeout or unavailable node; default 3. */
  readonly appendRetries?: number;
  /** First resubscribe delay in ms (doubles, capped at 5 s); default 100. */
  readonly resubscribeDelayMs?: number;
  /** Consecutive failed resubscriptions before a subscription gives up; default 20. */
  readonly resubscribeAttempts?: number;
}

/** Failures after which the outcome of an append is unknown: retry with the same ids. */
export const isTransientEsdbError = (error: unknown): boolean =>
  error instanceof DeadlineExceededError ||
  error instanceof UnavailableError ||
  error instanceof CancelledError ||
  error instanceof TimeoutError;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The {@link EventStore} on EventStoreDB (gRPC client 6.x). One ESDB stream per stream id;
 * the envelope travels as JSON data plus metadata. Appends are idempotent by event id and
 * retried with the same ids after timeouts; there is no global `logHash` (ESDB does not let
 * a client serialise appends), so `verifyLog` checks the per-stream chains only.
 */
export const createEsdbEventStore = async (options: EsdbEventStoreOptions): Promise<EventStore> => {
  const client =
    options.client ?? EventStoreDBClient.connectionString(options.connectionString ?? '');
  const pageSize = options.pageSize ?? 500;
  const retries = options.appendRetries ?? 3;
  const subscriptions = new Set<Subscription>();

  const readRange = async (streamId: string, fromRevision: bigint, maxCount: number) => {
    const out: StoredEvent[] = [];
    try {
      for await (const resolved of client.readStream(streamId, { fromRevision, maxCount })) {
        const stored = fromResolvedEvent(resolved);
        if (stored) out.push(stored);
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return out;
  };

  const streamVersion = async (streamId: string): Promise<number> => {
    let version = 0;
    try {
      // Read to the end rather than return early: an abandoned gRPC read keeps
      // `client.dispose()` waiting for it.
      for await (const resolved of client.readStream(streamId, {
        fromRevision: END,
        direction: BACKWARDS,
        maxCount: 1,
      }))
        version = versionFromRevision(resolved.event?.revision);
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return version;
  };

  /**
   * What the stream holds at the batch's versions: nothing yet, this very batch (same ids:
   * an earlier attempt landed), or other events.
   */
  const atBatchVersions = async (
    streamId: string,
    events: readonly EventEnvelope[],
  ): Promise<{ readonly ours: StoredEvent[] } | 'absent' | 'other'> => {
    const first = events[0]!;
    const found = await readRange(streamId, BigInt(first.streamVersion - 1), events.length);
    if (found.length === 0) return 'absent';
    const same =
      found.length === events.length &&
      events.every((e, i) => found[i]?.envelope.eventId === e.eventId);
    return same ? { ours: found } : 'other';
  };

  const conflict = async (streamId: string, expected: ExpectedVersion, error?: unknown) => {
    const actual =
      error instanceof WrongExpectedVersionError && error.actualVersion !== undefined
        ? versionFromRevision(error.actualVersion as bigint | 'no_stream')
        : await streamVersion(streamId);
    return new VersionConflictError(streamId, expected, actual);
  };

  const append = async (
    streamId: string,
    expected: ExpectedVersion,
    events: readonly EventEnvelope[],
  ): Promise<AppendResult> => {
    const first = events[0];
    const last = events[events.length - 1];
    if (!first || !last) {
      const actual = await streamVersion(streamId);
      if (typeof expected === 'number' && expected !== actual)
        throw new VersionConflictError(streamId, expected, actual);
      return { nextVersion: actual, lastPosition: 0n, duplicate: false };
    }
    if (
      events.some((e, i) => e.streamId !== streamId || e.streamVersion !== first.streamVersion + i)
    )
      throw await conflict(streamId, expected);

    // Re-append of stored ids: report it as a duplicate (ESDB itself would answer success).
    const before = await atBatchVersions(streamId, events);
    if (before === 'other') throw await conflict(streamId, expected);
    if (before !== 'absent')
      return {
        nextVersion: await streamVersion(streamId),
        lastPosition: before.ours[before.ours.length - 1]!.position,
        duplicate: true,
      };

    const expectedRevision = revisionForBatch(expected, first.streamVersion);
    if (expectedRevision === undefined) throw await conflict(streamId, expected);
    // Built once: every retry sends the very same event ids, so ESDB keeps it idempotent.
    const data = events.map(toEventData);
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await client.appendToStream(streamId, data, {
          expectedRevision,
          deadline: options.appendDeadlineMs ?? 10_000,
        });
        // ESDB reports the write's (commit, first prepare); the last event's own position
        // is read back so that `lastPosition` means the same as in the other stores.
        const [written] = await readRange(streamId, BigInt(last.streamVersion - 1), 1);
        return {
          nextVersion: Number(result.nextExpectedRevision) + 1,
          lastPosition: written?.position ?? 0n,
          duplicate: false,
        };
      } catch (error) {
        if (error instanceof WrongExpectedVersionError) {
          // After an unknown outcome the first attempt may have landed: that is our batch.
          const after = await atBatchVersions(streamId, events);
          if (after !== 'absent' && after !== 'other')
            return {
              nextVersion: await streamVersion(streamId),
              lastPosition: after.ours[after.ours.length - 1]!.position,
              duplicate: attempt === 0,
            };
          throw await conflict(streamId, expected, error);
        }
        if (!isTransientEsdbError(error) || attempt >= retries) throw error;
        await sleep(50 * 2 ** attempt);
      }
    }
  };

  async function* readStream(
    streamId: string,
    options: ReadStreamOptions = {},
  ): AsyncIterable<StoredEvent> {
    let from = Math.max(1, options.fromVersion ?? 1);
    for (;;) {
      const page = await readRange(streamId, BigInt(from - 1), pageSize);
      for (const event of page) yield event;
      const last = page[page.length - 1];
      if (!last || page.length < pageSize) return;
      from = last.envelope.streamVersion + 1;
    }
  }

  /** The position of the newest event in `$all` (system events included: it is the head). */
  const headPosition = async (): Promise<bigint> => {
    let head = 0n;
    // Read to the end rather than return early (see streamVersion).
    for await (const resolved of client.readAll({
      fromPosition: END,
      direction: BACKWARDS,
      maxCount: 1,
    })) {
      const position = resolved.event?.position;
      if (position) head = packPosition(position);
    }
    return head;
  };

  /** One page of `$all` after `after`: the library's events and where the page ended. */
  const readAllPage = async (after: bigint, limit: number) => {
    // readAll is inclusive of its start: the event at `after` comes again and is skipped.
    const fromPosition = after === 0n ? START : unpackPosition(after);
    const maxCount = after === 0n ? limit : limit + 1;
    const events: StoredEvent[] = [];
    let fresh = 0;
    let end = after;
    // The page is read to its end before anything is yielded: a gRPC read abandoned half-way
    // (a consumer that breaks out early) would keep `client.dispose()` waiting.
    for await (const resolved of client.readAll({ fromPosition, maxCount })) {
      const position = resolved.event?.position;
      if (!position) continue;
      const packed = packPosition(position);
      if (packed <= after) continue;
      fresh++;
      // System and foreign events are skipped but still move the read on.
      end = packed;
      const stored = fromResolvedEvent(resolved);
      if (stored) events.push(stored);
    }
    return { events, end, full: fresh >= limit };
  };

  async function* readAll(options: ReadAllOptions = {}): AsyncIterable<StoredEvent> {
    const limit = options.batchSize ?? pageSize;
    let after = options.after ?? 0n;
    for (;;) {
      const page = await readAllPage(after, limit);
      for (const event of page.events)
        if (matchesFilter(event.envelope, options.filter)) yield event;
      if (!page.full) return;
      after = page.end;
    }
  }

  const subscribe = (
    handler: (event: StoredEvent) => void | Promise<void>,
    subscribeOptions: SubscribeOptions = {},
  ): Subscription => {
    const subscription = esdbSubscription(client, readAll, handler, {
      ...subscribeOptions,
      resubscribeDelayMs: options.resubscribeDelayMs ?? 100,
      resubscribeAttempts: options.resubscribeAttempts ?? 20,
    });
    subscriptions.add(subscription);
    return {
      caughtUp: subscription.caughtUp,
      close: async () => {
        subscriptions.delete(subscription);
        await subscription.close();
      },
    };
  };

  return {
    append,
    readStream,
    readAll,
    subscribe,
    streamVersion,
    headPosition,
    close: async () => {
      await Promise.all([...subscriptions].map((s) => s.close()));
      subscriptions.clear();
      if (!options.client) await client.dispose();
    },
  };
};
