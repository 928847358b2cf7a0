import { createPostgresEventStore, type SqlEventStore } from '@civic-ledger/adapters';
import type { EventEnvelope, StoredEvent } from '@civic-ledger/domain';
import { startPostgresServer } from '../../tests/support/postgres-server.js';
import { syntheticLog } from '../data.js';
import { type Scenario, secondsSince } from '../harness.js';

const IMPORT_BATCH = 10_000;

/** A durable server (fsync on) and a store on it. */
const withStore = async <T>(body: (store: SqlEventStore) => Promise<T>): Promise<T> => {
  const server = await startPostgresServer({ durable: true });
  try {
    const store = await createPostgresEventStore({ connectionString: server.connectionString });
    try {
      return await body(store);
    } finally {
      await store.close();
    }
  } finally {
    await server.stop();
  }
};

/** A JSONL export of a synthetic log: one envelope a line, as `export` writes it. */
const jsonlExport = (events: number): string[] =>
  Array.from(syntheticLog(events, Math.max(1, events / 20), 7), (e) => JSON.stringify(e));

/** Parses the lines and imports them in batches of {@link IMPORT_BATCH}. */
const importLines = async (store: SqlEventStore, lines: readonly string[]): Promise<void> => {
  for (let start = 0; start < lines.length; start += IMPORT_BATCH) {
    const batch = lines
      .slice(start, start + IMPORT_BATCH)
      .map((l) => JSON.parse(l) as EventEnvelope);
    await store.importBatch(batch);
  }
};

/** Bulk import of a JSONL export (parse, verify the chains, write) into an empty store. */
export const postgresImport: Scenario = {
  name: 'PostgreSQL: bulk import of a JSONL export (importBatch, 10 000 a batch)',
  target: '≥ 120 000 events/s',
  meets: (m) => m.events_per_s >= 120_000,
  run: (quick) =>
    withStore(async (store) => {
      const lines = jsonlExport(quick ? 20_000 : 300_000);
      const start = process.hrtime.bigint();
      await importLines(store, lines);
      return { events: lines.length, seconds: secondsSince(start) };
    }),
};

/** A projection's catch-up: readAll → the stored events → a trivial fold (counts by type). */
export const postgresCatchUp: Scenario = {
  name: 'PostgreSQL: catch-up read of all events into a fold (readAll)',
  target: '≥ 150 000 events/s',
  meets: (m) => m.events_per_s >= 150_000,
  run: (quick) =>
    withStore(async (store) => {
      const total = quick ? 20_000 : 300_000;
      await importLines(store, jsonlExport(total));
      const start = process.hrtime.bigint();
      const byType = new Map<string, number>();
      let last: StoredEvent | undefined;
      let events = 0;
      for await (const e of store.readAll()) {
        byType.set(e.envelope.type, (byType.get(e.envelope.type) ?? 0) + 1);
        last = e;
        events++;
      }
      const seconds = secondsSince(start);
      if (events !== total || last === undefined) throw new Error(`read ${events} of ${total}`);
      return { events, seconds };
    }),
};
