import { createPostgresEventStore } from '@civic-ledger/adapters';
import { openPgPool, type PgPool } from '@civic-ledger/adapters/testing';
import { GENESIS_HASH } from '@civic-ledger/domain';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { envelopes } from './envelopes.js';

// `append_events` runs on generic plans, made once per session (planning every call was a
// third of its time). A plan made while the log was empty must still find streams and ids by
// their indexes once the log is large — on a pool passed in (no session options of ours) and
// with no ANALYZE in between to replan it. auto_explain, at NOTICE level, hands the plans of
// the function's own statements to the client that called it.
const connectionString = inject('pgConnectionString');
const skip = connectionString ? undefined : `no PostgreSQL server (${inject('pgUnavailable')})`;
const pools: PgPool[] = [];
afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
});

/** Session options: auto_explain loaded, every nested plan sent to the client as a NOTICE. */
const EXPLAINED = [
  'session_preload_libraries=auto_explain',
  'auto_explain.log_min_duration=0',
  'auto_explain.log_nested_statements=on',
  'auto_explain.log_level=notice',
]
  .map((o) => `-c ${o}`)
  .join(' ');

/** One session (so the plans made first are the ones used later) whose plans are collected. */
const explainedPool = (plans: string[]): PgPool => {
  const url = new URL(connectionString!);
  url.searchParams.set('options', EXPLAINED);
  const pool = openPgPool(url.toString(), 1);
  pools.push(pool);
  pool.on('connect', (client) => {
    client.on('notice', (notice) => {
      if (notice.message?.includes('Query Text:')) plans.push(notice.message);
    });
  });
  return pool;
};

/** The plans that read the event log (by any kind of scan). */
const logReads = (plans: readonly string[]): string[] =>
  plans.filter((p) => /Scan( Backward)?( using \S+)? on (\S+\.)?events\b/.test(p));

describe('[postgres] the append function keeps index plans as the log grows', () => {
  it.skipIf(skip !== undefined)(
    `[postgres] X-07: plans made on an empty log probe by index on a log of 20 000 events, on both paths${skip ? ` — skipped: ${skip}` : ''}`,
    async () => {
      const schema = `plans_${process.pid}`;
      const plans: string[] = [];
      const pool = explainedPool(plans);
      const store = await createPostgresEventStore({ pool, schema });
      try {
        // No autovacuum: nothing replans the statements behind the test's back.
        await pool.query(`ALTER TABLE ${schema}.events SET (autovacuum_enabled = false)`);
        // Given: both paths planned while the log is empty — a first append takes the fast
        // path, the same append sent again (its ids are stored) the general one.
        const first = envelopes('case-a', { version: 0, hash: GENESIS_HASH }, 2);
        await store.append('case-a', 'no-stream', first);
        expect((await store.append('case-a', 'no-stream', first)).duplicate).toBe(true);
        // When: the log grows to 20 000 events (imported: no call of the function) …
        let bulk = { version: 0, hash: GENESIS_HASH };
        for (let k = 0; k < 4; k++) {
          const batch = envelopes('bulk', bulk, 5_000);
          await store.importBatch(batch);
          bulk = { version: bulk.version + 5_000, hash: batch.at(-1)!.hash };
        }
        plans.length = 0;
        // … and both paths run again on the plans they made.
        const next = envelopes('case-a', { version: 2, hash: first[1]!.hash }, 2);
        expect((await store.append('case-a', 2, next)).nextVersion).toBe(4);
        expect((await store.append('case-a', 2, next)).duplicate).toBe(true);
        // Then: every read of the log went by an index, none scanned it.
        const reads = logReads(plans);
        if (process.env.SHOW_PLANS) console.log(plans.join('\n----\n'));
        // The fast path's lookup twice, the general path's lookup of stored ids once.
        expect(reads.length).toBeGreaterThanOrEqual(3);
        for (const plan of reads) {
          expect(plan).not.toMatch(/Seq Scan on (\S+\.)?events\b/);
          expect(plan).not.toMatch(/Bitmap Heap Scan on (\S+\.)?events\b/);
        }
        expect(await store.headPosition()).toBe(20_004n);
      } finally {
        await store.close();
      }
    },
  );
});
