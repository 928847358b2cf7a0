import {
  type EventStore,
  GENESIS_HASH,
  nextLogHash,
  type StoredEvent,
  VersionConflictError,
  verifyLog,
} from '@civic-ledger/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { collect, envelopes, ids, writer } from './envelopes.js';

export interface ContractOptions {
  /** The store keeps the global `logHash` chain (stores that serialise appends). */
  readonly keepsLogHash: boolean;
  /** Positions start above 2⁵³ (the factory seeds them there), so a Number would show. */
  readonly positionsAbove2To53?: boolean;
  /** When set, every test is declared but skipped, its title saying why. */
  readonly skipReason?: string;
  /** Events in the large-batch test; default 2 000. */
  readonly largeBatch?: number;
}

const TWO_TO_53 = 2n ** 53n;

/** Runs `until` until it holds, yielding to the event loop (no timing assertions). */
const eventually = async (until: () => boolean, what: string): Promise<void> => {
  for (let i = 0; i < 2_000 && !until(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!until()) throw new Error(`never happened: ${what}`);
};

/**
 * The contract every {@link EventStore} passes. Each adapter's spec file calls it with a
 * factory that returns a fresh, empty store; test titles start with `[name]`.
 */
export const eventStoreContract = (
  name: string,
  factory: () => Promise<EventStore>,
  options: ContractOptions,
): void => {
  const open: EventStore[] = [];
  const fresh = async (): Promise<EventStore> => {
    const store = await factory();
    open.push(store);
    return store;
  };
  const test = (title: string, body: () => Promise<void>) =>
    it.skipIf(options.skipReason !== undefined)(
      `[${name}] ${title}${options.skipReason ? ` — skipped: ${options.skipReason}` : ''}`,
      body,
    );

  describe(`[${name}] EventStore contract`, () => {
    afterEach(async () => {
      await Promise.all(open.splice(0).map((s) => s.close()));
    });

    test('appends with an exact expected version and reads the stream back', async () => {
      const store = await fresh();
      const w = writer(store, 'ticket-1');
      const first = await w.append(2, { expected: 0 });
      expect(first.result).toMatchObject({ nextVersion: 2, duplicate: false });
      const second = await w.append(1, { expected: 2 });
      expect(second.result.nextVersion).toBe(3);
      const stream = await collect(store.readStream('ticket-1'));
      expect(stream.map((e) => e.envelope)).toEqual([...first.batch, ...second.batch]);
      expect(stream.at(-1)?.position).toBe(second.result.lastPosition);
      expect(ids(await collect(store.readStream('ticket-1', { fromVersion: 2 })))).toEqual(
        ids(stream.slice(1)),
      );
      expect(await store.streamVersion('ticket-1')).toBe(3);
      expect(await store.streamVersion('ticket-none')).toBe(0);
      expect(await collect(store.readStream('ticket-none'))).toEqual([]);
    });

    test("'no-stream' appends only to a stream that does not exist", async () => {
      const store = await fresh();
      const w = writer(store, 'ticket-ns');
      expect((await w.append(1, { expected: 'no-stream' })).result.nextVersion).toBe(1);
      const again = envelopes('ticket-ns', w.head(), 1);
      const error = await store.append('ticket-ns', 'no-stream', again).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(VersionConflictError);
      expect(error).toMatchObject({ streamId: 'ticket-ns', expected: 'no-stream', actual: 1 });
    });

    test("'stream-exists' appends only to a stream that exists", async () => {
      const store = await fresh();
      const missing = envelopes('ticket-se', { version: 0, hash: GENESIS_HASH }, 1);
      await expect(store.append('ticket-se', 'stream-exists', missing)).rejects.toBeInstanceOf(
        VersionConflictError,
      );
      const w = writer(store, 'ticket-se');
      await w.append(1, { expected: 0 });
      expect((await w.append(2, { expected: 'stream-exists' })).result.nextVersion).toBe(3);
    });

    test("'any' appends wherever the envelopes continue the stream", async () => {
      const store = await fresh();
      const w = writer(store, 'ticket-any');
      expect((await w.append(1, { expected: 'any' })).result.nextVersion).toBe(1);
      expect((await w.append(1, { expected: 'any' })).result.nextVersion).toBe(2);
      // Envelopes chained to an old head do not continue the stream, whatever `expected` says.
      const stale = envelopes('ticket-any', { version: 1, hash: GENESIS_HASH }, 1, { tag: 'x' });
      await expect(store.append('ticket-any', 'any', stale)).rejects.toBeInstanceOf(
        VersionConflictError,
      );
    });

    test('a stale expected version is refused with VersionConflictError and writes nothing', async () => {
      const store = await fresh();
      const w = writer(store, 'ticket-c');
      await w.append(2);
      const stale = envelopes('ticket-c', { version: 1, hash: GENESIS_HASH }, 1, { tag: 'late' });
      const error = await store.append('ticket-c', 1, stale).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(VersionConflictError);
      expect(error).toMatchObject({ streamId: 'ticket-c', expected: 1, actual: 2 });
      expect(await collect(store.readAll())).toHaveLength(2);
    });

    test('concurrent appends at one version: exactly one wins, the others conflict', async () => {
      const store = await fresh();
      const head = { version: 0, hash: GENESIS_HASH };
      const outcomes = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) =>
          store.append('ticket-race', 0, envelopes('ticket-race', head, 2, { tag: `w${i}` })),
        ),
      );
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      for (const o of outcomes)
        if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(VersionConflictError);
      expect(await collect(store.readStream('ticket-race'))).toHaveLength(2);
    });

    test('re-appending the same event ids is an idempotent no-op', async () => {
      const store = await fresh();
      const w = writer(store, 'ticket-idem');
      const { batch, result } = await w.append(3);
      const retry = await store.append('ticket-idem', 0, batch);
      expect(retry).toEqual({ nextVersion: 3, lastPosition: result.lastPosition, duplicate: true });
      expect(await collect(store.readAll())).toHaveLength(3);
      expect((await w.append(1)).result.nextVersion).toBe(4);
    });

    test('reads all in global order, from a position, in pages', async () => {
      const store = await fresh();
      const a = writer(store, 'ticket-a');
      const b = writer(store, 'complaint-b');
      const appended = [
        ...(await a.append(2)).batch,
        ...(await b.append(3)).batch,
        ...(await a.append(1)).batch,
        ...(await b.append(1)).batch,
      ];
      const all = await collect(store.readAll());
      expect(all.map((e) => e.envelope.eventId)).toEqual(appended.map((e) => e.eventId));
      for (let i = 1; i < all.length; i++)
        expect(all[i]!.position > all[i - 1]!.position).toBe(true);
      const from = all[2]!.position;
      expect(ids(await collect(store.readAll({ after: from })))).toEqual(ids(all.slice(3)));
      expect(ids(await collect(store.readAll({ batchSize: 2 })))).toEqual(ids(all));
      expect(ids(await collect(store.readAll({ after: from, batchSize: 1 })))).toEqual(
        ids(all.slice(3)),
      );
      expect(await collect(store.readAll({ after: all.at(-1)!.position }))).toEqual([]);
    });

    test('filters by stream prefix and by event type', async () => {
      const store = await fresh();
      await writer(store, 'ticket-f1').append(2, { type: 'TicketOpened' });
      await writer(store, 'complaint-f2').append(2, { type: 'ComplaintFiled' });
      await writer(store, 'ticket-f3').append(1, { type: 'TicketClosed' });
      const byPrefix = await collect(store.readAll({ filter: { streamPrefixes: ['ticket-'] } }));
      expect(byPrefix.map((e) => e.envelope.streamId)).toEqual([
        'ticket-f1',
        'ticket-f1',
        'ticket-f3',
      ]);
      const byType = await collect(
        store.readAll({ filter: { types: ['ComplaintFiled', 'TicketClosed'] }, batchSize: 1 }),
      );
      expect(byType.map((e) => e.envelope.type)).toEqual([
        'ComplaintFiled',
        'ComplaintFiled',
        'TicketClosed',
      ]);
      const both = await collect(
        store.readAll({ filter: { streamPrefixes: ['ticket-'], types: ['TicketClosed'] } }),
      );
      expect(both.map((e) => e.envelope.streamId)).toEqual(['ticket-f3']);
      // A prefix is literal, not a LIKE or regex pattern.
      expect(await collect(store.readAll({ filter: { streamPrefixes: ['ticket_'] } }))).toEqual([]);
    });

    test('subscribes: catches up, goes live, and resumes from a checkpoint', async () => {
      const store = await fresh();
      const w = writer(store, 'ticket-s');
      await w.append(3);
      const seen: StoredEvent[] = [];
      const sub = store.subscribe((e) => void seen.push(e));
      await sub.caughtUp;
      expect(seen).toHaveLength(3);
      await w.append(2);
      await writer(store, 'complaint-s').append(1);
      await eventually(() => seen.length === 6, 'live events delivered');
      await sub.close();
      const all = await collect(store.readAll());
      expect(ids(seen)).toEqual(ids(all));

      // Resume from the checkpoint of the fourth event: the rest, each exactly once.
      const resumed: StoredEvent[] = [];
      const again = store.subscribe((e) => void resumed.push(e), { after: seen[3]!.position });
      await again.caughtUp;
      await w.append(1);
      await eventually(() => resumed.length === 3, 'resumed events delivered');
      await again.close();
      expect(ids(resumed)).toEqual(ids((await collect(store.readAll())).slice(4)));
    });

    test('a filtered subscription delivers matching events only, one at a time', async () => {
      const store = await fresh();
      await writer(store, 'ticket-fs').append(2);
      await writer(store, 'complaint-fs').append(2);
      const seen: string[] = [];
      let running = 0;
      let overlapped = false;
      const sub = store.subscribe(
        async (e) => {
          running++;
          overlapped ||= running > 1;
          await new Promise((r) => setTimeout(r, 1));
          seen.push(e.envelope.streamId);
          running--;
        },
        { filter: { streamPrefixes: ['complaint-'] } },
      );
      await sub.caughtUp;
      await writer(store, 'ticket-fs2').append(1);
      await writer(store, 'complaint-fs2').append(1);
      await eventually(() => seen.length === 3, 'filtered live event delivered');
      await sub.close();
      expect(seen).toEqual(['complaint-fs', 'complaint-fs', 'complaint-fs2']);
      expect(overlapped).toBe(false);
    });

    test('a handler that throws stops the subscription and reports the error', async () => {
      const store = await fresh();
      await writer(store, 'ticket-err').append(2);
      const errors: unknown[] = [];
      let calls = 0;
      const sub = store.subscribe(
        () => {
          calls++;
          throw new Error('projection bug');
        },
        { onError: (e) => errors.push(e) },
      );
      await sub.caughtUp;
      await eventually(() => errors.length === 1, 'error reported');
      await sub.close();
      expect(calls).toBe(1);
      expect(String(errors[0])).toMatch(/projection bug/);
    });

    test('appends and streams back a large batch', async () => {
      const store = await fresh();
      const n = options.largeBatch ?? 2_000;
      const w = writer(store, 'ticket-big');
      const { batch, result } = await w.append(n);
      expect(result.nextVersion).toBe(n);
      let count = 0;
      let last: StoredEvent | undefined;
      for await (const e of store.readAll({ batchSize: 300 })) {
        expect(e.envelope.eventId).toBe(batch[count]?.eventId);
        count++;
        last = e;
      }
      expect(count).toBe(n);
      expect(last?.position).toBe(result.lastPosition);
      expect(await store.streamVersion('ticket-big')).toBe(n);
      expect(await collect(store.readStream('ticket-big', { fromVersion: n - 1 }))).toHaveLength(2);
    });

    test('hash chains verify after the round trip (verifyLog, with the global logHash where kept)', async () => {
      const store = await fresh();
      for (const id of ['ticket-h1', 'complaint-h2', 'ticket-h3'])
        await writer(store, id).append(3);
      const all = await collect(store.readAll());
      const report = await verifyLog(all);
      expect(report).toMatchObject({ ok: true, events: 9, streams: 3 });
      if (options.keepsLogHash) {
        let head = GENESIS_HASH;
        for (const e of all) {
          head = nextLogHash(head, e.envelope.hash);
          expect(e.logHash).toBe(head);
        }
        // Dropping a whole stream from the log shows in the global chain.
        const withoutOne = all.filter((e) => e.envelope.streamId !== 'complaint-h2');
        expect(await verifyLog(withoutOne)).toMatchObject({
          ok: false,
          break: { kind: 'removed' },
        });
      }
    });

    test('reports its head position: the last event of the log, for projection lag', async () => {
      const store = await fresh();
      const before = await store.headPosition();
      expect(typeof before).toBe('bigint');
      const { result } = await writer(store, 'ticket-head').append(2);
      expect(await store.headPosition()).toBe(result.lastPosition);
      const all = await collect(store.readAll());
      expect(all.at(-1)?.position).toBe(result.lastPosition);
      expect(result.lastPosition > before).toBe(true);
    });

    test('positions are bigints end to end', async () => {
      const store = await fresh();
      const w = writer(store, 'ticket-big-pos');
      const { result } = await w.append(3);
      expect(typeof result.lastPosition).toBe('bigint');
      const all = await collect(store.readAll());
      for (const e of all) expect(typeof e.position).toBe('bigint');
      if (options.positionsAbove2To53) {
        expect(all[0]!.position > TWO_TO_53).toBe(true);
      }
      // Resuming at an exact position above 2⁵³ only works if nothing rounded it.
      expect(ids(await collect(store.readAll({ after: all[1]!.position })))).toEqual(
        ids(all.slice(2)),
      );
    });
  });
};
