import {
  type EventStore,
  noUpcasters,
  type StoredEvent,
  type UpcasterRegistry,
} from '@civic-ledger/domain';
import { atOrBefore } from './instants.js';
import type { Projection } from './projection.js';

/** Which clock "as of" reads: when it happened, or when the store learnt of it. */
export type AsOfClock = 'occurredAt' | 'recordedAt';

/**
 * "As of" a moment. `occurredAt`: every event that happened by `at` (backdated facts
 * included). `recordedAt`: every event the store had recorded by `at` — what was known then.
 */
export interface AsOf {
  readonly at: string;
  readonly by: AsOfClock;
}

/** Progress of a build or a runner, for progress bars. */
export interface Progress {
  readonly name: string;
  readonly version: number;
  /** Events applied so far in this run. */
  readonly applied: number;
  /** Global position of the last event applied. */
  readonly position: bigint;
  /** The store's head, when known. */
  readonly head?: bigint;
}

/** The result of a one-off build. */
export interface Built<S, Q> {
  readonly state: S;
  readonly position: bigint;
  readonly applied: number;
  readonly query: Q;
}

export interface BuildOptions {
  readonly upcasters?: UpcasterRegistry;
  readonly asOf?: AsOf;
  readonly onProgress?: (progress: Progress) => void;
  /** Report progress every this many events (default 1000). */
  readonly progressEvery?: number;
}

/** True when the event belongs in a build as of `asOf`. */
export const withinAsOf = (event: StoredEvent, asOf: AsOf | undefined): boolean =>
  asOf === undefined || atOrBefore(event.envelope[asOf.by], asOf.at);

/** The stored event with its data upcast to the current schema version. */
export const upcastStored = (event: StoredEvent, upcasters: UpcasterRegistry): StoredEvent => {
  const envelope = upcasters.upcast(event.envelope);
  return envelope === event.envelope ? event : { ...event, envelope };
};

/**
 * Builds a projection from zero by streaming the whole log (never holding it), optionally
 * as of a moment. Used for rebuilds, audits ("what did we know on 1 March?") and reports.
 */
export const buildProjection = async <S, Q>(
  store: EventStore,
  projection: Projection<S, Q>,
  options: BuildOptions = {},
): Promise<Built<S, Q>> => {
  const upcasters = options.upcasters ?? noUpcasters;
  const every = options.progressEvery ?? 1000;
  let state = projection.init();
  let position = 0n;
  let applied = 0;
  const readOptions = projection.filter ? { filter: projection.filter } : {};
  for await (const stored of store.readAll(readOptions)) {
    if (stored.position <= position) continue;
    // The position moves on even for events outside "as of": they were seen and judged.
    position = stored.position;
    if (!withinAsOf(stored, options.asOf)) continue;
    const event = upcastStored(stored, upcasters);
    if (projection.load) await projection.load(state, event);
    state = projection.apply(state, event);
    applied++;
    if (options.onProgress && applied % every === 0)
      options.onProgress({ name: projection.name, version: projection.version, applied, position });
  }
  options.onProgress?.({ name: projection.name, version: projection.version, applied, position });
  if (projection.flush) await projection.flush(state);
  return { state, position, applied, query: projection.queries(state) };
};

/** Builds a projection as of a moment (see {@link AsOf}). */
export const buildAsOf = <S, Q>(
  store: EventStore,
  projection: Projection<S, Q>,
  asOf: AsOf,
  options: Omit<BuildOptions, 'asOf'> = {},
): Promise<Built<S, Q>> => buildProjection(store, projection, { ...options, asOf });
