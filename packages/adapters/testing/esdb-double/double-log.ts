/** One event as the double stores it, with ESDB's (commit, prepare) position. */
export interface DoubleEvent {
  readonly streamId: string;
  readonly revision: bigint;
  readonly id: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly customMetadata: Uint8Array;
  readonly commit: bigint;
  readonly prepare: bigint;
  /** .NET ticks, as ESDB sends `created`. */
  readonly created: bigint;
}

export interface ProposedEvent {
  readonly id: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly customMetadata: Uint8Array;
}

export type Expected =
  | { readonly kind: 'revision'; readonly revision: bigint }
  | { readonly kind: 'no-stream' }
  | { readonly kind: 'stream-exists' }
  | { readonly kind: 'any' };

export type AppendOutcome =
  | {
      readonly ok: true;
      readonly revision: bigint;
      readonly commit: bigint;
      readonly prepare: bigint;
    }
  | { readonly ok: false; readonly current: bigint | undefined };

const TICKS_AT_EPOCH = 621_355_968_000_000_000n;

/**
 * The double's log: streams with revisions and one `$all` sequence. Like ESDB, the events of
 * one append share a commit position and get consecutive prepare positions; positions start
 * far above 2⁵³ so that any Number conversion on the way would show.
 */
export const createDoubleLog = (firstPosition = 2n ** 60n) => {
  const all: DoubleEvent[] = [];
  const streams = new Map<string, DoubleEvent[]>();
  const listeners = new Set<(events: readonly DoubleEvent[]) => void>();
  let next = firstPosition;

  const current = (streamId: string): bigint | undefined => {
    const s = streams.get(streamId);
    return s && s.length > 0 ? BigInt(s.length - 1) : undefined;
  };

  /** ESDB's idempotence: the same ids already stored right after the expected revision. */
  const alreadyThere = (streamId: string, start: bigint, events: readonly ProposedEvent[]) => {
    const s = streams.get(streamId) ?? [];
    const at = Number(start);
    if (at + events.length > s.length) return undefined;
    if (!events.every((e, i) => s[at + i]?.id === e.id)) return undefined;
    return s[at + events.length - 1];
  };

  const append = (
    streamId: string,
    expected: Expected,
    events: readonly ProposedEvent[],
  ): AppendOutcome => {
    const cur = current(streamId);
    const holds =
      expected.kind === 'any' ||
      (expected.kind === 'no-stream' && cur === undefined) ||
      (expected.kind === 'stream-exists' && cur !== undefined) ||
      (expected.kind === 'revision' && cur === expected.revision);
    if (!holds) {
      const start =
        expected.kind === 'revision'
          ? expected.revision + 1n
          : expected.kind === 'no-stream'
            ? 0n
            : undefined;
      const existing = start === undefined ? undefined : alreadyThere(streamId, start, events);
      if (existing)
        return {
          ok: true,
          revision: existing.revision,
          commit: existing.commit,
          prepare: existing.prepare,
        };
      return { ok: false, current: cur };
    }
    const stream = streams.get(streamId) ?? [];
    const commit = next;
    const created = BigInt(Date.now()) * 10_000n + TICKS_AT_EPOCH;
    const written = events.map((e): DoubleEvent => {
      const event = {
        ...e,
        streamId,
        revision: BigInt(stream.length),
        commit,
        prepare: next++,
        created,
      };
      stream.push(event);
      all.push(event);
      return event;
    });
    streams.set(streamId, stream);
    for (const listener of listeners) listener(written);
    const last = written[written.length - 1];
    return { ok: true, revision: last?.revision ?? cur ?? -1n, commit, prepare: commit };
  };

  const compare = (e: DoubleEvent, commit: bigint, prepare: bigint): number =>
    e.commit === commit ? Number(e.prepare - prepare) : e.commit < commit ? -1 : 1;

  return {
    append,
    stream: (streamId: string): readonly DoubleEvent[] | undefined => streams.get(streamId),
    /** Index of the first event at or after (commit, prepare). */
    indexFrom: (commit: bigint, prepare: bigint): number => {
      const i = all.findIndex((e) => compare(e, commit, prepare) >= 0);
      return i === -1 ? all.length : i;
    },
    all: (): readonly DoubleEvent[] => all,
    onAppend: (listener: (events: readonly DoubleEvent[]) => void): (() => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
};

export type DoubleLog = ReturnType<typeof createDoubleLog>;
