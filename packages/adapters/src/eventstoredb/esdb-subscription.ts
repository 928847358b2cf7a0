import {
  matchesFilter,
  type ReadAllOptions,
  type StoredEvent,
  type SubscribeOptions,
  type Subscription,
} from '@civic-ledger/domain';
import {
  type AllStreamSubscription,
  type EventStoreDBClient,
  eventTypeFilter,
  excludeSystemEvents,
  type Filter,
  START,
  streamNameFilter,
} from '@eventstore/db-client';
import { fromResolvedEvent } from './esdb-events.js';
import { packPosition, unpackPosition } from './esdb-position.js';

/** Marks an error thrown by the subscriber's handler: it stops the subscription, no retry. */
class HandlerFailed {
  constructor(readonly cause: unknown) {}
}

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The server-side filter: ESDB filters on stream names or on event types, not both, so the
 * narrower one is sent and `matchesFilter` finishes the job; checkpoints come back either way.
 */
const serverFilter = (
  options: SubscribeOptions,
  onCheckpoint: (position: bigint) => void,
): Filter => {
  const checkpointReached = (_: unknown, position: { commit: bigint; prepare: bigint }) => {
    onCheckpoint(packPosition(position));
  };
  const prefixes = options.filter?.streamPrefixes;
  if (prefixes && prefixes.length > 0)
    return streamNameFilter({ prefixes: [...prefixes], checkpointReached });
  const types = options.filter?.types;
  if (types && types.length > 0)
    return eventTypeFilter({
      regex: `^(?:${types.map(escapeRegex).join('|')})$`,
      checkpointReached,
    });
  return excludeSystemEvents({ checkpointReached });
};

/**
 * Catch-up then live: pages through `readAll` from the checkpoint (so `caughtUp` means what
 * the port says), then `subscribeToAll` from the last position seen. The client does not
 * resume a dropped subscription, so this loop resubscribes from its last checkpoint with
 * capped exponential backoff, and skips anything at or before the checkpoint: no event is
 * delivered twice or skipped across a reconnect.
 */
export const esdbSubscription = (
  client: EventStoreDBClient,
  readAll: (options: ReadAllOptions) => AsyncIterable<StoredEvent>,
  handler: (event: StoredEvent) => void | Promise<void>,
  options: SubscribeOptions & {
    readonly resubscribeDelayMs: number;
    readonly resubscribeAttempts: number;
  },
): Subscription => {
  let closed = false;
  let checkpoint = options.after ?? 0n;
  let live: AllStreamSubscription | undefined;
  let wakeSleeper: (() => void) | undefined;
  let markCaughtUp!: () => void;
  const caughtUp = new Promise<void>((resolve) => {
    markCaughtUp = resolve;
  });

  const deliver = async (event: StoredEvent): Promise<void> => {
    try {
      await handler(event);
    } catch (error) {
      throw new HandlerFailed(error);
    }
    checkpoint = event.position;
  };

  const catchUp = async (): Promise<void> => {
    for await (const event of readAll({
      after: checkpoint,
      ...(options.filter ? { filter: options.filter } : {}),
      ...(options.batchSize ? { batchSize: options.batchSize } : {}),
    })) {
      if (closed) return;
      await deliver(event);
    }
  };

  const followLive = async (): Promise<void> => {
    const filter = serverFilter(options, (position) => {
      if (position > checkpoint) checkpoint = position;
    });
    const subscription = client.subscribeToAll({
      fromPosition: checkpoint === 0n ? START : unpackPosition(checkpoint),
      filter,
    });
    live = subscription;
    try {
      for await (const resolved of subscription) {
        if (closed) return;
        const event = fromResolvedEvent(resolved);
        if (!event || event.position <= checkpoint) continue;
        if (matchesFilter(event.envelope, options.filter)) await deliver(event);
        else checkpoint = event.position;
      }
    } finally {
      live = undefined;
    }
  };

  const backoff = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        wakeSleeper = undefined;
        resolve();
      }
      wakeSleeper = done;
    });

  const run = (async () => {
    let failures = 0;
    let caught = false;
    while (!closed) {
      const before = checkpoint;
      try {
        if (!caught) {
          await catchUp();
          caught = true;
          markCaughtUp();
        }
        if (!closed) await followLive();
        // A live subscription that ends without an error was dropped by the server too.
      } catch (error) {
        if (error instanceof HandlerFailed) throw error.cause;
        if (closed) return;
        if (checkpoint !== before) failures = 0;
        if (++failures > options.resubscribeAttempts) throw error;
      }
      if (!closed)
        await backoff(Math.min(5000, options.resubscribeDelayMs * 2 ** Math.max(0, failures - 1)));
    }
  })().catch((error: unknown) => {
    markCaughtUp();
    if (!closed) options.onError?.(error);
  });

  return {
    caughtUp,
    close: async () => {
      closed = true;
      wakeSleeper?.();
      const current = live;
      if (current) {
        await current.unsubscribe();
        // Cancelling does not end the client's stream; destroying it ends the for-await.
        current.destroy();
      }
      await run;
    },
  };
};
