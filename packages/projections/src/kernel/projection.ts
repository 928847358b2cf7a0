import type { EventFilter, StoredEvent } from '@civic-ledger/domain';
import type { StateCodec } from './json-codec.js';
import type { EntityAccess } from './spill.js';

/**
 * A read model as a fold over the log. `apply` is deterministic, does no I/O and reads no
 * clock. It receives the stored event (envelope plus global position) already upcast.
 *
 * Ownership: `apply` may update the state it receives in place and return it (a rebuild of
 * a large archive would be quadratic if every event copied every Map and list). Callers
 * never reuse a state after handing it to `apply`, and every build starts from a fresh
 * `init()`. Queries hand out snapshots (copies), so what a caller holds never changes.
 */
export interface Projection<S, Q> {
  /** Stable name; the read model is stored under it. */
  readonly name: string;
  /** Bump when `apply` or the state shape changes: the runner rebuilds (blue-green). */
  readonly version: number;
  /** A fresh initial state (a factory, so that two builds never share one). */
  init(): S;
  apply(state: S, event: StoredEvent): S;
  /** The typed queries over a state. */
  queries(state: S): Q;
  /** Only these events matter (a hint the runner passes to the store). */
  readonly filter?: EventFilter;
  /** How the state is saved; the default tags Maps, Sets and bigints. */
  readonly codec?: StateCodec<S>;
  /**
   * Read models that keep part of their state in a document store (`spillEntities`): awaited
   * before each `apply`, so that the entity the event touches is back in memory. Returns
   * undefined when the entity is already there (most events: nothing to wait for).
   */
  readonly load?: (state: S, event: StoredEvent) => Promise<void> | undefined;
  /**
   * Read models backed by a document store may also be given the next events (in order,
   * none applied yet) to read back, in one round trip, the entities they will touch; `load`
   * still runs before each `apply`. Returns undefined when there is nothing to read.
   */
  readonly prefetch?: (state: S, events: readonly StoredEvent[]) => Promise<void> | undefined;
  /** Awaited when a one-off build ends: writes what is only in memory to the store. */
  readonly flush?: (state: S) => Promise<void>;
  /**
   * A per-entity read model (one file per case, one progress per ticket) says where its
   * entities are, so that `spillEntities` can keep them in a document store instead of the heap.
   */
  readonly entities?: EntityAccess<S>;
}

/** A projection whose state type is hidden: what runners and registries hold. */
// biome-ignore lint/suspicious/noExplicitAny: existential state type, never observed from outside
export type AnyProjection<Q = unknown> = Projection<any, Q>;

/** Folds events into a fresh state of the projection (events must already be upcast). */
export const foldProjection = <S, Q>(
  projection: Projection<S, Q>,
  events: Iterable<StoredEvent>,
  from: S = projection.init(),
): S => {
  let state = from;
  for (const event of events) state = projection.apply(state, event);
  return state;
};
