import type { StoredEvent, SubscribeOptions, Subscription } from '@civic-ledger/domain';
import type { Wakeup } from './wakeup.js';

/** Reads up to `limit` events after `after`, in position order. */
export type ReadPage = (after: bigint, limit: number) => Promise<readonly StoredEvent[]>;

/**
 * A subscription that pages by position from its checkpoint, delivers one event at a time,
 * and sleeps until woken (LISTEN/NOTIFY or a local append) or until the poll interval passes.
 * Safe against sequence gaps only because the store makes positions visible in order.
 */
export const pollingSubscription = (
  readPage: ReadPage,
  wakeup: Wakeup,
  handler: (event: StoredEvent) => void | Promise<void>,
  options: SubscribeOptions & { readonly pollIntervalMs: number; readonly pageSize: number },
): Subscription => {
  let closed = false;
  let markCaughtUp!: () => void;
  const caughtUp = new Promise<void>((resolve) => {
    markCaughtUp = resolve;
  });
  const run = (async () => {
    let after = options.after ?? 0n;
    const limit = options.batchSize ?? options.pageSize;
    while (!closed) {
      const seen = wakeup.generation();
      const page = await readPage(after, limit);
      for (const event of page) {
        if (closed) return;
        await handler(event);
        after = event.position;
      }
      if (page.length < limit) {
        markCaughtUp();
        if (!closed) await wakeup.wait(seen, options.pollIntervalMs);
      }
    }
  })().catch((error: unknown) => {
    markCaughtUp();
    if (!closed) options.onError?.(error);
  });
  return {
    caughtUp,
    close: async () => {
      closed = true;
      wakeup.notify();
      await run;
    },
  };
};
