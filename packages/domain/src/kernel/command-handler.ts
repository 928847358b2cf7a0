import * as E from 'fp-ts/lib/Either.js';
import type { Decider } from './decider.js';
import {
  type Actor,
  type DomainEvent,
  deriveEventId,
  type EventEnvelope,
  GENESIS_HASH,
  seal,
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

/**
 * Loads the stream (or starts from a cached snapshot), decides, and appends the new events
 * with the expected version.
 * Retries (bounded, with backoff) when another writer got there first; a command whose id
 * is already in the stream returns its original events and appends nothing.
 */
export const handleCommand = async <C, Ev extends DomainEvent, S, Ctx>(
  deps: CommandHandlerDeps,
  decider: Decider<C, Ev, S, Ctx>,
  streamId: string,
  command: C,
  ctx: Ctx,
  meta: CommandMeta,
): Promise<E.Either<DomainError, CommandOutcome<Ev>>> => {
  const retry = { ...DEFAULT_RETRY, ...deps.retry };
  const upcasters = deps.upcasters ?? noUpcasters;
  const sleep = deps.sleep ?? defaultSleep;

  for (let attempt = 1; ; attempt++) {
    const cached = deps.snapshots?.get(streamId);
    const start = cached && cached.decider === decider ? (cached as StreamSnapshot<S>) : undefined;
    let state = start?.state ?? decider.initialState;
    let version = start?.version ?? 0;
    let lastHash = start?.lastHash ?? GENESIS_HASH;
    // Shared with the snapshot on purpose: it only ever gains ids of commands really in the
    // stream, so a reader of an older snapshot seeing a newer id is still told the truth.
    const commandIds = (start?.commandIds as Set<string> | undefined) ?? new Set<string>();
    const earlier: EventEnvelope<Ev>[] = [];
    const fromVersion = version + 1;
    // With a snapshot, the first attempt decides on it without reading: the append's
    // expected-version check refuses it if anything was written since, and the retry then
    // reads what it missed. Saves a read per command against a server.
    const missed = start && attempt === 1 ? [] : deps.store.readStream(streamId, { fromVersion });
    for await (const { envelope } of missed) {
      const current = upcasters.upcast(envelope) as EventEnvelope<Ev>;
      state = decider.evolve(state, current as unknown as Ev);
      version = envelope.streamVersion;
      lastHash = envelope.hash;
      commandIds.add(envelope.commandId);
      if (envelope.commandId === meta.commandId) earlier.push(current);
    }
    if (commandIds.has(meta.commandId)) {
      if (earlier.length === 0) {
        // Handled before the snapshot was taken: read its events back for the outcome.
        for await (const { envelope } of deps.store.readStream(streamId))
          if (envelope.commandId === meta.commandId)
            earlier.push(upcasters.upcast(envelope) as EventEnvelope<Ev>);
      }
      return E.right({ streamId, events: earlier, version, duplicate: true, attempts: attempt });
    }
    const remember = (s: S, v: number, h: string, ids: Set<string>): void =>
      deps.snapshots?.set(streamId, {
        decider,
        state: s,
        version: v,
        lastHash: h,
        commandIds: ids,
      });
    remember(state, version, lastHash, commandIds);

    const decided = decider.decide(command, state, ctx);
    if (E.isLeft(decided)) return decided;

    // X-06 (issue 11): protect before sealing, one by one, so that hashes cover the ciphertext.
    let events: readonly Ev[] = decided.right;
    if (deps.protect) {
      const protectedEvents: Ev[] = [];
      for (const e of decided.right)
        protectedEvents.push((await deps.protect(e, { streamId, meta })) as Ev);
      events = protectedEvents;
    }
    const recordedAt = deps.clock();
    const envelopes: EventEnvelope<Ev>[] = [];
    let prevHash = lastHash;
    events.forEach((event, i) => {
      const envelope = seal<Ev>({
        eventId: deriveEventId(meta.commandId, i),
        streamId,
        streamVersion: version + i + 1,
        type: event.type,
        schemaVersion: upcasters.currentVersion(event.type),
        occurredAt: meta.occurredAt,
        recordedAt,
        actor: meta.actor,
        commandId: meta.commandId,
        causationId: meta.causationId ?? meta.commandId,
        correlationId: meta.correlationId ?? meta.commandId,
        data: event.data,
        prevHash,
      });
      prevHash = envelope.hash;
      envelopes.push(envelope);
    });
    if (envelopes.length === 0) {
      return E.right({ streamId, events: [], version, duplicate: false, attempts: attempt });
    }

    try {
      const result = await deps.store.append(streamId, version, envelopes);
      if (!result.duplicate && deps.snapshots) {
        let next = state;
        for (const e of envelopes) next = decider.evolve(next, e as unknown as Ev);
        remember(next, result.nextVersion, prevHash, commandIds.add(meta.commandId));
      }
      return E.right({
        streamId,
        events: envelopes,
        version: result.nextVersion,
        duplicate: result.duplicate,
        attempts: attempt,
      });
    } catch (error) {
      if (!(error instanceof VersionConflictError)) throw error;
      if (attempt >= retry.maxAttempts) return E.left(conflictError(error, attempt));
      const backoff = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
      await sleep(backoff * (0.5 + jitter(meta.commandId, attempt)));
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
