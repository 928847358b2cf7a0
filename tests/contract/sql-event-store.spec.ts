import {
  createSqlEventStore,
  ImportRefusedError,
  type SqlDatabase,
  type SqlEventStore,
} from '@civic-ledger/adapters';
import {
  type AppendResult,
  type EventEnvelope,
  GENESIS_HASH,
  nextLogHash,
  seal,
  VersionConflictError,
  verifyLog,
} from '@civic-ledger/domain';
import { describe, expect } from 'vitest';
import { collect, envelopes } from './envelopes.js';
import { backendTest, type SqlBackend, sqlBackends } from './sql-backends.js';

// Behaviour of the SQL store beyond the port: group commit, the server-side log hash, and
// the bulk import; on PGlite (embedded) and on the real PostgreSQL server.
const [embedded, postgres] = sqlBackends();

/** A database wrapper that counts the group-commit calls. */
const counting = (db: SqlDatabase) => {
  let calls = 0;
  const count = (text: string) => {
    if (text.includes('append_events(')) calls++;
  };
  const wrapped: SqlDatabase = {
    ...db,
    query: (text, params, options) => {
      count(text);
      return db.query(text, params, options);
    },
    transaction: (fn) =>
      db.transaction((tx) =>
        fn({
          query: (text, params, options) => {
            count(text);
            return tx.query(text, params, options);
          },
        }),
      ),
  };
  return { db: wrapped, calls: () => calls };
};

let n = 0;
/** Opens a store in a schema of its own, its group-commit calls counted. */
const opener =
  (backend: SqlBackend) =>
  async (
    options: Parameters<typeof createSqlEventStore>[1] = {},
  ): Promise<{ store: SqlEventStore; calls: () => number; sql: SqlDatabase }> => {
    const sql = backend.db();
    const c = counting(sql);
    const schema = `sqlx_${process.pid}_${++n}`;
    const store = await createSqlEventStore(c.db, { schema, ...options });
    return { store, calls: c.calls, sql };
  };
const backends = [embedded!, postgres!].map((b) => ({ ...b, open: opener(b) }));

/** A sealed log over `streams` streams, round-robin, with tag-distinct ids. */
const log = (events: number, streams: number, tag: string): EventEnvelope[] => {
  const heads = Array.from({ length: streams }, () => ({ version: 0, hash: GENESIS_HASH }));
  const out: EventEnvelope[] = [];
  for (let i = 0; i < events; i++) {
    const s = i % streams;
    const head = heads[s]!;
    const [e] = envelopes(`${tag}-${s}`, head, 1, { tag: `${tag}${i}` });
    out.push(e!);
    heads[s] = { version: e!.streamVersion, hash: e!.hash };
  }
  return out;
};

for (const backend of backends) {
  const test = backendTest(backend);

  describe(`[${backend.name}] SQL event store: group commit, log hash, import`, () => {
    test('X-01 appends queued together go in one call, each judged on its own', async () => {
      const { store, calls } = await backend.open();
      try {
        const a = envelopes('gc-a', { version: 0, hash: GENESIS_HASH }, 2);
        const a2 = envelopes('gc-a', { version: 2, hash: a[1]!.hash }, 1);
        const b = envelopes('gc-b', { version: 0, hash: GENESIS_HASH }, 1);
        const stale = envelopes('gc-b', { version: 3, hash: GENESIS_HASH }, 1, { tag: 'stale' });
        const c = envelopes('gc-c', { version: 0, hash: GENESIS_HASH }, 3);
        // The first append goes alone; the ones submitted while it is in flight form one group.
        const p = envelopes('gc-p', { version: 0, hash: GENESIS_HASH }, 1);
        const primer = store.append('gc-p', 0, p);
        const before = calls();
        const outcomes = await Promise.allSettled<AppendResult>([
          store.append('gc-a', 0, a),
          store.append('gc-b', 3, stale), // conflict: gc-b is at 0
          store.append('gc-a', 2, a2), // sees the append just before it in the same call
          store.append('gc-a', 0, a), // the same ids again: a duplicate, not a conflict
          store.append('gc-b', 'no-stream', b),
          store.append('gc-c', 'stream-exists', c), // conflict: gc-c does not exist
          store.append('gc-a', 'any', [{ ...a2[0]!, eventId: 'gc-x' }]), // conflict: version 3 taken
        ]);
        await primer;
        expect(calls() - before).toBe(1);
        const [ok1, conflict1, ok2, dup, ok3, conflict2, conflict3] = outcomes;
        expect(ok1).toMatchObject({
          status: 'fulfilled',
          value: { nextVersion: 2, duplicate: false },
        });
        expect(ok2).toMatchObject({
          status: 'fulfilled',
          value: { nextVersion: 3, duplicate: false },
        });
        expect(dup).toMatchObject({
          status: 'fulfilled',
          value: { nextVersion: 3, duplicate: true },
        });
        expect(ok3).toMatchObject({
          status: 'fulfilled',
          value: { nextVersion: 1, duplicate: false },
        });
        const firstA = (ok1 as PromiseFulfilledResult<AppendResult>).value;
        expect((dup as PromiseFulfilledResult<AppendResult>).value.lastPosition).toBe(
          firstA.lastPosition,
        );
        for (const [outcome, streamId, actual] of [
          [conflict1, 'gc-b', 0],
          [conflict2, 'gc-c', 0],
          [conflict3, 'gc-a', 3],
        ] as const) {
          expect(outcome?.status).toBe('rejected');
          const reason = (outcome as PromiseRejectedResult).reason;
          expect(reason).toBeInstanceOf(VersionConflictError);
          expect(reason).toMatchObject({ streamId, actual });
        }
        const all = await collect(store.readAll());
        expect(all.map((e) => e.envelope.eventId)).toEqual(
          [p[0], a[0], a[1], a2[0], b[0]].map((e) => e!.eventId),
        );
        expect(await verifyLog(all)).toMatchObject({ ok: true, events: 5 });
      } finally {
        await store.close();
      }
    });

    test('X-01 an append malformed for the server fails alone; its group still goes in', async () => {
      const { store } = await backend.open();
      try {
        const good = envelopes('gm-good', { version: 0, hash: GENESIS_HASH }, 1);
        const twice = envelopes('gm-bad', { version: 0, hash: GENESIS_HASH }, 2);
        const bad = [twice[0]!, { ...twice[1]!, eventId: twice[0]!.eventId }]; // one id twice
        const primer = store.append(
          'gm-p',
          0,
          envelopes('gm-p', { version: 0, hash: GENESIS_HASH }, 1),
        );
        const [r1, r2] = await Promise.allSettled([
          store.append('gm-bad', 0, bad),
          store.append('gm-good', 0, good),
        ]);
        await primer;
        expect(r1.status).toBe('rejected');
        expect((r1 as PromiseRejectedResult).reason).toBeInstanceOf(VersionConflictError);
        expect(r2).toMatchObject({ status: 'fulfilled', value: { nextVersion: 1 } });
        expect(await store.streamVersion('gm-bad')).toBe(0);
      } finally {
        await store.close();
      }
    });

    test('X-07 readAll reads ranges ahead and delivers every event once, in order, with what is appended meanwhile', async () => {
      const { store } = await backend.open();
      try {
        // 600 events over 6 streams, then read 40 at a time (ranges, several in flight).
        for (const batch of [0, 1, 2, 3, 4, 5].map((i) =>
          envelopes(`ra-${i}`, { version: 0, hash: GENESIS_HASH }, 100),
        ))
          await store.append(batch[0]!.streamId, 0, batch);
        const late = envelopes('ra-late', { version: 0, hash: GENESIS_HASH }, 30);
        const seen: bigint[] = [];
        for await (const e of store.readAll({ batchSize: 40 })) {
          seen.push(e.position);
          // Appended while the ranges are being read: read after them, by LIMIT paging.
          if (seen.length === 50) await store.append('ra-late', 0, late);
        }
        expect(seen).toEqual(Array.from({ length: 630 }, (_, i) => BigInt(i + 1)));
        const tail = await collect(store.readAll({ after: 575n, batchSize: 7 }));
        expect(tail.map((e) => e.position)).toEqual(
          Array.from({ length: 55 }, (_, i) => BigInt(576 + i)),
        );
        expect(tail.slice(-30).map((e) => e.envelope.eventId)).toEqual(late.map((e) => e.eventId));
        expect(await collect(store.readAll({ after: 630n }))).toEqual([]);
        expect(await verifyLog(await collect(store.readAll()))).toMatchObject({
          ok: true,
          events: 630,
        });
      } finally {
        await store.close();
      }
    });

    test('X-07 readAll over a hole in the positions reads everything once, in order, without a range per gap', async () => {
      const schema = `sqlx_hole_${process.pid}_${++n}`;
      const { store, sql } = await backend.open({ schema });
      try {
        const before = envelopes('hole-a', { version: 0, hash: GENESIS_HASH }, 50);
        await store.append('hole-a', 0, before);
        // Never made by the store itself; were each missing thousand a range, this would not end.
        await sql.query(`UPDATE ${schema}.log_head SET position = position + 1000000000000`);
        const after = envelopes('hole-b', { version: 0, hash: GENESIS_HASH }, 50);
        await store.append('hole-b', 0, after);
        const read = await collect(store.readAll({ batchSize: 10 }));
        expect(read.map((e) => e.envelope.eventId)).toEqual(
          [...before, ...after].map((e) => e.eventId),
        );
        expect(read[50]!.position).toBe(1_000_000_000_051n);
      } finally {
        await store.close();
      }
    });

    test('X-07 the log hash computed in SQL is exactly nextLogHash', async () => {
      const { store, sql } = await backend.open();
      try {
        // Many appends at once: the chain runs across appends of one group.
        const streams = Array.from({ length: 12 }, (_, i) =>
          envelopes(`lh-${i}`, { version: 0, hash: GENESIS_HASH }, 1 + (i % 3)),
        );
        await Promise.all(streams.map((batch) => store.append(batch[0]!.streamId, 0, batch)));
        let head = GENESIS_HASH;
        for (const e of await collect(store.readAll())) {
          head = nextLogHash(head, e.envelope.hash);
          expect(e.logHash).toBe(head);
        }
        // And the SQL expression itself, on inputs that are not hex too.
        for (const [prev, hash] of [
          [GENESIS_HASH, 'ab'.repeat(32)],
          ['窗口受理', '·ok'],
          ['', ''],
        ] as const) {
          const { rows } = await sql.query<{ h: string }>(
            `SELECT encode(sha256(convert_to($1 || $2, 'UTF8')), 'hex') AS h`,
            [prev, hash],
          );
          expect(rows[0]?.h).toBe(nextLogHash(prev, hash));
        }
      } finally {
        await store.close();
      }
    });

    test('X-07 importBatch writes a log in order, chains log_hash, and appends continue it', async () => {
      const { store } = await backend.open({ insertChunkSize: 7 });
      try {
        await store.append('im-0', 0, envelopes('im-0', { version: 0, hash: GENESIS_HASH }, 1));
        const batch = log(40, 5, 'im');
        // im-0 exists with one event: continue it rather than start it.
        const existing = await collect(store.readStream('im-0'));
        const rechained = rechain(batch, 'im-0', existing[0]!.envelope);
        const result = await store.importBatch(rechained);
        expect(result.events).toBe(40);
        expect(result.lastPosition - result.firstPosition).toBe(39n);
        const all = await collect(store.readAll());
        expect(all.slice(1).map((e) => e.envelope.eventId)).toEqual(
          rechained.map((e) => e.eventId),
        );
        expect(all.at(-1)?.position).toBe(result.lastPosition);
        expect(await store.headPosition()).toBe(result.lastPosition);
        let head = GENESIS_HASH;
        for (const e of all) {
          head = nextLogHash(head, e.envelope.hash);
          expect(e.logHash).toBe(head);
        }
        const next = envelopes('im-1', { version: 8, hash: lastOf(rechained, 'im-1').hash }, 1);
        expect((await store.append('im-1', 8, next)).nextVersion).toBe(9);
        expect(await verifyLog(await collect(store.readAll()))).toMatchObject({
          ok: true,
          events: 42,
        });
        expect(await store.importBatch([])).toMatchObject({ events: 0 });
      } finally {
        await store.close();
      }
    });

    test('X-07 importBatch is all or nothing: a refused batch writes nothing', async () => {
      const { store } = await backend.open({ insertChunkSize: 5 });
      try {
        await store.importBatch(log(6, 2, 'ok'));
        const head = await store.headPosition();
        const batch = log(30, 3, 'an');
        const cases: [string, EventEnvelope[], string][] = [
          // Altered after sealing, in a later chunk: found after earlier chunks went to the server.
          [
            'altered',
            batch.map((e, i) => (i === 22 ? { ...e, data: { n: -1 } } : e)),
            'broken-chain',
          ],
          ['gap', batch.filter((_, i) => i !== 13), 'broken-chain'],
          [
            'id twice in the batch',
            [...batch, { ...batch[29]!, streamVersion: 11 }],
            'duplicate-event-id',
          ],
          [
            'id already stored',
            [...batch.slice(0, 29), resealId(batch[29]!, log(6, 2, 'ok')[5]!.eventId)],
            'duplicate-event-id',
          ],
          ['stream already started', log(3, 1, 'ok'), 'stream-mismatch'],
        ];
        for (const [what, events, reason] of cases) {
          const error = await store.importBatch(events).catch((e: unknown) => e);
          expect(error, what).toBeInstanceOf(ImportRefusedError);
          expect(error, what).toMatchObject({ reason });
          expect(await store.headPosition(), what).toBe(head);
          expect(await collect(store.readAll()), what).toHaveLength(6);
        }
        // The intact batch then goes in whole.
        expect((await store.importBatch(batch)).events).toBe(30);
        expect(await verifyLog(await collect(store.readAll()))).toMatchObject({
          ok: true,
          events: 36,
        });
      } finally {
        await store.close();
      }
    });
  });
}

/** The last envelope of a stream in a batch. */
const lastOf = (batch: readonly EventEnvelope[], streamId: string): EventEnvelope =>
  batch.filter((e) => e.streamId === streamId).at(-1)!;

/** The same envelope with another id, sealed again (so only the id is wrong). */
const resealId = (e: EventEnvelope, eventId: string): EventEnvelope => {
  const { hash: _, ...rest } = e;
  return seal({ ...rest, eventId });
};

/** Re-seals one stream of a batch so that it continues `after` instead of starting. */
const rechain = (
  batch: readonly EventEnvelope[],
  streamId: string,
  after: EventEnvelope,
): EventEnvelope[] => {
  let head = { version: after.streamVersion, hash: after.hash };
  return batch.map((e) => {
    if (e.streamId !== streamId) return e;
    const { hash: _, ...rest } = e;
    const sealed = seal({ ...rest, streamVersion: head.version + 1, prevHash: head.hash });
    head = { version: sealed.streamVersion, hash: sealed.hash };
    return sealed;
  });
};
