/** What the command handler remembers of a stream between commands. */
export interface StreamSnapshot<S = unknown> {
  /** The decider the state was folded with; a different decider never reuses it. */
  readonly decider: object;
  readonly state: S;
  readonly version: number;
  readonly lastHash: string;
  /** Command ids already in the stream, for idempotency without re-reading it. */
  readonly commandIds: ReadonlySet<string>;
}

/**
 * A bounded cache of stream snapshots that evicts streams not used lately first. A snapshot
 * is only a starting point: a decision on a stale one is refused by the append's expected
 * version, and the retry reads every event after it, so writes by other processes are
 * never missed.
 */
export interface SnapshotCache {
  get(streamId: string): StreamSnapshot | undefined;
  set(streamId: string, snapshot: StreamSnapshot): void;
  delete(streamId: string): void;
}

/** A cached snapshot and whether it was used since the eviction hand last passed it. */
interface Slot {
  snapshot: StreamSnapshot;
  used: boolean;
}

/**
 * Creates a {@link SnapshotCache} holding at most `maxStreams` streams. Eviction is the
 * "second chance" (CLOCK) approximation of least-recently-used: a hit only marks its slot,
 * rather than moving the entry to the end of the map (a delete and an insert, and a
 * rehash of a table as large as the cache now and then) on every command.
 */
export const createSnapshotCache = (maxStreams = 50_000): SnapshotCache => {
  // A Map iterates in insertion order: its first entry is where the hand stands.
  const slots = new Map<string, Slot>();
  const evictOne = (): void => {
    for (;;) {
      const oldest = slots.entries().next().value;
      if (oldest === undefined) return;
      const [streamId, slot] = oldest;
      slots.delete(streamId);
      if (!slot.used) return;
      // Used since the hand last came by: clear the mark and move it behind the others.
      slot.used = false;
      slots.set(streamId, slot);
    }
  };
  return {
    get: (streamId) => {
      const slot = slots.get(streamId);
      if (slot === undefined) return undefined;
      slot.used = true;
      return slot.snapshot;
    },
    set: (streamId, snapshot) => {
      const slot = slots.get(streamId);
      if (slot !== undefined) {
        // The private slot is updated in place; the snapshots themselves are never mutated.
        slot.snapshot = snapshot;
        slot.used = true;
        return;
      }
      if (maxStreams < 1) return;
      // Evict first: a newcomer appended behind a sweep that clears every mark would be
      // the first entry the hand reaches.
      if (slots.size >= maxStreams) evictOne();
      slots.set(streamId, { snapshot, used: false });
    },
    delete: (streamId) => void slots.delete(streamId),
  };
};
