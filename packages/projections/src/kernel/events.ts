import type { Actor, DomainEvent, EventEnvelope, StoredEvent } from '@civic-ledger/domain';

/**
 * Views a stored envelope as one of an aggregate's events; the projection has already
 * selected the stream by prefix, and a `switch` on `type` narrows `data`.
 */
export const envelopeOf = <E extends DomainEvent>(stored: StoredEvent): EventEnvelope<E> =>
  stored.envelope as unknown as EventEnvelope<E>;

/** The id part of a stream id (`facility-F1` → `F1`), or undefined for another prefix. */
export const idOf = (streamId: string, prefix: string): string | undefined =>
  streamId.startsWith(prefix) ? streamId.slice(prefix.length) : undefined;

/** Who, when and why of one change (ARC-03, X-02), kept in every archive entry. */
export interface ChangeEntry {
  readonly eventId: string;
  readonly type: string;
  readonly position: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: Actor;
  readonly commandId: string;
  readonly correlationId: string;
  /** The reason the event gives, when it gives one. */
  readonly reason?: string;
}

/** Distinct values kept of each kind; bounded so that odd input cannot grow it forever. */
const MAX_SHARED = 10_000;
const sharedTypes = new Map<string, string>();
const sharedActors = new Map<string, Actor>();

/** The one copy of `value` kept under `key` (the first one seen that is `same`). */
const shared = <T>(
  memo: Map<string, T>,
  key: string,
  value: T,
  same: (known: T, value: T) => boolean,
): T => {
  const known = memo.get(key);
  if (known !== undefined && same(known, value)) return known;
  if (memo.size >= MAX_SHARED) memo.clear();
  memo.set(key, value);
  return value;
};

const sameText = (a: string, b: string): boolean => a === b;
/**
 * Keyed by id alone (no key string to build per event); any other difference replaces it. Every
 * field is compared, not only role and unit: a line may carry fields the schema does not name
 * (its hash covers them), and an entry must show the actor its event has, nothing less.
 */
const sameActor = (a: Actor, b: Actor): boolean => {
  let fields = 0;
  for (const key in b) {
    if ((a as Record<string, unknown>)[key] !== (b as Record<string, unknown>)[key]) return false;
    fields++;
  }
  for (const _ in a) fields--;
  return fields === 0;
};

/**
 * The change entry of a stored event (position as a string: state is JSON). A new object,
 * built once: a caller that keeps more per entry (the case timeline's data) adds it to this
 * one rather than copying it — a replay makes one entry for every archived event. Entries
 * share one copy of each event type and each actor (a few dozen types, a few hundred staff):
 * the archives keep an entry per event, and each parsed line brings its own copies.
 */
export const changeEntry = (stored: StoredEvent): ChangeEntry => {
  const { envelope } = stored;
  const data = envelope.data as { reason?: unknown } | undefined;
  const entry: { -readonly [K in keyof ChangeEntry]: ChangeEntry[K] } = {
    eventId: envelope.eventId,
    type: shared(sharedTypes, envelope.type, envelope.type, sameText),
    position: stored.position.toString(),
    occurredAt: envelope.occurredAt,
    recordedAt: envelope.recordedAt,
    actor: shared(sharedActors, envelope.actor.id, envelope.actor, sameActor),
    commandId: envelope.commandId,
    correlationId: envelope.correlationId,
  };
  if (typeof data?.reason === 'string') entry.reason = data.reason;
  return entry;
};

/**
 * Appends in place and returns the same array. Growing lists (usage records, change logs)
 * would make a rebuild quadratic if every event copied them; the state is owned by the
 * fold, and queries hand out snapshots.
 */
export const push = <T>(items: readonly T[], item: T): readonly T[] => {
  (items as T[]).push(item);
  return items;
};

/** Replaces the element(s) matching `match` in an array, returning a new array. */
export const replaceWhere = <T>(
  items: readonly T[],
  match: (t: T) => boolean,
  f: (t: T) => T,
): T[] => items.map((t) => (match(t) ? f(t) : t));
