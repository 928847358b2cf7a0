import type { AppendResult, EventEnvelope, ExpectedVersion } from '@civic-ledger/domain';

/** One caller's append waiting in the group-commit queue; the flush settles it. */
export interface QueuedAppend {
  readonly streamId: string;
  readonly expected: ExpectedVersion;
  readonly events: readonly EventEnvelope[];
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit: appends submitted while `maxInFlight` flushes are in flight wait in a queue
 * and go together in the next flush — no timer, so a lone append is sent at once, and under
 * load a group grows to what arrived during a round trip and commit. When a flush returns,
 * the next one starts a macrotask later, once the callers it settled have run on: a writer
 * that appends again at once (its next command) joins that group instead of waiting for the
 * one after it, so concurrent writers share every commit rather than splitting into two
 * cohorts that take turns at half the group size (measured on PostgreSQL: 8 writers went from
 * ~4 to 8 appends a commit, −30 % CPU an event). (Two flushes in flight overlap one's
 * encoding and parameter parsing with the other's commit; the server still serialises them
 * on the log head.) `flush` settles every append of its group itself (each on its own: one
 * conflict does not fail the others); if it throws, the whole group is rejected with that
 * error. A group holds at most `maxRows` events, unless a single append is larger (it then
 * goes alone).
 */
export const createGroupCommit = (
  flush: (group: readonly QueuedAppend[]) => Promise<void>,
  maxRows: number,
  maxInFlight: number,
) => {
  const queue: QueuedAppend[] = [];

  const takeGroup = (): QueuedAppend[] => {
    let rows = 0;
    let k = 0;
    while (k < queue.length) {
      const size = queue[k]!.events.length;
      if (k > 0 && rows + size > maxRows) break;
      rows += size;
      k++;
    }
    return queue.splice(0, k);
  };

  let inFlight = 0;
  const pump = (): void => {
    while (inFlight < maxInFlight && queue.length > 0) {
      const group = takeGroup();
      inFlight++;
      flush(group)
        .catch((error: unknown) => {
          for (const append of group) append.reject(error);
        })
        .finally(() => {
          // Not at once: the callers just settled continue in microtasks, and a macrotask
          // later those that append again are queued too (see above).
          setImmediate(() => {
            inFlight--;
            pump();
          });
        });
    }
  };

  return {
    /** Queues an append; it is flushed at once when no flush is in flight. */
    submit: (
      streamId: string,
      expected: ExpectedVersion,
      events: readonly EventEnvelope[],
    ): Promise<AppendResult> =>
      new Promise<AppendResult>((resolve, reject) => {
        queue.push({ streamId, expected, events, resolve, reject });
        pump();
      }),
  };
};
