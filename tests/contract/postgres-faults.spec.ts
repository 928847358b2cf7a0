import { createPostgresEventStore } from '@civic-ledger/adapters';
import { openPgPool } from '@civic-ledger/adapters/testing';
import { type EventStore, handleCommand, verifyLog } from '@civic-ledger/domain';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { actor, tally, testClock } from '../support/tally.js';
import { startTcpProxy } from '../support/tcp-proxy.js';
import { collect, envelopes, writer } from './envelopes.js';

const connectionString = inject('pgConnectionString');
const skip = connectionString ? undefined : `no PostgreSQL server (${inject('pgUnavailable')})`;
const admin = connectionString ? openPgPool(connectionString, 2) : undefined;
afterAll(async () => {
  await admin?.end();
});

const test = (title: string, body: () => Promise<void>) =>
  it.skipIf(skip !== undefined)(`[postgres] ${title}${skip ? ` — skipped: ${skip}` : ''}`, body);

/** The same server, reached through a proxy the test can cut. */
const viaProxy = async () => {
  const url = new URL(connectionString);
  const proxy = await startTcpProxy(url.hostname, Number(url.port));
  url.port = String(proxy.port);
  return { proxy, connectionString: url.toString() };
};

const head = async (schema: string) =>
  (await admin!.query<{ p: string }>(`SELECT position::text AS p FROM ${schema}.log_head`)).rows[0]
    ?.p;

describe('[postgres] faults', () => {
  test('a connection dropped in the middle of an append leaves no partial batch', async () => {
    const schema = `fault_drop_${process.pid}`;
    const { proxy, connectionString: proxied } = await viaProxy();
    let cut = false;
    const store = await createPostgresEventStore({
      connectionString: proxied,
      schema,
      insertChunkSize: 100,
      probe: {
        // After the append's one call: the server holds all 350 rows, uncommitted.
        afterInsertChunk: async (_tx, chunk) => {
          if (chunk === 0 && !cut) {
            cut = true;
            proxy.cutAll();
          }
        },
      },
    });
    const direct = await createPostgresEventStore({ connectionString, schema });
    try {
      await writer(direct, 'ticket-before').append(2);
      const before = await head(schema);
      const batch = envelopes('ticket-drop', { version: 0, hash: '0'.repeat(64) }, 350);
      await expect(store.append('ticket-drop', 0, batch)).rejects.toThrow();
      // Nothing of the batch, and the log head did not move; the server rolled it all back.
      expect(await collect(direct.readStream('ticket-drop'))).toEqual([]);
      expect(await head(schema)).toBe(before);
      // The same batch goes in whole afterwards, and the log verifies.
      expect((await store.append('ticket-drop', 0, batch)).nextVersion).toBe(350);
      const all = await collect(direct.readAll());
      expect(all).toHaveLength(352);
      expect(await verifyLog(all)).toMatchObject({ ok: true });
    } finally {
      await store.close();
      await direct.close();
      await proxy.stop();
    }
  });

  test('a connection dropped in the middle of an import leaves none of the batch', async () => {
    const schema = `fault_import_${process.pid}`;
    const { proxy, connectionString: proxied } = await viaProxy();
    let cut = false;
    const store = await createPostgresEventStore({
      connectionString: proxied,
      schema,
      insertChunkSize: 100,
      probe: {
        // After the first of four INSERTs of the import: the server holds 100 uncommitted rows.
        afterInsertChunk: async (_tx, chunk) => {
          if (chunk === 0 && !cut) {
            cut = true;
            proxy.cutAll();
          }
        },
      },
    });
    const direct = await createPostgresEventStore({ connectionString, schema });
    try {
      await writer(direct, 'ticket-before').append(2);
      const before = await head(schema);
      const batch = envelopes('ticket-import', { version: 0, hash: '0'.repeat(64) }, 350);
      await expect(store.importBatch(batch)).rejects.toThrow();
      expect(await collect(direct.readStream('ticket-import'))).toEqual([]);
      expect(await head(schema)).toBe(before);
      expect((await store.importBatch(batch)).events).toBe(350);
      const all = await collect(direct.readAll());
      expect(all).toHaveLength(352);
      expect(await verifyLog(all)).toMatchObject({ ok: true });
    } finally {
      await store.close();
      await direct.close();
      await proxy.stop();
    }
  });

  test('a retry after an unknown outcome appends nothing twice', async () => {
    const schema = `fault_unknown_${process.pid}`;
    const { proxy, connectionString: proxied } = await viaProxy();
    let armed = true;
    const store = await createPostgresEventStore({
      connectionString: proxied,
      schema,
      probe: {
        // COMMIT goes through and is applied; its reply never reaches the client.
        beforeCommit: async () => {
          if (armed) {
            armed = false;
            proxy.swallowNextReplies();
          }
        },
      },
    });
    try {
      const deps = { store, clock: testClock() };
      const meta = { commandId: 'cmd-unknown', actor, occurredAt: '2026-11-20T09:00:00+08:00' };
      const add = () => handleCommand(deps, tally, 'tally-u', { type: 'Add', amount: 5 }, {}, meta);
      await expect(add()).rejects.toThrow();
      proxy.restore();
      // The command is retried with the same id: it finds its event and appends nothing.
      const retried = await add();
      expect(E.isRight(retried) && retried.right).toMatchObject({ duplicate: true, version: 1 });
      // And the store refuses the very same envelopes at its level too.
      const [stored] = await collect(store.readStream('tally-u'));
      expect(await store.append('tally-u', 0, [stored!.envelope])).toMatchObject({
        duplicate: true,
        nextVersion: 1,
      });
      expect(await collect(store.readAll())).toHaveLength(1);
    } finally {
      await store.close();
      await proxy.stop();
    }
  });

  test('12 concurrent writers on 3 shared streams lose and duplicate nothing', async () => {
    const schema = `fault_concurrent_${process.pid}`;
    // Four stores (four pools), as separate processes would be.
    const stores: EventStore[] = [];
    for (let i = 0; i < 4; i++)
      stores.push(await createPostgresEventStore({ connectionString, schema, maxConnections: 4 }));
    try {
      const streams = ['tally-a', 'tally-b', 'tally-c'];
      const writers = 12;
      const commandsEach = 5;
      const results = await Promise.all(
        Array.from({ length: writers }, async (_, w) => {
          const deps = {
            store: stores[w % stores.length]!,
            clock: testClock(),
            retry: { maxAttempts: 200, baseDelayMs: 1, maxDelayMs: 20 },
          };
          const outcomes = [];
          for (let c = 0; c < commandsEach; c++) {
            const meta = {
              commandId: `w${w}-c${c}`,
              actor,
              occurredAt: '2026-11-20T09:00:00+08:00',
            };
            const stream = streams[(w + c) % streams.length]!;
            outcomes.push(
              await handleCommand(deps, tally, stream, { type: 'Add', amount: 1 }, {}, meta),
            );
          }
          return outcomes;
        }),
      );
      expect(results.flat().every(E.isRight)).toBe(true);
      const all = await collect(stores[0]!.readAll());
      expect(all).toHaveLength(writers * commandsEach);
      expect(new Set(all.map((e) => e.envelope.commandId)).size).toBe(writers * commandsEach);
      for (const stream of streams) {
        const events = await collect(stores[0]!.readStream(stream));
        const expected = all.filter((e) => e.envelope.streamId === stream).length;
        expect(events.map((e) => e.envelope.streamVersion)).toEqual(
          Array.from({ length: expected }, (_, i) => i + 1),
        );
        // The tally's running total equals its event count: no write was lost or applied twice.
        expect(events.at(-1)?.envelope.data).toMatchObject({ total: expected });
      }
      expect(await verifyLog(all)).toMatchObject({ ok: true, events: writers * commandsEach });
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });
});
