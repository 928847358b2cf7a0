import { createMemoryEventStore } from '@civic-ledger/adapters';
import { createUpcasterRegistry, type EventStore, handleCommand } from '@civic-ledger/domain';
import {
  buildAsOf,
  buildProjection,
  createMemoryReadModelStore,
  createProjectionRunner,
  fromJson,
  type Progress,
  toJson,
} from '@civic-ledger/projections';
import { describe, expect, it } from 'vitest';
import { actor, tally, testClock } from '../support/tally.js';
import { totalsProjection } from './support/totals.js';

let n = 0;
const add = (
  store: EventStore,
  stream: string,
  amount: number,
  occurredAt = '2026-11-20T09:00:00+08:00',
  clock = testClock(),
) =>
  handleCommand(
    { store, clock },
    tally,
    stream,
    { type: 'Add', amount },
    {},
    { commandId: `cmd-${++n}`, actor, occurredAt },
  );

/** A store whose readAll stops after `open` events until `release()` is called. */
const gated = (inner: EventStore, open: number) => {
  let release!: () => void;
  const gate = new Promise<void>((r) => {
    release = r;
  });
  let reads = 0;
  const store: EventStore = {
    ...inner,
    readAll: (o) =>
      (async function* () {
        reads++;
        let i = 0;
        for await (const e of inner.readAll(o)) {
          if (reads > 1 && i++ === open) await gate;
          yield e;
        }
      })(),
  };
  return { store, release: () => release() };
};

/** A store that delivers every event twice, as an at-least-once transport may. */
const stuttering = (inner: EventStore): EventStore => ({
  ...inner,
  readAll: (o) =>
    (async function* () {
      for await (const e of inner.readAll(o)) {
        yield e;
        yield e;
      }
    })(),
  subscribe: (handler, o) =>
    inner.subscribe(async (e) => {
      await handler(e);
      await handler(e);
    }, o),
});

describe('projection runner', () => {
  it('catches up from the store, then follows live events', async () => {
    const store = createMemoryEventStore();
    await add(store, 'tally-a', 2);
    const runner = createProjectionRunner({ store, projection: totalsProjection() });
    await runner.start();
    expect(runner.query().total('tally-a')).toBe(2);
    await add(store, 'tally-a', 3);
    await add(store, 'tally-b', 1);
    await new Promise((r) => setTimeout(r, 0));
    expect(runner.query().total('tally-a')).toBe(5);
    expect(runner.query().total('tally-b')).toBe(1);
    expect(await runner.lag()).toEqual({ position: 3n, head: 3n, behind: 0n });
    await runner.stop();
  });

  it('saves state and checkpoint together and resumes from them without applying twice', async () => {
    const store = createMemoryEventStore();
    const readModels = createMemoryReadModelStore();
    await add(store, 'tally-a', 2);
    await add(store, 'tally-a', 3);
    const first = createProjectionRunner({ store, readModels, projection: totalsProjection() });
    expect(await first.catchUp()).toBe(2);
    const saved = await readModels.load({ name: 'totals', version: 1 });
    expect(saved?.position).toBe(2n);
    await readModels.activate({ name: 'totals', version: 1 });

    await add(store, 'tally-a', 4);
    const applied: Progress[] = [];
    const second = createProjectionRunner({
      store,
      readModels,
      projection: totalsProjection(),
      onProgress: (p) => applied.push(p),
    });
    await second.start();
    // Only the third event was applied after the restart; the first two came from the save.
    expect(second.query().total('tally-a')).toBe(9);
    expect(applied.at(-1)).toMatchObject({ applied: 1, position: 3n });
    await second.stop();
  });

  it('delivering every event twice changes nothing (skips by global position)', async () => {
    const inner = createMemoryEventStore();
    for (const a of [1, 2, 3]) await add(inner, 'tally-a', a);
    const runner = createProjectionRunner({
      store: stuttering(inner),
      projection: totalsProjection(),
    });
    await runner.start();
    await add(inner, 'tally-a', 4);
    await new Promise((r) => setTimeout(r, 0));
    expect(runner.query().total('tally-a')).toBe(10);
    await runner.stop();
  });

  it('blue-green: queries answer from the old version until the new one has caught up and swaps', async () => {
    const inner = createMemoryEventStore();
    for (const a of [1, 2, 3, 4]) await add(inner, 'tally-a', a);
    const { store, release } = gated(inner, 2);
    const readModels = createMemoryReadModelStore();
    const runner = createProjectionRunner({ store, readModels, projection: totalsProjection(1) });
    await runner.start();
    expect(runner.query().total('tally-a')).toBe(10);

    // Version 2 counts ten times the amount; it builds while version 1 keeps serving.
    const rebuilding = runner.rebuild(totalsProjection(2, 10));
    await new Promise((r) => setTimeout(r, 5));
    expect(runner.status()).toMatchObject({ version: 1 });
    expect(runner.query().total('tally-a')).toBe(10);
    // A live event during the rebuild reaches the serving version at once…
    await add(inner, 'tally-a', 5);
    await new Promise((r) => setTimeout(r, 5));
    expect(runner.query().total('tally-a')).toBe(15);
    release();
    await rebuilding;
    // …and the new version, which swapped in with every event, 15 × 10.
    expect(runner.status()).toMatchObject({ version: 2, position: 5n });
    expect(runner.query().total('tally-a')).toBe(150);
    expect(await readModels.active('totals')).toBe(2);
    expect(await readModels.load({ name: 'totals', version: 1 })).toBeUndefined();
    await add(inner, 'tally-a', 1);
    await new Promise((r) => setTimeout(r, 5));
    expect(runner.query().total('tally-a')).toBe(160);
    await runner.stop();
  });

  it('blue-green to a version that reads other streams: the live subscription follows the new filter', async () => {
    const store = createMemoryEventStore();
    await add(store, 'tally-a', 1);
    const runner = createProjectionRunner({
      store,
      projection: { ...totalsProjection(1), filter: { streamPrefixes: ['tally-a'] } },
    });
    await runner.start();
    await add(store, 'tally-b', 2);
    await new Promise((r) => setTimeout(r, 5));
    expect(runner.query().total('tally-b')).toBeUndefined();
    await runner.rebuild({ ...totalsProjection(2), filter: { streamPrefixes: ['tally-b'] } });
    expect(runner.query().total('tally-b')).toBe(2);
    expect(runner.query().total('tally-a')).toBeUndefined();
    await add(store, 'tally-b', 3);
    await add(store, 'tally-a', 5);
    await new Promise((r) => setTimeout(r, 5));
    expect(runner.query().total('tally-b')).toBe(5);
    expect(runner.query().total('tally-a')).toBeUndefined();
    await runner.stop();
  });

  it('a version change at start rebuilds from zero instead of reading the old build', async () => {
    const store = createMemoryEventStore();
    const readModels = createMemoryReadModelStore();
    await add(store, 'tally-a', 2);
    const v1 = createProjectionRunner({ store, readModels, projection: totalsProjection(1) });
    await v1.start();
    await v1.stop();
    const v2 = createProjectionRunner({ store, readModels, projection: totalsProjection(2, 10) });
    await v2.start();
    expect(v2.query().total('tally-a')).toBe(20);
    expect(await readModels.active('totals')).toBe(2);
    await v2.stop();
  });

  it('as of a moment: by occurredAt (what had happened) and by recordedAt (what was known)', async () => {
    const store = createMemoryEventStore();
    const clock = testClock(Date.parse('2026-11-20T01:00:00Z'));
    await add(store, 'tally-a', 1, '2026-11-01T09:00:00+08:00', clock);
    // Recorded later but backdated: it happened on 2 November.
    await add(store, 'tally-a', 10, '2026-11-02T09:00:00+08:00', () => '2026-11-25T00:00:00Z');
    await add(store, 'tally-a', 100, '2026-11-21T09:00:00+08:00', () => '2026-11-21T02:00:00Z');

    const happened = await buildAsOf(store, totalsProjection(), {
      at: '2026-11-10T00:00:00+08:00',
      by: 'occurredAt',
    });
    expect(happened.query.total('tally-a')).toBe(11);
    const known = await buildAsOf(store, totalsProjection(), {
      at: '2026-11-22T00:00:00Z',
      by: 'recordedAt',
    });
    expect(known.query.total('tally-a')).toBe(101);
    const all = await buildProjection(store, totalsProjection());
    expect(all.query.total('tally-a')).toBe(111);
  });

  it('upcasts events before applying them', async () => {
    const store = createMemoryEventStore();
    await add(store, 'tally-a', 2);
    // Version 2 of `Added` doubles amounts (a made-up migration).
    const upcasters = createUpcasterRegistry([
      {
        type: 'Added',
        fromVersion: 1,
        upcast: (d) => ({ ...d, amount: (d.amount as number) * 2 }),
      },
    ]);
    const built = await buildProjection(store, totalsProjection(), { upcasters });
    expect(built.query.total('tally-a')).toBe(4);
  });

  it('reports progress and lag against an injected head', async () => {
    const store = createMemoryEventStore();
    for (let i = 0; i < 5; i++) await add(store, 'tally-a', 1);
    const seen: Progress[] = [];
    const runner = createProjectionRunner({
      store,
      projection: totalsProjection(),
      progressEvery: 2,
      onProgress: (p) => seen.push(p),
      headPosition: async () => 7n,
    });
    await runner.catchUp();
    expect(seen.map((p) => p.applied)).toEqual([2, 4, 5]);
    expect(await runner.lag()).toEqual({ position: 5n, head: 7n, behind: 2n });
  });

  it('state round-trips through JSON with Maps and bigints', () => {
    const state = { m: new Map([['a', { p: 5n, s: new Set(['x']) }]]), n: 1, opt: undefined };
    const json = JSON.parse(JSON.stringify(toJson(state)));
    expect(json).toEqual({
      m: { $map: [['a', { p: { $bigint: '5' }, s: { $set: ['x'] } }]] },
      n: 1,
    });
    expect(fromJson(json)).toEqual({ m: state.m, n: 1 });
  });
});
