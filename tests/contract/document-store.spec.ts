import {
  createSqlDocumentStore,
  type DocumentStore,
  pgDatabase,
  pgliteDatabase,
  type SqlDatabase,
} from '@civic-ledger/adapters';
import { openPgPool, PGlite } from '@civic-ledger/adapters/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { collect } from './envelopes.js';

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

const projection = { name: 'ticket-archive', version: 1 };

for (const backend of backends) {
  describe(`[${backend.name}] read-model and checkpoint store`, () => {
    const test = (title: string, body: (store: DocumentStore) => Promise<void>) =>
      it.skipIf(backend.skip !== undefined)(
        `[${backend.name}] ${title}${backend.skip ? ` — skipped: ${backend.skip}` : ''}`,
        async () => {
          const db = backend.open();
          try {
            await body(await createSqlDocumentStore(db, { schema: `rm_${process.pid}_${++n}` }));
          } finally {
            await db.close();
          }
        },
      );

    test('an update writes documents and moves the checkpoint together', async (store) => {
      expect(await store.load(projection)).toBeUndefined();
      const applied = await store.update(projection, 10n ** 20n, async (tx) => {
        await tx.put('t-1', { status: 'open', notes: ['受理'] });
        await tx.put('t-2', { status: 'open' });
      });
      expect(applied).toBe(true);
      expect(await store.load(projection)).toBe(10n ** 20n);
      expect(await store.get(projection, 't-1')).toEqual({ status: 'open', notes: ['受理'] });
      await store.update(projection, 10n ** 20n + 1n, async (tx) => {
        const doc = await tx.get<{ status: string }>('t-2');
        await tx.put('t-2', { ...doc, status: 'closed' });
        await tx.delete('t-1');
      });
      expect(await collect(store.list(projection))).toEqual([
        { key: 't-2', doc: { status: 'closed' } },
      ]);
    });

    test('a failing change rolls back the documents and the checkpoint', async (store) => {
      await store.update(projection, 5n, (tx) => tx.put('t-1', { v: 1 }));
      await expect(
        store.update(projection, 6n, async (tx) => {
          await tx.put('t-1', { v: 2 });
          throw new Error('fold failed');
        }),
      ).rejects.toThrow(/fold failed/);
      expect(await store.get(projection, 't-1')).toEqual({ v: 1 });
      expect(await store.load(projection)).toBe(5n);
    });

    test('an event delivered again (checkpoint not ahead) is applied once', async (store) => {
      await store.update(projection, 7n, (tx) => tx.put('count', { n: 1 }));
      const again = await store.update(projection, 7n, (tx) => tx.put('count', { n: 2 }));
      expect(again).toBe(false);
      expect(await store.get(projection, 'count')).toEqual({ n: 1 });
      await store.save(projection, 3n);
      expect(await store.load(projection)).toBe(7n);
    });

    test('versions are separate and reset clears one for a rebuild', async (store) => {
      const v2 = { ...projection, version: 2 };
      await store.update(projection, 1n, (tx) => tx.put('k', { from: 1 }));
      await store.update(v2, 1n, (tx) => tx.put('k', { from: 2 }));
      await store.reset(projection);
      expect(await store.load(projection)).toBeUndefined();
      expect(await collect(store.list(projection))).toEqual([]);
      expect(await store.get(v2, 'k')).toEqual({ from: 2 });
    });
  });
}
