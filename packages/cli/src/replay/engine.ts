import {
  matchesFilter,
  noUpcasters,
  type StoredEvent,
  type UpcasterRegistry,
} from '@civic-ledger/domain';
import { type AnyProjection, upcastStored } from '@civic-ledger/projections';

/** Bitemporal cut: what had happened by `asOf` (occurredAt), as known by `knownAt` (recordedAt). */
export interface Cut {
  readonly asOf?: string;
  readonly knownAt?: string;
}

/** One rebuilt read model. */
export interface Rebuilt {
  readonly name: string;
  readonly version: number;
  readonly applied: number;
  readonly position: bigint;
  readonly query: unknown;
}

/** True when the event falls inside the cut. */
export const withinCut = (event: StoredEvent, cut: Cut): boolean =>
  (cut.asOf === undefined || Date.parse(event.envelope.occurredAt) <= Date.parse(cut.asOf)) &&
  (cut.knownAt === undefined || Date.parse(event.envelope.recordedAt) <= Date.parse(cut.knownAt));

/** Events handed to prefetching read models at a time (see `replayProjections`). */
const PREFETCH_WINDOW = 500;

/**
 * Rebuilds several projections in one streaming pass over a log (a store's `readAll` or a
 * JSONL export): each event is upcast once and applied to every projection whose filter
 * takes it. Memory is the projections' states, never the log; per-entity read models wrapped
 * by `spillEntities` keep a working set and put the rest in their document store. `onEvent`
 * sees every event read, inside the cut or not (the `replay` command finds its default period).
 */
export const replayProjections = async (
  events: AsyncIterable<StoredEvent>,
  projections: readonly AnyProjection[],
  cut: Cut = {},
  onProgress?: (seen: number) => void,
  upcasters: UpcasterRegistry = noUpcasters,
  onEvent?: (event: StoredEvent) => void,
): Promise<Map<string, Rebuilt>> => {
  const slots = projections.map((p) => ({
    p,
    state: p.init() as unknown,
    applied: 0,
    position: 0n,
  }));
  // The cut's instants parsed once, not per event.
  const asOf = cut.asOf === undefined ? undefined : Date.parse(cut.asOf);
  const knownAt = cut.knownAt === undefined ? undefined : Date.parse(cut.knownAt);
  type Slot = (typeof slots)[number];
  const applyTo = (slot: Slot, event: StoredEvent): void => {
    slot.state = slot.p.apply(slot.state, event);
    slot.applied++;
    slot.position = event.position;
  };
  /**
   * Applies the event to every read model from slot `from` on. A read model backed by a
   * document store brings the entity back into memory first; most events need no I/O, and
   * then the whole event is applied without a promise.
   */
  const applyFrom = (event: StoredEvent, from = 0): Promise<void> | undefined => {
    for (let i = from; i < slots.length; i++) {
      const slot = slots[i]!;
      if (!matchesFilter(event.envelope, slot.p.filter)) continue;
      const loading = slot.p.load?.(slot.state, event);
      if (loading)
        return loading.then(() => {
          applyTo(slot, event);
          return applyFrom(event, i + 1);
        });
      applyTo(slot, event);
    }
    return undefined;
  };
  // Read models that prefetch are handed the events a window at a time, before any of them
  // is applied: one round trip brings back every entity the window touches, instead of one
  // round trip per entity. Without them, events are applied as they are read.
  const prefetching = slots.filter((slot) => slot.p.prefetch);
  const window: StoredEvent[] = [];
  const applyWindow = async (): Promise<void> => {
    for (const slot of prefetching) {
      const mine = window.filter((e) => matchesFilter(e.envelope, slot.p.filter));
      const fetching = mine.length > 0 ? slot.p.prefetch!(slot.state, mine) : undefined;
      if (fetching) await fetching;
    }
    for (const event of window) {
      const applying = applyFrom(event);
      if (applying) await applying;
    }
    window.length = 0;
  };
  let seen = 0;
  for await (const stored of events) {
    seen++;
    if (onProgress && seen % 1000 === 0) onProgress(seen);
    onEvent?.(stored);
    const { envelope } = stored;
    // As `withinCut`: an instant that does not parse is outside every cut.
    if (asOf !== undefined && !(Date.parse(envelope.occurredAt) <= asOf)) continue;
    if (knownAt !== undefined && !(Date.parse(envelope.recordedAt) <= knownAt)) continue;
    const event = upcastStored(stored, upcasters);
    if (prefetching.length > 0) {
      if (window.push(event) >= PREFETCH_WINDOW) await applyWindow();
      continue;
    }
    const applying = applyFrom(event);
    if (applying) await applying;
  }
  await applyWindow();
  onProgress?.(seen);
  for (const slot of slots) if (slot.p.flush) await slot.p.flush(slot.state);
  return new Map(
    slots.map((s) => [
      s.p.name,
      {
        name: s.p.name,
        version: s.p.version,
        applied: s.applied,
        position: s.position,
        query: s.p.queries(s.state),
      },
    ]),
  );
};
