import { createPostgresEventStore } from '@civic-ledger/adapters';
import { openPgPool } from '@civic-ledger/adapters/testing';
import { type EventStore, type StoredEvent, verifyLog } from '@civic-ledger/domain';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { collect, writer } from './envelopes.js';

// The sequence-gap pitfall: with positions from a sequence, a transaction that took position
// 1 and commits after one that took position 2 is skipped by a reader whose checkpoint has
// already moved to 2. Appends here lock the single log-head row, so positions are handed
// out — and become visible — in commit order.
const connectionString = inject('pgConnectionString');
const skip = connectionString ? undefined : `no PostgreSQL server (${inject('pgUnavailable')})`;
const admin = connectionString ? openPgPool(connectionString, 4) : undefined;
afterAll(async () => {
  await admin?.end();
});

const waitFor = async (until: () => Promise<boolean> | boolean, what: string): Promise<void> => {
  for (let i = 0; i < 2_000; i++) {
    if (await until()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`never happened: ${what}`);
};

/** Backends of this schema's appends that are waiting for a lock (the log head). */
const blockedAppends = async (schema: string): Promise<number> => {
  const { rows } = await admin!.query<{ n: string }>(
    `SELECT count(*)::text AS n FROM pg_stat_activity
      WHERE wait_event_type = 'Lock' AND query LIKE $1`,
    [`%${schema}%append_events(%`],
  );
  return Number(rows[0]?.n ?? 0);
};

describe('[postgres] sequence gaps', () => {
  it.skipIf(skip !== undefined)(
    `[postgres] control: a plain bigserial log lets a paging reader skip a late commit${skip ? ` — skipped: ${skip}` : ''}`,
    async () => {
      const schema = `gap_control_${process.pid}`;
      await admin!.query(
        `CREATE SCHEMA ${schema}; CREATE TABLE ${schema}.log (pos bigserial PRIMARY KEY, v text)`,
      );
      const slow = await admin!.connect();
      const fast = await admin!.connect();
      try {
        await slow.query('BEGIN');
        await slow.query(`INSERT INTO ${schema}.log (v) VALUES ('slow')`); // takes pos 1
        await fast.query(`INSERT INTO ${schema}.log (v) VALUES ('fast')`); // pos 2, autocommit
        const first = await admin!.query(
          `SELECT pos::text FROM ${schema}.log WHERE pos > 0 ORDER BY pos`,
        );
        const checkpoint = first.rows.at(-1)?.pos as string;
        await slow.query('COMMIT');
        const next = await admin!.query(
          `SELECT pos::text FROM ${schema}.log WHERE pos > $1 ORDER BY pos`,
          [checkpoint],
        );
        // The reader saw [2], moved to 2, and will never see 1: the pitfall this store avoids.
        expect(first.rows.map((r) => r.pos)).toEqual(['2']);
        expect(next.rows).toEqual([]);
      } finally {
        slow.release();
        fast.release();
      }
    },
  );

  it.skipIf(skip !== undefined)(
    `[postgres] slow and fast writers interleaved: a concurrent reader sees every event once, in order${skip ? ` — skipped: ${skip}` : ''}`,
    async () => {
      const schema = `gaps_${process.pid}`;
      let entered: (() => void) | undefined;
      let gate: Promise<void> = Promise.resolve();
      // The slow writer holds its transaction open after taking its positions.
      const slowStore = await createPostgresEventStore({
        connectionString,
        schema,
        probe: {
          beforeCommit: async (tx) => {
            entered?.();
            await gate;
            await tx.query('SELECT pg_sleep(0.02)');
          },
        },
      });
      // Two fast stores, as two processes: one store would group their appends into one call.
      const fastStores = [
        await createPostgresEventStore({ connectionString, schema }),
        await createPostgresEventStore({ connectionString, schema }),
      ] as const;
      const readerStore = await createPostgresEventStore({
        connectionString,
        schema,
        pollIntervalMs: 5,
      });
      const stores: EventStore[] = [slowStore, ...fastStores, readerStore];
      try {
        const rounds = 4;
        const perRound = 3 + 2 * 2;
        const total = rounds * perRound;

        // Reader 1: a subscription. Reader 2: a loop paging one event at a time.
        const subscribed: StoredEvent[] = [];
        const sub = readerStore.subscribe((e) => void subscribed.push(e));
        const paged: StoredEvent[] = [];
        let stop = false;
        const pager = (async () => {
          while (!stop && paged.length < total) {
            const after = paged.at(-1)?.position ?? 0n;
            paged.push(...(await collect(readerStore.readAll({ after, batchSize: 1 }))));
          }
        })();

        for (let r = 0; r < rounds; r++) {
          let open!: () => void;
          gate = new Promise<void>((resolve) => {
            open = resolve;
          });
          const inside = new Promise<void>((resolve) => {
            entered = resolve;
          });
          const slow = writer(slowStore, `slow-${r}`).append(3);
          await inside;
          // Two fast writers start while the slow one holds positions uncommitted…
          const fast = [
            writer(fastStores[0], `fast-${r}-a`).append(2),
            writer(fastStores[1], `fast-${r}-b`).append(2),
          ];
          // …and they really wait behind it, while the readers keep reading.
          await waitFor(
            async () => (await blockedAppends(schema)) >= 2,
            'fast writers blocked on the log head',
          );
          const seenWhileOpen = paged.filter(
            (e) => e.envelope.streamId.endsWith(`-${r}`) || e.envelope.streamId.includes(`-${r}-`),
          );
          expect(seenWhileOpen).toEqual([]);
          open();
          await Promise.all([slow, ...fast]);
        }

        await waitFor(
          () => paged.length >= total && subscribed.length >= total,
          'readers caught up',
        );
        stop = true;
        await pager;
        await sub.close();
        const all = await collect(readerStore.readAll());
        expect(all).toHaveLength(total);
        for (const seen of [paged, subscribed]) {
          expect(seen.map((e) => e.envelope.eventId)).toEqual(all.map((e) => e.envelope.eventId));
          expect(new Set(seen.map((e) => e.position)).size).toBe(total);
          for (let i = 1; i < seen.length; i++)
            expect(seen[i]!.position > seen[i - 1]!.position).toBe(true);
        }
        expect(await verifyLog(all)).toMatchObject({ ok: true, events: total });
      } finally {
        entered = undefined;
        await Promise.all(stores.map((s) => s.close()));
      }
    },
  );
});
