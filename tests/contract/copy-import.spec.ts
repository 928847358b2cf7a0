import {
  createSqlEventStore,
  ImportRefusedError,
  type SqlDatabase,
  type SqlEventStore,
} from '@civic-ledger/adapters';
import { type EventEnvelope, GENESIS_HASH, seal, verifyLog } from '@civic-ledger/domain';
import { describe, expect } from 'vitest';
import { collect, envelopes } from './envelopes.js';
import { backendTest, sqlBackends } from './sql-backends.js';

// The import's COPY path (pg streams `COPY … FROM STDIN`, PGlite reads it as `/dev/blob`): it
// must store exactly what the INSERT path and one-by-one appends store, and refuse what they
// refuse.
const backends = sqlBackends();

let n = 0;
const schemaName = (what: string) => `copy_${what}_${process.pid}_${++n}`;

/** The same database without COPY: the import takes its INSERT path, as on PGlite. */
const withoutCopy = (db: SqlDatabase): SqlDatabase => ({
  ...db,
  transaction: (fn) => db.transaction((tx) => fn({ query: tx.query.bind(tx) })),
});

/** A database that records whether an import used COPY. */
const watchingCopy = (db: SqlDatabase) => {
  let copies = 0;
  const wrapped: SqlDatabase = {
    ...db,
    transaction: (fn) =>
      db.transaction((tx) => {
        const copyFrom = tx.copyFrom;
        return fn({
          query: tx.query.bind(tx),
          ...(copyFrom
            ? {
                copyFrom: (statement: string, data: string) => {
                  copies++;
                  return copyFrom(statement, data);
                },
              }
            : {}),
        });
      }),
  };
  return { db: wrapped, copies: () => copies };
};

const open = async (db: SqlDatabase, schema: string, chunk = 4): Promise<SqlEventStore> =>
  createSqlEventStore(db, { schema, insertChunkSize: chunk });

/** Every column of every row, in position order: what "the same rows" means. */
const rowsOf = async (db: SqlDatabase, schema: string) =>
  (
    await db.query(
      `SELECT position::text, event_id, stream_id, stream_version, type, schema_version,
              occurred_at, recorded_at, actor::text, command_id, causation_id, correlation_id,
              data::text, prev_hash, hash, log_hash FROM ${schema}.events ORDER BY position`,
    )
  ).rows;

const headOf = async (db: SqlDatabase, schema: string) =>
  (await db.query(`SELECT position::text AS p, log_hash FROM ${schema}.log_head`)).rows[0];

/** Three interleaved streams whose ids and data carry what COPY's text format escapes. */
const awkwardLog = (): EventEnvelope[] => {
  const heads = new Map<string, { version: number; hash: string }>();
  const out: EventEnvelope[] = [];
  const streams = ['ticket-a', 'ticket-b\\tab', 'ticket-c'];
  for (let i = 0; i < 15; i++) {
    const streamId = streams[i % 3]!;
    const head = heads.get(streamId) ?? { version: 0, hash: GENESIS_HASH };
    const [plain] = envelopes(streamId, head, 1, { tag: `w${i}` });
    const { hash: _, ...rest } = plain!;
    const e = seal({
      ...rest,
      type: i % 2 ? 'Noted' : 'Noted\tTabbed',
      data: {
        text: `line one\nline two\r\n\ttab \\ backslash \\N \\. "quoted" 窗口 😀 \u2028`,
        n: i,
        nested: { empty: '', list: [null, true, 1.5e-7, '\\'] },
      },
    });
    heads.set(streamId, { version: e.streamVersion, hash: e.hash });
    out.push(e);
  }
  return out;
};

for (const backend of backends) {
  const test = backendTest(backend);

  describe(`[${backend.name}] import through COPY`, () => {
    test('X-07 stores exactly the rows and head that the INSERT path and one-by-one appends store', async () => {
      const log = awkwardLog();
      const sql = backend.db();
      const viaCopy = watchingCopy(backend.db());
      const [a, b, c] = [schemaName('copy'), schemaName('insert'), schemaName('append')];
      const copyStore = await open(viaCopy.db, a);
      const insertStore = await open(withoutCopy(backend.db()), b);
      const appendStore = await open(backend.db(), c);
      try {
        // Two batches: the second continues streams the first started.
        for (const store of [copyStore, insertStore]) {
          expect((await store.importBatch(log.slice(0, 7))).events).toBe(7);
          expect((await store.importBatch(log.slice(7))).lastPosition).toBe(15n);
        }
        for (const e of log) await appendStore.append(e.streamId, e.streamVersion - 1, [e]);
        // 7 events in chunks of 4, then 8: four COPY statements.
        expect(viaCopy.copies()).toBe(4);
        const rows = await rowsOf(sql, a);
        expect(rows).toHaveLength(15);
        expect(rows).toEqual(await rowsOf(sql, b));
        expect(rows).toEqual(await rowsOf(sql, c));
        expect(await headOf(sql, a)).toEqual(await headOf(sql, c));
        const read = await collect(copyStore.readAll());
        expect(read.map((e) => e.envelope)).toEqual(log);
        expect(await verifyLog(read)).toMatchObject({ ok: true, events: 15 });
        // Appends continue the imported log.
        const last = log.filter((e) => e.streamId === 'ticket-a').at(-1)!;
        const next = envelopes('ticket-a', { version: last.streamVersion, hash: last.hash }, 2);
        await copyStore.append('ticket-a', last.streamVersion, next);
        expect(await verifyLog(await collect(copyStore.readAll()))).toMatchObject({
          ok: true,
          events: 17,
        });
      } finally {
        await Promise.all([copyStore.close(), insertStore.close(), appendStore.close()]);
      }
    });

    test('X-07 refuses a duplicate id, a broken chain, a gap and a store it does not continue, writing nothing', async () => {
      const sql = backend.db();
      const viaCopy = watchingCopy(sql);
      const schema = schemaName('refuse');
      const store = await open(viaCopy.db, schema, 5);
      try {
        const first = envelopes('ticket-x', { version: 0, hash: GENESIS_HASH }, 6);
        await store.importBatch(first);
        const head = await headOf(sql, schema);
        const batch = [
          ...envelopes('ticket-y', { version: 0, hash: GENESIS_HASH }, 12),
          ...envelopes('ticket-x', { version: 6, hash: first[5]!.hash }, 4),
        ];
        const { hash: _, ...stolen } = batch[15]!;
        const cases: [string, EventEnvelope[], string][] = [
          [
            'altered in a later chunk',
            batch.map((e, i) => (i === 13 ? { ...e, data: { n: -1 } } : e)),
            'broken-chain',
          ],
          ['version gap', batch.filter((_, i) => i !== 4), 'broken-chain'],
          [
            'id twice in the batch',
            [...batch, { ...batch[0]!, streamVersion: 13 }],
            'duplicate-event-id',
          ],
          // Only the server sees this one: its unique index refuses it in the last COPY.
          [
            'id already stored',
            [...batch.slice(0, 15), seal({ ...stolen, eventId: first[2]!.eventId })],
            'duplicate-event-id',
          ],
          [
            'stream already started',
            envelopes('ticket-x', { version: 0, hash: GENESIS_HASH }, 2),
            'stream-mismatch',
          ],
          [
            'another last hash',
            envelopes('ticket-x', { version: 6, hash: first[4]!.hash }, 2),
            'stream-mismatch',
          ],
        ];
        for (const [what, events, reason] of cases) {
          const error = await store.importBatch(events).catch((e: unknown) => e);
          expect(error, what).toBeInstanceOf(ImportRefusedError);
          expect(error, what).toMatchObject({ reason });
          expect(await headOf(sql, schema), what).toEqual(head);
          expect(await rowsOf(sql, schema), what).toHaveLength(6);
        }
        expect(viaCopy.copies()).toBeGreaterThan(2);
        // The intact batch then goes in whole, and the log verifies.
        expect((await store.importBatch(batch)).events).toBe(16);
        expect(await verifyLog(await collect(store.readAll()))).toMatchObject({
          ok: true,
          events: 22,
        });
      } finally {
        await store.close();
      }
    });
  });
}
