import { createMemoryEventStore } from '@civic-ledger/adapters';
import {
  createCommandHandler,
  createSnapshotCache,
  type EventStore,
  handleCommand,
  type StoredEvent,
  VersionConflictError,
  verifyLog,
} from '@civic-ledger/domain';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { actor, tally, testClock } from '../support/tally.js';

const meta = (commandId: string) => ({ commandId, actor, occurredAt: '2026-11-20T09:00:00+08:00' });

const collect = async (it: AsyncIterable<StoredEvent>) => {
  const out: StoredEvent[] = [];
  for await (const e of it) out.push(e);
  return out;
};

/** Holds every reader at a gate so that racing writers all decide on the same version. */
const gatedStore = (inner: EventStore, readers: number) => {
  let waiting: (() => void)[] = [];
  let gateOpen = false;
  const store: EventStore = {
    ...inner,
    readStream: (id, o) =>
      (async function* () {
        if (!gateOpen) {
          await new Promise<void>((resolve) => {
            waiting.push(resolve);
            if (waiting.length === readers) {
              gateOpen = true;
              for (const w of waiting) w();
              waiting = [];
            }
          });
        }
        yield* inner.readStream(id, o);
      })(),
  };
  return store;
};

describe('command handler (X-01, X-02)', () => {
  it('given an empty stream, when a command is handled, then its events are appended with a full envelope', async () => {
    const store = createMemoryEventStore();
    const result = await handleCommand(
      { store, clock: testClock() },
      tally,
      'tally-1',
      { type: 'Add', amount: 2 },
      {},
      {
        ...meta('cmd-1'),
        correlationId: 'case-9',
      },
    );
    expect(E.isRight(result)).toBe(true);
    const [stored] = await collect(store.readStream('tally-1'));
    expect(stored?.envelope).toMatchObject({
      streamId: 'tally-1',
      streamVersion: 1,
      type: 'Added',
      schemaVersion: 1,
      actor,
      commandId: 'cmd-1',
      causationId: 'cmd-1',
      correlationId: 'case-9',
      occurredAt: '2026-11-20T09:00:00+08:00',
      recordedAt: '2026-11-20T01:00:00.000Z',
      data: { amount: 2, total: 2 },
    });
  });

  it('when the decider refuses, then nothing is appended and the typed error comes back', async () => {
    const store = createMemoryEventStore();
    const result = await handleCommand(
      { store, clock: testClock() },
      tally,
      't',
      { type: 'Add', amount: 0 },
      {},
      meta('c'),
    );
    expect(E.isLeft(result) && result.left).toMatchObject({
      code: 'TALLY_NOT_POSITIVE',
      path: ['amount'],
    });
    expect(store.size()).toBe(0);
  });

  it('two handlers racing on one stream: one retries, no event lost or duplicated', async () => {
    const inner = createMemoryEventStore();
    const store = gatedStore(inner, 2);
    const deps = { store, clock: testClock(), sleep: async () => {} };
    const [a, b] = await Promise.all([
      handleCommand(deps, tally, 't', { type: 'Add', amount: 1 }, {}, meta('race-a')),
      handleCommand(deps, tally, 't', { type: 'Add', amount: 10 }, {}, meta('race-b')),
    ]);
    const outcomes = [a, b].map((r) => (E.isRight(r) ? r.right : undefined));
    expect(outcomes.map((o) => o?.attempts).sort()).toEqual([1, 2]);
    const events = await collect(inner.readStream('t'));
    expect(events.map((e) => e.envelope.commandId).sort()).toEqual(['race-a', 'race-b']);
    expect(events.at(-1)?.envelope.data).toMatchObject({ total: 11 });
    expect((await verifyLog(inner.readAll())).ok).toBe(true);
  });

  it('many concurrent writers on one stream: every command lands exactly once and the chain holds', async () => {
    const store = createMemoryEventStore();
    const deps = {
      store,
      clock: testClock(),
      retry: { maxAttempts: 100, baseDelayMs: 0, maxDelayMs: 1 },
    };
    const n = 40;
    // Interleave reads and appends by yielding between them.
    const slow: EventStore = {
      ...store,
      append: async (...args) => {
        await new Promise((r) => setImmediate(r));
        return store.append(...args);
      },
    };
    const results = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        handleCommand(
          { ...deps, store: slow },
          tally,
          'shared',
          { type: 'Add', amount: 1 },
          {},
          meta(`w-${i}`),
        ),
      ),
    );
    expect(results.every(E.isRight)).toBe(true);
    const events = await collect(store.readStream('shared'));
    expect(events).toHaveLength(n);
    expect(new Set(events.map((e) => e.envelope.commandId)).size).toBe(n);
    expect(events.at(-1)?.envelope.data).toMatchObject({ total: n });
    expect(results.some((r) => E.isRight(r) && r.right.attempts > 1)).toBe(true);
    expect((await verifyLog(store.readAll())).ok).toBe(true);
  });

  it('gives up with a typed conflict after the bounded retries', async () => {
    const store = createMemoryEventStore();
    const alwaysConflicting: EventStore = {
      ...store,
      append: async (id, expected) => {
        throw new VersionConflictError(id, expected, 99);
      },
    };
    const sleeps: number[] = [];
    const result = await handleCommand(
      {
        store: alwaysConflicting,
        clock: testClock(),
        retry: { maxAttempts: 4, baseDelayMs: 10, maxDelayMs: 25 },
        sleep: async (ms) => void sleeps.push(ms),
      },
      tally,
      't',
      { type: 'Add', amount: 1 },
      {},
      meta('c'),
    );
    expect(E.isLeft(result) && result.left).toMatchObject({
      kind: 'conflict',
      code: 'CONCURRENCY_CONFLICT',
      actualVersion: 99,
    });
    expect(sleeps).toHaveLength(3);
    // Exponential backoff, capped, with jitter in [0.5, 1.5).
    expect(sleeps[0]).toBeGreaterThanOrEqual(5);
    expect(sleeps[0]).toBeLessThan(15);
    expect(sleeps[2]).toBeLessThan(25 * 1.5);
  });
});

describe('idempotency by commandId (X-01)', () => {
  it('a retried command appends nothing twice and returns the original outcome', async () => {
    const store = createMemoryEventStore();
    const deps = { store, clock: testClock() };
    const first = await handleCommand(
      deps,
      tally,
      't',
      { type: 'Add', amount: 3 },
      {},
      meta('once'),
    );
    await handleCommand(deps, tally, 't', { type: 'Add', amount: 4 }, {}, meta('other'));
    const retry = await handleCommand(
      deps,
      tally,
      't',
      { type: 'Add', amount: 3 },
      {},
      meta('once'),
    );
    expect(E.isRight(retry) && retry.right.duplicate).toBe(true);
    expect(E.isRight(retry) && E.isRight(first) && retry.right.events).toEqual(
      E.isRight(first) && first.right.events,
    );
    expect(store.size()).toBe(2);
  });

  it('a store refuses the same event ids twice even when the first outcome was unknown', async () => {
    const store = createMemoryEventStore();
    let lostReply = true;
    const flaky: EventStore = {
      ...store,
      append: async (...args) => {
        const result = await store.append(...args);
        if (lostReply) {
          lostReply = false;
          throw new Error('connection reset after commit');
        }
        return result;
      },
    };
    const deps = { store: flaky, clock: testClock() };
    await expect(
      handleCommand(deps, tally, 't', { type: 'Add', amount: 1 }, {}, meta('x')),
    ).rejects.toThrow(/reset/);
    const again = await handleCommand(deps, tally, 't', { type: 'Add', amount: 1 }, {}, meta('x'));
    expect(E.isRight(again) && again.right.duplicate).toBe(true);
    expect(store.size()).toBe(1);
    // And at the store level: re-appending the very same envelopes is a no-op.
    const [e] = await collect(store.readStream('t'));
    const replay = await store.append('t', 0, [e!.envelope]);
    expect(replay).toMatchObject({ duplicate: true, nextVersion: 1 });
    expect(store.size()).toBe(1);
  });
});

describe('snapshot cache (design: a snapshot story)', () => {
  it('given a cached stream, when another process appends, then the handler still decides on the latest state', async () => {
    const store = createMemoryEventStore();
    const mine = createCommandHandler({ store, clock: testClock() });
    const theirs = createCommandHandler({ store, clock: testClock() });
    await mine(tally, 't', { type: 'Add', amount: 1 }, {}, meta('m-1'));
    await theirs(tally, 't', { type: 'Add', amount: 10 }, {}, meta('t-1'));
    const r = await mine(tally, 't', { type: 'Add', amount: 100 }, {}, meta('m-2'));
    expect(E.isRight(r) && r.right.events[0]?.data).toEqual({ amount: 100, total: 111 });
    expect((await verifyLog(store.readAll())).ok).toBe(true);
  });

  it('a command retried long after (its stream cached since) returns the original events', async () => {
    const store = createMemoryEventStore();
    const handle = createCommandHandler({ store, clock: testClock() });
    const first = await handle(tally, 't', { type: 'Add', amount: 3 }, {}, meta('a'));
    for (let i = 0; i < 5; i++)
      await handle(tally, 't', { type: 'Add', amount: 1 }, {}, meta(`b-${i}`));
    const retry = await handle(tally, 't', { type: 'Add', amount: 3 }, {}, meta('a'));
    expect(E.isRight(retry) && retry.right.duplicate).toBe(true);
    expect(E.isRight(retry) && E.isRight(first) && retry.right.events).toEqual(
      E.isRight(first) && first.right.events,
    );
    expect(store.size()).toBe(6);
  });

  it('decides on a current snapshot without reading, and reads only what it missed after a conflict', async () => {
    const inner = createMemoryEventStore();
    const froms: number[] = [];
    const store: EventStore = {
      ...inner,
      readStream: (id, o) => {
        froms.push(o?.fromVersion ?? 1);
        return inner.readStream(id, o);
      },
    };
    const handle = createCommandHandler({ store, clock: testClock() });
    for (let i = 0; i < 4; i++)
      await handle(tally, 't', { type: 'Add', amount: 1 }, {}, meta(`c-${i}`));
    expect(froms).toEqual([1]); // the first command reads the stream; the snapshot serves the rest
    // Another writer appends two events behind the snapshot's back…
    const other = createCommandHandler({ store: inner, clock: testClock() });
    await other(tally, 't', { type: 'Add', amount: 10 }, {}, meta('o-1'));
    await other(tally, 't', { type: 'Add', amount: 10 }, {}, meta('o-2'));
    // …so the stale append conflicts, and the retry reads exactly versions 5 and 6.
    const r = await handle(tally, 't', { type: 'Add', amount: 1 }, {}, meta('c-4'));
    expect(froms).toEqual([1, 5]);
    expect(E.isRight(r) && r.right).toMatchObject({ attempts: 2, version: 7 });
    expect(E.isRight(r) && r.right.events[0]?.data).toEqual({ amount: 1, total: 25 });
  });

  it('keeps at most the configured number of streams, least recently used out first', () => {
    const cache = createSnapshotCache(2);
    const snap = {
      decider: tally,
      state: {},
      version: 1,
      lastHash: '',
      commandIds: new Set<string>(),
    };
    cache.set('a', snap);
    cache.set('b', snap);
    cache.get('a');
    cache.set('c', snap);
    expect([cache.get('a'), cache.get('b'), cache.get('c')].map(Boolean)).toEqual([
      true,
      false,
      true,
    ]);
  });
});
