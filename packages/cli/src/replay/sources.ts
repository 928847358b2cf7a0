import type { EventStore, StoredEvent } from '@civic-ledger/domain';
import { readEventsFile } from '../jsonl/read-events.js';
import { fileSize } from '../jsonl/read-lines.js';

/** A log to replay, with how far through it we are when that is knowable. */
export interface LogSource {
  readonly events: AsyncIterable<StoredEvent>;
  /** Fraction read so far (file bytes), or undefined for a store. */
  ratio(): number | undefined;
}

/**
 * The whole log of a store, in global order, paged; how far through it is the position
 * reached against the store's head when the pass began (events appended meanwhile are read
 * too, so the ratio may end a little above 1 and is capped).
 */
export const storeSource = (store: EventStore): LogSource => {
  let head = 0n;
  let at = 0n;
  async function* events(): AsyncGenerator<StoredEvent> {
    head = await store.headPosition();
    for await (const e of store.readAll({ batchSize: 1000 })) {
      at = e.position;
      yield e;
    }
  }
  return {
    events: events(),
    ratio: () => (head > 0n ? Math.min(1, Number(at) / Number(head)) : undefined),
  };
};

/** A JSONL export, streamed line by line. */
export const fileSource = (path: string): LogSource => {
  const size = Math.max(1, fileSize(path));
  let bytes = 0;
  return {
    events: readEventsFile(path, (b) => {
      bytes = b;
    }),
    ratio: () => bytes / size,
  };
};
