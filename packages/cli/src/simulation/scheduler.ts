/**
 * A min-heap of things to do at simulated instants. Ties keep insertion order, so a run is
 * deterministic. Only pending work is held, never the history: memory follows the number of
 * open cases, not the number of events.
 */
export interface Scheduler<T> {
  push(at: number, item: T): void;
  /** The earliest item due at or before `until`, or undefined. */
  popUntil(until: number): { at: number; item: T } | undefined;
  readonly size: number;
}

interface Entry<T> {
  readonly at: number;
  readonly seq: number;
  readonly item: T;
}

const before = <T>(a: Entry<T>, b: Entry<T>): boolean =>
  a.at < b.at || (a.at === b.at && a.seq < b.seq);

/** Creates an empty scheduler. */
export const createScheduler = <T>(): Scheduler<T> => {
  const heap: Entry<T>[] = [];
  let seq = 0;
  return {
    push(at, item) {
      heap.push({ at, seq: seq++, item });
      let i = heap.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!before(heap[i]!, heap[parent]!)) break;
        [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
        i = parent;
      }
    },
    popUntil(until) {
      const top = heap[0];
      if (!top || top.at > until) return undefined;
      const last = heap.pop()!;
      if (heap.length > 0) {
        heap[0] = last;
        let i = 0;
        for (;;) {
          const l = 2 * i + 1;
          const r = l + 1;
          let m = i;
          if (l < heap.length && before(heap[l]!, heap[m]!)) m = l;
          if (r < heap.length && before(heap[r]!, heap[m]!)) m = r;
          if (m === i) break;
          [heap[i], heap[m]] = [heap[m]!, heap[i]!];
          i = m;
        }
      }
      return { at: top.at, item: top.item };
    },
    get size() {
      return heap.length;
    },
  };
};
