import { createPostgresEventStore, type SqlEventStore } from '@civic-ledger/adapters';
import { openPgPool } from '@civic-ledger/adapters/testing';
import type { StoredEvent } from '@civic-ledger/domain';
import { describe, expect, inject, it } from 'vitest';
import { writer } from './envelopes.js';

const connectionString = inject('pgConnectionString');
const skip = connectionString ? undefined : `no PostgreSQL server (${inject('pgUnavailable')})`;

/**
 * Two stores on one schema, as two processes would hold them: one writes; the other reads
 * with a poll interval far beyond the test timeout, so only a notification delivers in time.
 */
const withStores = async (
  schema: string,
  body: (writing: SqlEventStore, reading: SqlEventStore) => Promise<void>,
): Promise<void> => {
  const writing = await createPostgresEventStore({ connectionString, schema });
  const reading = await createPostgresEventStore({
    connectionString,
    schema,
    pollIntervalMs: 3_600_000,
  });
  try {
    await body(writing, reading);
  } finally {
    await writing.close();
    await reading.close();
  }
};

/** Subscribes, waits for `ready`, appends with `append`, and returns the first `count` events delivered. */
const follow = async (
  reading: SqlEventStore,
  count: number,
  ready: () => Promise<void>,
  append: () => Promise<unknown>,
): Promise<StoredEvent[]> => {
  const seen: StoredEvent[] = [];
  let delivered!: () => void;
  const done = new Promise<void>((resolve) => {
    delivered = resolve;
  });
  const sub = reading.subscribe((e) => {
    seen.push(e);
    if (seen.length === count) delivered();
  });
  await sub.caughtUp;
  await ready();
  await append();
  await done;
  await sub.close();
  return seen;
};

/** Resolves once `check` holds, trying every 20 ms (a bounded wait, no timing asserted). */
const eventually = async (check: () => Promise<boolean>): Promise<void> => {
  for (let i = 0; i < 250; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('condition not reached');
};

const versions = (events: readonly StoredEvent[]) => events.map((e) => e.envelope.streamVersion);

describe('[postgres] LISTEN/NOTIFY', () => {
  it.skipIf(skip !== undefined)(
    `[postgres] a subscription in another process is woken by NOTIFY, not by its poll${skip ? ` — skipped: ${skip}` : ''}`,
    () =>
      withStores(`notify_${process.pid}`, async (writing, reading) => {
        const w = writer(writing, 'ticket-notify');
        const seen = await follow(
          reading,
          2,
          async () => {},
          () => w.append(2),
        );
        expect(versions(seen)).toEqual([1, 2]);
      }),
  );

  it.skipIf(skip !== undefined)(
    `[postgres] given a store that only appends, when it writes, then it holds no LISTEN session; a subscription opened after the last one closed is woken by NOTIFY again${skip ? ` — skipped: ${skip}` : ''}`,
    async () => {
      const schema = `listen_${process.pid}`;
      const channel = `civic_ledger_${schema}`;
      const admin = openPgPool(connectionString, 1);
      const listeners = async (): Promise<number> => {
        const { rows } = await admin.query<{ n: number }>(
          `SELECT count(*)::integer AS n FROM pg_stat_activity WHERE query = $1`,
          [`LISTEN "${channel}"`],
        );
        return rows[0]?.n ?? 0;
      };
      try {
        await withStores(schema, async (writing, reading) => {
          const w = writer(writing, 'ticket-listen');
          await w.append(1);
          expect(await listeners()).toBe(0);
          const listening = () => eventually(async () => (await listeners()) === 1);
          expect(versions(await follow(reading, 2, listening, () => w.append(1)))).toEqual([1, 2]);
          await eventually(async () => (await listeners()) === 0);
          expect(versions(await follow(reading, 3, listening, () => w.append(1)))).toEqual([
            1, 2, 3,
          ]);
        });
      } finally {
        await admin.end();
      }
    },
  );
});
