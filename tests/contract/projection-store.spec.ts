import {
  createMemoryEventStore,
  createSqlCheckpointStore,
  createSqlReadModelStore,
  pgDatabase,
  pgliteDatabase,
  type SqlDatabase,
} from '@civic-ledger/adapters';
import { openPgPool, PGlite } from '@civic-ledger/adapters/testing';
import { handleCommand } from '@civic-ledger/domain';
import { createProjectionRunner, type Projection } from '@civic-ledger/projections';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { actor, tally, testClock } from '../support/tally.js';

const connectionString = inject('pgConnectionString');
const pgSkip = connectionString ? undefined : `no PostgreSQL server (${inject('pgUnavailable')})`;

let lite: PGlite;
beforeAll(async () => {
  lite = await PGlite.create();
});
afterAll(async () => {
  await lite?.close();
});

let n = 0;
const backends: { name: string; skip?: string; open: () => SqlDatabase }[] = [
  { name: 'embedded', open: () => pgliteDatabase(lite, false) },
  {
    name: 'postgres',
    ...(pgSkip ? { skip: pgSkip } : {}),
    open: () => pgDatabase(openPgPool(connectionString), true),
  },
];

type Counts = { count: number; sum: number };
type CountQueries = { count: () => number; sum: () => number };

/** Counts `Added` events; version 2 also sums the amounts. */
const counter = (version: number): Projection<Counts, CountQueries> => ({
  name: 'tally-count',
  version,
  init: () => ({ count: 0, sum: 0 }),
  apply: (state, stored) => {
    state.count += 1;
    if (version > 1) state.sum += (stored.envelope.data as { amount: number }).amount;
    return state;
  },
  queries: (state) => ({ count: () => state.count, sum: () => state.sum }),
});

for (const backend of backends) {
  const test = (title: string, body: (db: SqlDatabase) => Promise<void>) =>
    it.skipIf(backend.skip !== undefined)(
      `[${backend.name}] ${title}${backend.skip ? ` — skipped: ${backend.skip}` : ''}`,
      async () => {
        const db = backend.open();
        try {
          await body(db);
        } finally {
          await db.close();
        }
      },
    );

  describe(`[${backend.name}] projections' read-model and checkpoint ports in SQL`, () => {
    test('a read model saved with its checkpoint is loaded back by a fresh runner, which resumes from it', async (db) => {
      const schema = `ps_${process.pid}_${++n}`;
      const store = createMemoryEventStore();
      const deps = { store, clock: testClock() };
      const add = (i: number) =>
        handleCommand(
          deps,
          tally,
          `t-${i % 3}`,
          { type: 'Add', amount: i + 1 },
          {},
          { commandId: `c-${i}`, actor, occurredAt: '2026-11-20T09:00:00+08:00' },
        );
      for (let i = 0; i < 5; i++) await add(i);

      const readModels = await createSqlReadModelStore(db, { schema });
      const first = createProjectionRunner({ store, projection: counter(1), readModels });
      await first.catchUp();
      await first.stop();
      expect(await readModels.load({ name: 'tally-count', version: 1 })).toMatchObject({
        position: 5n,
      });

      for (let i = 5; i < 8; i++) await add(i);
      const applied: bigint[] = [];
      const second = createProjectionRunner({
        store: {
          ...store,
          readAll: (o) => {
            applied.push(o?.after ?? 0n);
            return store.readAll(o);
          },
        },
        projection: counter(1),
        readModels: await createSqlReadModelStore(db, { schema }),
      });
      await second.start();
      expect(second.query().count()).toBe(8);
      expect(applied[0]).toBe(5n); // resumed from the saved checkpoint, not from zero
      expect(await second.lag()).toMatchObject({ position: 8n, head: 8n, behind: 0n });
      await second.stop();
    });

    test('blue-green: a new version is built beside the old, then becomes the active one', async (db) => {
      const schema = `ps_${process.pid}_${++n}`;
      const store = createMemoryEventStore();
      const deps = { store, clock: testClock() };
      for (let i = 0; i < 4; i++)
        await handleCommand(
          deps,
          tally,
          't',
          { type: 'Add', amount: 10 },
          {},
          { commandId: `c-${i}`, actor, occurredAt: '2026-11-20T09:00:00+08:00' },
        );
      const readModels = await createSqlReadModelStore(db, { schema });
      const runner = createProjectionRunner({ store, projection: counter(1), readModels });
      await runner.start();
      expect(await readModels.active('tally-count')).toBe(1);
      await runner.rebuild(counter(2));
      expect(runner.query().sum()).toBe(40);
      expect(await readModels.active('tally-count')).toBe(2);
      expect(await readModels.load({ name: 'tally-count', version: 2 })).toMatchObject({
        position: 4n,
      });
      await runner.stop();
    });

    test('consumer checkpoints move and are read back as bigints above 2⁵³', async (db) => {
      const checkpoints = await createSqlCheckpointStore(db, {
        schema: `ps_${process.pid}_${++n}`,
      });
      expect(await checkpoints.load('mailer')).toBeUndefined();
      await checkpoints.save('mailer', 2n ** 60n + 1n);
      expect(await checkpoints.load('mailer')).toBe(2n ** 60n + 1n);
    });
  });
}
