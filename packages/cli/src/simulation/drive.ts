import {
  type CommandHandlerDeps,
  type CommandMeta,
  chinaWorkCalendar,
  type DecideContext,
  type DomainError,
  type DomainEvent,
  defaultPolicy,
  deriveEventId,
  type EventEnvelope,
  type EventStore,
  formatDomainError,
  GENESIS_HASH,
  handleCommand,
  type Policy,
  seal,
  type WorkCalendar,
} from '@civic-ledger/domain';
import * as E from 'fp-ts/lib/Either.js';
import type { SimAggregate, SimCommand } from './flow.js';
import { aggregateBindings } from './registry.js';

interface StreamState {
  state: unknown;
  version: number;
  hash: string;
}

/** What a run did. */
export interface DriveStats {
  commands: number;
  events: number;
  /** Commands the deciders refused, by error code (a simulation bug or a rule at work). */
  rejected: Record<string, number>;
  /** The first few refusals, in full, to debug the simulation. */
  samples: string[];
  /** Commands of aggregates not written yet. */
  skipped: Partial<Record<SimAggregate, number>>;
  /** First and last simulated instants. */
  firstAt?: string;
  lastAt?: string;
}

export interface DriveOptions {
  readonly policy?: Policy;
  readonly calendar?: WorkCalendar;
  /** Stamps `recordedAt`; default: a few seconds after the simulated `occurredAt`. */
  readonly recordedAt?: (occurredAt: string, seq: number) => string;
  readonly onProgress?: (stats: DriveStats) => void;
  /**
   * `fast` (default) keeps open streams' state in memory; `handleCommand` goes through the
   * kernel's command handler (reads each stream before deciding): slower, the same events.
   */
  readonly via?: 'fast' | 'handleCommand';
  /**
   * the command handler's `protect` hook (e.g. `createFieldProtector(…).protect`),
   * applied on both paths before sealing, so that personal fields are stored encrypted.
   * The fast path then folds state from the protected events, as `handleCommand` does.
   */
  readonly protect?: CommandHandlerDeps['protect'];
}

const lagged = (occurredAt: string, seq: number): string =>
  new Date(Date.parse(occurredAt) + 1000 + (seq % 50) * 100).toISOString();

/**
 * Runs simulated commands through the real deciders and appends the sealed events: the fast
 * path of `handleCommand` (decide, seal, append with the expected version) that keeps each
 * open stream's state in memory instead of re-reading it, and forgets it when a case ends.
 */
export const driveCommands = async (
  store: EventStore,
  commands: Iterable<SimCommand> | AsyncIterable<SimCommand>,
  options: DriveOptions = {},
): Promise<DriveStats> => {
  const bindings = aggregateBindings();
  const policy = options.policy ?? defaultPolicy;
  const calendar = options.calendar ?? chinaWorkCalendar;
  const recordedAt = options.recordedAt ?? lagged;
  const streams = new Map<string, StreamState>();
  const stats: DriveStats = { commands: 0, events: 0, rejected: {}, samples: [], skipped: {} };
  const refuse = (error: DomainError, c: SimCommand): void => {
    stats.rejected[error.code] = (stats.rejected[error.code] ?? 0) + 1;
    if (stats.samples.length < 10)
      stats.samples.push(`${c.streamId} ${c.type}: ${formatDomainError(error, 'en')}`);
  };
  for await (const c of commands) {
    const binding = bindings[c.aggregate];
    if (!binding) {
      stats.skipped[c.aggregate] = (stats.skipped[c.aggregate] ?? 0) + 1;
      continue;
    }
    stats.commands++;
    stats.firstAt ??= c.occurredAt;
    stats.lastAt = c.occurredAt;
    const current = streams.get(c.streamId) ?? {
      state: binding.decider.initialState,
      version: 0,
      hash: GENESIS_HASH,
    };
    const base: DecideContext = { policy, calendar, actor: c.actor, now: c.occurredAt };
    const meta: CommandMeta = {
      commandId: c.commandId,
      actor: c.actor,
      occurredAt: c.occurredAt,
      correlationId: c.correlationId,
    };
    if (options.via === 'handleCommand') {
      const outcome = await handleCommand(
        {
          store,
          clock: () => recordedAt(c.occurredAt, stats.commands),
          ...(options.protect ? { protect: options.protect } : {}),
        },
        binding.decider,
        c.streamId,
        { type: c.type, data: c.data },
        { ...(binding.context(base) as object), ...c.context },
        meta,
      );
      if (E.isLeft(outcome)) refuse(outcome.left, c);
      else stats.events += outcome.right.events.length;
      continue;
    }
    const decided = binding.decider.decide({ type: c.type, data: c.data }, current.state, {
      ...(binding.context(base) as object),
      ...c.context,
    });
    if (E.isLeft(decided)) {
      refuse(decided.left, c);
      if (c.last) streams.delete(c.streamId);
      continue;
    }
    // As in `handleCommand`: protect each event before sealing, then fold the protected form.
    let events: readonly DomainEvent[] = decided.right;
    if (options.protect) {
      const protectedEvents: DomainEvent[] = [];
      for (const event of decided.right)
        protectedEvents.push(await options.protect(event, { streamId: c.streamId, meta }));
      events = protectedEvents;
    }
    const stamped = recordedAt(c.occurredAt, stats.commands);
    const envelopes: EventEnvelope[] = [];
    let { state, version, hash } = current;
    events.forEach((event, i) => {
      const envelope = seal({
        eventId: deriveEventId(c.commandId, i),
        streamId: c.streamId,
        streamVersion: ++version,
        type: event.type,
        schemaVersion: 1,
        occurredAt: c.occurredAt,
        recordedAt: stamped,
        actor: c.actor,
        commandId: c.commandId,
        causationId: c.commandId,
        correlationId: c.correlationId,
        data: event.data,
        prevHash: hash,
      });
      hash = envelope.hash;
      state = binding.decider.evolve(state, event);
      envelopes.push(envelope as EventEnvelope);
    });
    if (envelopes.length > 0) await store.append(c.streamId, current.version, envelopes);
    stats.events += envelopes.length;
    if (c.last) streams.delete(c.streamId);
    else streams.set(c.streamId, { state, version, hash });
    if (options.onProgress && stats.commands % 500 === 0) options.onProgress(stats);
  }
  return stats;
};
