import type { DomainEvent, EventEnvelope } from './envelope.js';

/**
 * What the writer believes about the stream before appending: an exact version (0 = the
 * stream has no events), or one of the looser forms every store understands.
 */
export type ExpectedVersion = number | 'no-stream' | 'stream-exists' | 'any';

/** An envelope as a store returns it, with its global position in the whole log. */
export interface StoredEvent<E extends DomainEvent = DomainEvent> {
  /** Global, strictly increasing across the whole store; bigint so that it never overflows. */
  readonly position: bigint;
  readonly envelope: EventEnvelope<E>;
  /**
   * The store's global hash chain (see `nextLogHash`); stores that serialise appends keep it,
   * and `verifyLog` checks it where present.
   */
  readonly logHash?: string;
}

/** Outcome of a successful append. */
export interface AppendResult {
  /** The stream's version after the append. */
  readonly nextVersion: number;
  /** The global position of the last appended event (or the existing one for a duplicate). */
  readonly lastPosition: bigint;
  /** True when every event id was already stored: nothing was written (idempotent retry). */
  readonly duplicate: boolean;
}

/** Which events a `readAll` or subscription delivers. */
export interface EventFilter {
  /** Only streams whose id starts with one of these prefixes (e.g. `ticket-`). */
  readonly streamPrefixes?: readonly string[];
  /** Only these event types. */
  readonly types?: readonly string[];
}

export interface ReadAllOptions {
  /** Deliver events with a position strictly greater than this one (a checkpoint). */
  readonly after?: bigint;
  readonly filter?: EventFilter;
  /** Read page size for stores that page; a hint. */
  readonly batchSize?: number;
}

export interface ReadStreamOptions {
  /** First stream version to return (1-based); default 1. */
  readonly fromVersion?: number;
}

/** A running subscription; `close` stops it and resolves when no handler is running. */
export interface Subscription {
  close(): Promise<void>;
  /** Resolves once the subscription has delivered everything that existed when it started. */
  readonly caughtUp: Promise<void>;
}

export interface SubscribeOptions extends ReadAllOptions {
  /** Called when the handler throws or the store fails; the subscription stops. */
  readonly onError?: (error: unknown) => void;
}

/**
 * The event store port. Implementations live in `@civic-ledger/adapters`; every one passes
 * the contract suite in `tests/contract`.
 */
export interface EventStore {
  /**
   * Appends envelopes to one stream atomically. Their `streamVersion`s must continue the
   * stream. Throws {@link VersionConflictError} when `expected` does not hold. Re-appending
   * envelopes whose event ids are already stored at the same versions is a no-op
   * (`duplicate: true`).
   */
  append(
    streamId: string,
    expected: ExpectedVersion,
    events: readonly EventEnvelope[],
  ): Promise<AppendResult>;
  /** The stream's events in version order. */
  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<StoredEvent>;
  /** Every event in global order, streamed (never loads the whole log). */
  readAll(options?: ReadAllOptions): AsyncIterable<StoredEvent>;
  /** Catch up from `options.after`, then deliver new events live, in order, one at a time. */
  subscribe(
    handler: (event: StoredEvent) => void | Promise<void>,
    options?: SubscribeOptions,
  ): Subscription;
  /** The current version of a stream (0 when it does not exist). */
  streamVersion(streamId: string): Promise<number>;
  /** The position of the last event in the log (0 when empty): how far readers can lag. */
  headPosition(): Promise<bigint>;
  /** Releases connections and files. */
  close(): Promise<void>;
}

/** Thrown by {@link EventStore.append} when the expected version does not hold. */
export class VersionConflictError extends Error {
  override readonly name = 'VersionConflictError';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number,
  ) {
    super(`stream ${streamId}: expected version ${String(expected)}, actual ${actual}`);
  }
}

/** True when `actual` (the stream's current version) satisfies `expected`. */
export const expectedVersionHolds = (expected: ExpectedVersion, actual: number): boolean => {
  switch (expected) {
    case 'any':
      return true;
    case 'no-stream':
      return actual === 0;
    case 'stream-exists':
      return actual > 0;
    default:
      return expected === actual;
  }
};

/** True when the event passes the filter. */
export const matchesFilter = (envelope: EventEnvelope, filter?: EventFilter): boolean => {
  if (!filter) return true;
  if (filter.types && !filter.types.includes(envelope.type)) return false;
  const prefixes = filter.streamPrefixes;
  if (prefixes === undefined) return true;
  // A loop, not `some` with a closure: a replay asks this of every read model for every event.
  const { streamId } = envelope;
  for (let i = 0; i < prefixes.length; i++)
    if (streamId.startsWith(prefixes[i] as string)) return true;
  return false;
};
