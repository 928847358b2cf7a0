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
 * A bounded, least-recently-used cache of stream snapshots. A snapshot is only a starting
 * point: the handler still reads every event after the snapshot's version from the store,
 * so writes by other processes are never missed.
 */
export interface SnapshotCache {
  get(streamId: string): StreamSnapshot | undefined;
  set(streamId: string, snapshot: StreamSnapshot): void;
  delete(streamId: string): void;
}

/** Creates a {@link SnapshotCache} holding at most `maxStreams` streams. */
export const createSnapshotCache = (maxStreams = 50_000): SnapshotCache => {
  // A Map iterates in insertion order: re-inserting on use keeps the oldest first.
  const entries = new Map<string, StreamSnapshot>();
  return {
    get: (streamId) => {
      const hit = entries.get(streamId);
      if (hit) {
        entries.delete(streamId);
        entries.set(streamId, hit);
      }
      return hit;
    },
    set: (streamId, snapshot) => {
      entries.delete(streamId);
      entries.set(streamId, snapshot);
      if (entries.size > maxStreams) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
    },
    delete: (streamId) => void entries.delete(streamId),
  };
};
