import { createPostgresEventStore } from '@civic-ledger/adapters';
import { openPgPool } from '@civic-ledger/adapters/testing';
import type { StoredEvent } from '@civic-ledger/domain';
import { describe, expect, inject, it } from 'vitest';
import { writer } from './envelopes.js';

const connectionString = inject('pgConnectionString');
const skip = connectionString ? undefined : `no PostgreSQL server (${inject('pgUnavailable')})`;

/** Resolves once `check` holds, trying every 20 ms (a bounded wait, no timing asserted). */
const eventually = async (check: () => Promise<boolean>): Promise<void> => {
  for (let i = 0; i < 250; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('condition not reached');
};

describe('[postgres] LISTEN only while subscribed', () => {
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
      const writing = await createPostgresEventStore({ connectionString, schema });
      // A poll interval far beyond the test timeout: only a notification can deliver in time.
      const reading = await createPostgresEventStore({
        connectionString,
        schema,
        pollIntervalMs: 3_600_000,
      });
      try {
        const w = writer(writing, 'ticket-listen');
        await w.append(1);
        expect(await listeners()).toBe(0);

        const follow = async (count: number): Promise<StoredEvent[]> => {
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
          await eventually(async () => (await listeners()) === 1);
          await w.append(1);
          await done;
          await sub.close();
          return seen;
        };
        expect((await follow(2)).map((e) => e.envelope.streamVersion)).toEqual([1, 2]);
        await eventually(async () => (await listeners()) === 0);
        expect((await follow(3)).map((e) => e.envelope.streamVersion)).toEqual([1, 2, 3]);
      } finally {
        await writing.close();
        await reading.close();
        await admin.end();
      }
    },
  );
});
