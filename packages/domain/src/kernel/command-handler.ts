import * as E from 'fp-ts/lib/Either.js';
import type { Decider } from './decider.js';
import {
  type Actor,
  computeHash,
  type DomainEvent,
  deriveEventId,
  type EventEnvelope,
  GENESIS_HASH,
} from './envelope.js';
import type { ConcurrencyConflict, DomainError } from './errors.js';
import { type EventStore, VersionConflictError } from './event-store.js';
import type { SnapshotCache, StreamSnapshot } from './snapshot-cache.js';
import { createSnapshotCache } from './snapshot-cache.js';
import { noUpcasters, type UpcasterRegistry } from './upcast.js';

/** Who issued a command, when it happened and why. */
export interface CommandMeta {
  /** Unique per command; a retried command carries the same id (idempotency). */
  readonly commandId: string;
  readonly actor: Actor;
  /** When the command happened in the world; becomes every event's `occurredAt`. */
  readonly occurredAt: string;
  /** The event or command that caused this one; defaults to the command id. */
  readonly causationId?: string;
  /** The conversation this command belongs to; defaults to the command id. */
  readonly correlationId?: string;
}

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export interface CommandHandlerDeps {
  readonly store: EventStore;
  /** Stamps `recordedAt`; injected so that the domain never reads the clock itself. */
  readonly clock: () => string;
  readonly upcasters?: UpcasterRegistry;
  readonly retry?: Partial<RetryPolicy>;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Remembers folded state between commands; only events after it are read again. */
  readonly snapshots?: SnapshotCache;
  /**
   * X-06 (issue 11): rewrites each decided event before it is sealed, e.g. to encrypt its
   * personal fields, so that the hash chain covers the protected form and erasing a key
   * later never breaks it. State is folded from the protected events, as on reload.
   */
  readonly protect?: (
    event: DomainEvent,
    target: { readonly streamId: string; readonly meta: CommandMeta },
  ) => Promise<DomainEvent>;
}

export interface CommandOutcome<Ev extends DomainEvent = DomainEvent> {
  readonly streamId: string;
  /** The events the command produced (for a duplicate: the ones it produced the first time). */
  readonly events: readonly EventEnvelope<Ev>[];
  /** Stream version after the command. */
  readonly version: number;
  /** True when the command had already been handled: nothing was appended. */
  readonly duplicate: boolean;
  /** How many times the command was decided (more than 1 after version conflicts). */
  readonly attempts: number;
}

const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 5, maxDelayMs: 200 };

const defaultSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

/** Spreads retries of racing writers apart without a random source: a hash of the command. */
const jitter = (commandId: string, attempt: number): number => {
  let h = attempt * 2654435761;
  for (let i = 0; i < commandId.length; i++) h = Math.imul(h ^ commandId.charCodeAt(i), 16777619);
  return ((h >>> 0) % 1000) / 1000;
};

const conflictError = (error: VersionConflictError, attempts: number): ConcurrencyConflict => ({
  kind: 'conflict',
  code: 'CONCURRENCY_CONFLICT',
  requirement: 'X-01',
  path: [],
  streamId: error.streamId,
  expectedVersion: typeof error.expected === 'number' ? error.expected : -1,
  actualVersion: error.actual,
  message: {
    zh: `记录 ${error.streamId} 被并发修改，重试 ${attempts} 次后仍冲突`,
    en: `stream ${error.streamId} kept changing concurrently; gave up after ${attempts} attempts`,
  },
});

/** Merged lazily: only a version conflict needs the retry policy. */
const retryPolicy = (given: Partial<RetryPolicy> | undefined): RetryPolicy =>
  given === undefined ? DEFAULT_RETRY : { ...DEFAULT_RETRY, ...given };

/** The cached snapshot of the stream when it was folded by this decider. */
const cachedStart = <S>(
  snapshots: SnapshotCache | undefined,
  decider: object,
  streamId: string,
): StreamSnapshot<S> | undefined => {
  const cached = snapshots?.get(streamId);
  return cached !== undefined && cached.decider === decider
    ? (cached as StreamSnapshot<S>)
    : undefined;
};

/** The stream as read from the store, and the events this command already has in it. */
interface CaughtUp<S, Ev extends DomainEvent> {
  readonly current: StreamSnapshot<S>;
  readonly earlier: readonly EventEnvelope<Ev>[];
}

/** Reads the events after `start` (all of them without one) and folds them onto it. */
const catchUp = async <C, Ev extends DomainEvent, S, Ctx>(
  deps: CommandHandlerDeps,
  decider: Decider<C, Ev, S, Ctx>,
  streamId: string,
  commandId: string,
  start: StreamSnapshot<S> | undefined,
): Promise<CaughtUp<S, Ev>> => {
  const upcasters = deps.upcasters ?? noUpcasters;
  let state = start === undefined ? decider.initialState : start.state;
  let version = start === undefined ? 0 : start.version;
  let lastHash = start === undefined ? GENESIS_HASH : start.lastHash;
  // Shared with the snapshot on purpose: it only ever gains ids of commands really in the
  // stream, so a reader of an older snapshot seeing a newer id is still told the truth.
  const commandIds = start === undefined ? new Set<string>() : (start.commandIds as Set<string>);
  const earlier: EventEnvelope<Ev>[] = [];
  let read = false;
  for await (const { envelope } of deps.store.readStream(streamId, { fromVersion: version + 1 })) {
    const upcast = upcasters.upcast(envelope) as EventEnvelope<Ev>;
    state = decider.evolve(state, upcast as unknown as Ev);
    version = envelope.streamVersion;
    lastHash = envelope.hash;
    commandIds.add(envelope.commandId);
    if (envelope.commandId === commandId) earlier.push(upcast);
    read = true;
  }
  if (start !== undefined && !read) return { current: start, earlier };
  const current: StreamSnapshot<S> = { decider, state, version, lastHash, commandIds };
  deps.snapshots?.set(streamId, current);
  return { current, earlier };
};

/** The outcome of a command already in the stream: its original events, nothing appended. */
const duplicateOutcome = async <Ev extends DomainEvent>(
  deps: CommandHandlerDeps,
  streamId: string,
  commandId: string,
  version: number,
  earlier: readonly EventEnvelope<Ev>[],
  attempts: number,
): Promise<E.Either<DomainError, CommandOutcome<Ev>>> => {
  let events = earlier;
  if (events.length === 0) {
    // Handled before the snapshot was taken: read its events back for the outcome.
    const upcasters = deps.upcasters ?? noUpcasters;
    const found: EventEnvelope<Ev>[] = [];
    for await (const { envelope } of deps.store.readStream(streamId))
      if (envelope.commandId === commandId)
        found.push(upcasters.upcast(envelope) as EventEnvelope<Ev>);
    events = found;
  }
  return E.right({ streamId, events, version, duplicate: true, attempts });
};

/** X-06 (issue 11): protects each event before sealing, one by one, so hashes cover the ciphertext. */
const protectAll = async <Ev extends DomainEvent>(
  protect: NonNullable<CommandHandlerDeps['protect']>,
  events: readonly Ev[],
  target: { readonly streamId: string; readonly meta: CommandMeta },
): Promise<readonly Ev[]> => {
  const protectedEvents: Ev[] = [];
  for (const e of events) protectedEvents.push((await protect(e, target)) as Ev);
  return protectedEvents;
};

/** Wraps each event in its envelope, chained onto `current`, and seals it. */
const sealAll = <Ev extends DomainEvent>(
  events: readonly Ev[],
  streamId: string,
  meta: CommandMeta,
  recordedAt: string,
  current: StreamSnapshot,
  upcasters: UpcasterRegistry,
): EventEnvelope<Ev>[] => {
  const commandId = meta.commandId;
  const causationId = meta.causationId ?? commandId;
  const correlationId = meta.correlationId ?? commandId;
  const envelopes: EventEnvelope<Ev>[] = [];
  let prevHash = current.lastHash;
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as Ev;
    // Built once with its final shape and sealed in place: `seal` would copy every field.
    // The field order is `seal`'s, so stored and exported envelopes look the same.
    const envelope = {
      eventId: deriveEventId(commandId, i),
      streamId,
      streamVersion: current.version + i + 1,
      type: event.type,
      schemaVersion: upcasters.currentVersion(event.type),
      occurredAt: meta.occurredAt,
      recordedAt,
      actor: meta.actor,
      commandId,
      causationId,
      correlationId,
      data: event.data,
      prevHash,
      hash: '',
    };
    envelope.hash = computeHash(envelope);
    prevHash = envelope.hash;
    envelopes.push(envelope as EventEnvelope<Ev>);
  }
  return envelopes;
};

/** Caches the state after a successful append: `current` folded with the new envelopes. */
const rememberAppended = <C, Ev extends DomainEvent, S, Ctx>(
  snapshots: SnapshotCache,
  decider: Decider<C, Ev, S, Ctx>,
  streamId: string,
  commandId: string,
  current: StreamSnapshot<S>,
  envelopes: readonly EventEnvelope<Ev>[],
  version: number,
): void => {
  let state = current.state;
  for (const e of envelopes) state = decider.evolve(state, e as unknown as Ev);
  snapshots.set(streamId, {
    decider,
    state,
    version,
    lastHash: envelopes[envelopes.length - 1]?.hash ?? current.lastHash,
    commandIds: (current.commandIds as Set<string>).add(commandId),
  });
};

/**
 * Loads the stream (or starts from a cached snapshot), decides, and appends the new events
 * with the expected version.
 * Retries (bounded, with backoff) when another writer got there first; a command whose id
 * is already in the stream returns its original events and appends nothing.
 */
// The steps live in the small functions above so that this async function, whose locals
// are kept in a heap frame for every call, has few of them.
export const handleCommand = async <C, Ev extends DomainEvent, S, Ctx>(
  deps: CommandHandlerDeps,
  decider: Decider<C, Ev, S, Ctx>,
  streamId: string,
  command: C,
  ctx: Ctx,
  meta: CommandMeta,
): Promise<E.Either<DomainError, CommandOutcome<Ev>>> => {
  for (let attempt = 1; ; attempt++) {
    const start = cachedStart<S>(deps.snapshots, decider, streamId);
    // With a snapshot, the first attempt decides on it without reading: the append's
    // expected-version check refuses it if anything was written since, and the retry then
    // reads what it missed. Saves a read per command against a server.
    const loaded =
      start !== undefined && attempt === 1
        ? undefined
        : await catchUp(deps, decider, streamId, meta.commandId, start);
    const current = loaded === undefined ? (start as StreamSnapshot<S>) : loaded.current;
    if (current.commandIds.has(meta.commandId))
      return duplicateOutcome(
        deps,
        streamId,
        meta.commandId,
        current.version,
        loaded?.earlier ?? [],
        attempt,
      );

    const decided = decider.decide(command, current.state, ctx);
    if (E.isLeft(decided)) return decided;
    const events =
      deps.protect === undefined
        ? decided.right
        : await protectAll(deps.protect, decided.right, { streamId, meta });
    const recordedAt = deps.clock();
    if (events.length === 0) {
      return E.right({
        streamId,
        events: [],
        version: current.version,
        duplicate: false,
        attempts: attempt,
      });
    }
    const envelopes = sealAll(
      events,
      streamId,
      meta,
      recordedAt,
      current,
      deps.upcasters ?? noUpcasters,
    );

    try {
      const result = await deps.store.append(streamId, current.version, envelopes);
      if (!result.duplicate && deps.snapshots !== undefined)
        rememberAppended(
          deps.snapshots,
          decider,
          streamId,
          meta.commandId,
          current,
          envelopes,
          result.nextVersion,
        );
      return E.right({
        streamId,
        events: envelopes,
        version: result.nextVersion,
        duplicate: result.duplicate,
        attempts: attempt,
      });
    } catch (error) {
      if (!(error instanceof VersionConflictError)) throw error;
      const retry = retryPolicy(deps.retry);
      if (attempt >= retry.maxAttempts) return E.left(conflictError(error, attempt));
      const backoff = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
      await (deps.sleep ?? defaultSleep)(backoff * (0.5 + jitter(meta.commandId, attempt)));
    }
  }
};

/**
 * Binds {@link handleCommand} to its dependencies, with a snapshot cache of recently used
 * streams unless one is given (or `snapshots: undefined` is passed explicitly).
 */
export const createCommandHandler = (deps: CommandHandlerDeps) => {
  const bound: CommandHandlerDeps =
    'snapshots' in deps ? deps : { ...deps, snapshots: createSnapshotCache() };
  return <C, Ev extends DomainEvent, S, Ctx>(
    decider: Decider<C, Ev, S, Ctx>,
    streamId: string,
    command: C,
    ctx: Ctx,
    meta: CommandMeta,
  ): Promise<E.Either<DomainError, CommandOutcome<Ev>>> =>
    handleCommand(bound, decider, streamId, command, ctx, meta);
};
