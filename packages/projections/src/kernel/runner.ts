import {
  type EventStore,
  matchesFilter,
  noUpcasters,
  type StoredEvent,
  type Subscription,
  type UpcasterRegistry,
} from '@civic-ledger/domain';
import type { ReadModelStore } from '../ports.js';
import { type Progress, upcastStored } from './build.js';
import { jsonCodec, type StateCodec } from './json-codec.js';
import { createMemoryReadModelStore } from './memory-stores.js';
import type { AnyProjection } from './projection.js';

/** How far a runner is behind the store. */
export interface Lag {
  /** Last applied global position. */
  readonly position: bigint;
  /** The store's head (`store.headPosition()`, or the highest position seen if that is more). */
  readonly head: bigint;
  readonly behind: bigint;
}

export interface RunnerOptions<Q> {
  readonly store: EventStore;
  readonly projection: AnyProjection<Q>;
  /** Where state and checkpoint are saved; default: in memory. */
  readonly readModels?: ReadModelStore;
  readonly upcasters?: UpcasterRegistry;
  /** Called every `progressEvery` events and at the end of each catch-up. */
  readonly onProgress?: (progress: Progress) => void;
  readonly progressEvery?: number;
  /** Save state and checkpoint every this many applied events (default 1000) and on stop. */
  readonly checkpointEvery?: number;
  /** The store's head position; default `store.headPosition()`. */
  readonly headPosition?: () => Promise<bigint>;
  /** A failing `apply` or store stops the live subscription and lands here. */
  readonly onError?: (error: unknown) => void;
}

/** Drives one projection from a store: catch up, follow live, checkpoint, rebuild blue-green. */
export interface ProjectionRunner<Q> {
  /** Loads the saved read model (or rebuilds if its version differs), catches up, follows live. */
  start(): Promise<void>;
  /** Reads from the checkpoint to the end of the log once, saves; returns events applied. */
  catchUp(): Promise<number>;
  /** Stops following and saves. */
  stop(): Promise<void>;
  /** Queries over the serving state. */
  query(): Q;
  /** Name, version and position of the serving build. */
  status(): { readonly name: string; readonly version: number; readonly position: bigint };
  lag(): Promise<Lag>;
  /**
   * Builds `next` (default: the current projection) from zero into a fresh state while the
   * current one keeps serving; swaps once it has caught up, then saves and activates it.
   */
  rebuild(next?: AnyProjection<Q>): Promise<void>;
}

interface Slot<Q> {
  readonly projection: AnyProjection<Q>;
  readonly codec: StateCodec<unknown>;
  state: unknown;
  position: bigint;
  sinceSave: number;
}

const newSlot = <Q>(projection: AnyProjection<Q>, state?: unknown, position = 0n): Slot<Q> => ({
  projection,
  codec: projection.codec ?? jsonCodec(),
  state: state === undefined ? projection.init() : state,
  position,
  sinceSave: 0,
});

/** Creates a {@link ProjectionRunner}. */
export const createProjectionRunner = <Q>(options: RunnerOptions<Q>): ProjectionRunner<Q> => {
  const { store } = options;
  if (options.projection.load)
    throw new TypeError(
      `${options.projection.name}: a read model backed by a document store is built with buildProjection or replay, not a runner`,
    );
  const readModels = options.readModels ?? createMemoryReadModelStore();
  const upcasters = options.upcasters ?? noUpcasters;
  const checkpointEvery = options.checkpointEvery ?? 1000;
  const progressEvery = options.progressEvery ?? 1000;
  let serving = newSlot(options.projection);
  let seenHead = 0n;
  let applied = 0;
  let subscription: Subscription | undefined;
  let saving: Promise<void> = Promise.resolve();
  /** Live events delivered while a rebuild reads the log; the fresh build takes them at the swap. */
  let liveDuringRebuild: StoredEvent[] | undefined;

  /** Applies one event unless the slot already has it (redelivery is harmless). */
  const applyTo = (slot: Slot<Q>, stored: StoredEvent): boolean => {
    if (stored.position > seenHead) seenHead = stored.position;
    if (stored.position <= slot.position) return false;
    if (!matchesFilter(stored.envelope, slot.projection.filter)) return false;
    slot.state = slot.projection.apply(slot.state, upcastStored(stored, upcasters));
    slot.position = stored.position;
    slot.sinceSave++;
    return true;
  };

  const report = (slot: Slot<Q>): void =>
    options.onProgress?.({
      name: slot.projection.name,
      version: slot.projection.version,
      applied,
      position: slot.position,
      head: seenHead,
    });

  /** Encodes now (the state is owned and moves on), writes in order. */
  const save = (slot: Slot<Q>): Promise<void> => {
    const model = {
      name: slot.projection.name,
      version: slot.projection.version,
      position: slot.position,
      state: slot.codec.encode(slot.state),
    };
    slot.sinceSave = 0;
    saving = saving.then(() => readModels.save(model));
    return saving;
  };

  const readFilter = (slot: Slot<Q>) =>
    slot.projection.filter
      ? { after: slot.position, filter: slot.projection.filter }
      : { after: slot.position };

  const readInto = async (slot: Slot<Q>, counts: boolean): Promise<number> => {
    let n = 0;
    for await (const stored of store.readAll(readFilter(slot))) {
      if (!applyTo(slot, stored)) continue;
      n++;
      if (counts) {
        applied++;
        if (applied % progressEvery === 0) report(slot);
      }
      if (slot.sinceSave >= checkpointEvery) await save(slot);
    }
    return n;
  };

  // Loads the saved build of this version once; another version (or none) being active
  // means this one builds from zero and is activated when it has caught up.
  let loaded: Promise<boolean> | undefined;
  const load = (): Promise<boolean> =>
    (loaded ??= (async () => {
      const { name, version } = serving.projection;
      if ((await readModels.active(name)) !== version) return true;
      const saved = await readModels.load({ name, version });
      if (saved)
        serving = newSlot(serving.projection, serving.codec.decode(saved.state), saved.position);
      return false;
    })());

  const catchUp = async (): Promise<number> => {
    const activate = await load();
    const slot = serving;
    const n = await readInto(slot, true);
    report(slot);
    await save(slot);
    if (activate) {
      await readModels.activate({ name: slot.projection.name, version: slot.projection.version });
      loaded = Promise.resolve(false);
    }
    return n;
  };

  const follow = (): Subscription =>
    store.subscribe(
      async (stored) => {
        liveDuringRebuild?.push(stored);
        const slot = serving;
        if (!applyTo(slot, stored)) return;
        applied++;
        if (applied % progressEvery === 0) report(slot);
        if (slot.sinceSave >= checkpointEvery) await save(slot);
      },
      {
        ...readFilter(serving),
        ...(options.onError ? { onError: options.onError } : {}),
      },
    );

  const rebuild = async (next: AnyProjection<Q> = serving.projection): Promise<void> => {
    const fresh = newSlot(next);
    const live: StoredEvent[] = [];
    liveDuringRebuild = live;
    try {
      await readInto(fresh, false);
      // From here to the swap nothing awaits: whatever the live subscription delivered while
      // the log was read is in `live`, and everything after the swap reaches the fresh build.
      for (const stored of live) applyTo(fresh, stored);
    } finally {
      liveDuringRebuild = undefined;
    }
    const old = serving;
    serving = fresh;
    const filterOf = (p: AnyProjection<Q>) => JSON.stringify(p.filter ?? null);
    if (subscription && filterOf(old.projection) !== filterOf(next)) {
      // The new version reads other events: close the old subscription first (so that events
      // arrive in order), then follow from where the fresh build stands.
      await subscription.close();
      subscription = follow();
    }
    report(fresh);
    await save(fresh);
    await readModels.activate({ name: next.name, version: next.version });
    if (old.projection.name !== next.name || old.projection.version !== next.version)
      await readModels.drop({ name: old.projection.name, version: old.projection.version });
  };

  const start = async (): Promise<void> => {
    await catchUp();
    subscription = follow();
    await subscription.caughtUp;
  };

  return {
    start,
    catchUp,
    rebuild,
    stop: async () => {
      await subscription?.close();
      subscription = undefined;
      await save(serving);
    },
    query: () => serving.projection.queries(serving.state),
    status: () => ({
      name: serving.projection.name,
      version: serving.projection.version,
      position: serving.position,
    }),
    lag: async () => {
      const reported = await (options.headPosition ?? store.headPosition)();
      // Stores count positions their own way (ESDB packs commit and prepare); never report less
      // than what this runner has already seen.
      const head = reported > seenHead ? reported : seenHead;
      const position = serving.position;
      return { position, head, behind: head > position ? head - position : 0n };
    },
  };
};
