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
 * load a group grows to what arrived during a round trip and commit. (Two flushes in flight
 * overlap one's encoding and parameter parsing with the other's commit; the server still
 * serialises them on the log head.) `flush` settles every append of its
 * group itself (each on its own: one conflict does not fail the others); if it throws, the
 * whole group is rejected with that error. A group holds at most `maxRows` events, unless a
 * single append is larger (it then goes alone).
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
          inFlight--;
          pump();
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
