import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { createPostgresEventStore, type SqlEventStore } from '@civic-ledger/adapters';
import { encodeLine } from '@civic-ledger/cli';
import {
  type EventEnvelope,
  GENESIS_HASH,
  nextLogHash,
  type StoredEvent,
} from '@civic-ledger/domain';
import { startPostgresServer } from '../../tests/support/postgres-server.js';
import { syntheticLog } from '../data.js';
import { type Scenario, secondsSince } from '../harness.js';
import { withPostgresStore } from '../postgres-store.js';
import { cliQuietly } from './replay.js';

const IMPORT_BATCH = 10_000;

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

/**
 * A JSONL export file of a synthetic log as `export` writes it (`position`, `logHash`, the
 * envelope), in a temp directory; removed after `body`.
 */
const withExportFile = async <T>(
  events: number,
  body: (path: string) => Promise<T>,
): Promise<T> => {
  const dir = await mkdtemp(join(tmpdir(), 'civic-ledger-import-'));
  try {
    const path = join(dir, 'export.jsonl');
    const out = createWriteStream(path);
    let logHash = GENESIS_HASH;
    let position = 0n;
    for (const envelope of syntheticLog(events, Math.max(1, events / 20), 7)) {
      logHash = nextLogHash(logHash, envelope.hash);
      position++;
      if (!out.write(`${encodeLine({ position, logHash, envelope })}\n`)) await once(out, 'drain');
    }
    out.end();
    await finished(out);
    return await body(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

/**
 * Bulk import of a JSONL export into an empty store, end to end as a user runs it:
 * `civic-ledger import FILE --batch 10000` (read, parse, check the file's chains, verify every
 * hash, COPY, one transaction a batch).
 */
export const postgresImport: Scenario = {
  name: 'PostgreSQL: bulk import of a JSONL export (`civic-ledger import`, 10 000 a batch)',
  target: '≥ 120 000 events/s',
  meets: (m) => m.events_per_s >= 120_000,
  run: (quick) => {
    const events = quick ? 20_000 : 300_000;
    return withExportFile(events, async (path) => {
      const server = await startPostgresServer({ durable: true });
      try {
        const store = ['--store', server.connectionString, '--quiet'];
        const start = process.hrtime.bigint();
        const code = await cliQuietly([...store, 'import', path, '--batch', String(IMPORT_BATCH)]);
        const seconds = secondsSince(start);
        if (code !== 0) throw new Error(`import exited with ${code}`);
        const check = await createPostgresEventStore({ connectionString: server.connectionString });
        const head = await check.headPosition().finally(() => check.close());
        if (head !== BigInt(events)) throw new Error(`imported ${head} of ${events}`);
        return { events, seconds };
      } finally {
        await server.stop();
      }
    });
  },
};

/** A projection's catch-up: readAll → the stored events → a trivial fold (counts by type). */
export const postgresCatchUp: Scenario = {
  name: 'PostgreSQL: catch-up read of all events into a fold (readAll)',
  target: '≥ 150 000 events/s',
  meets: (m) => m.events_per_s >= 150_000,
  run: (quick) =>
    withPostgresStore(async (store) => {
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
