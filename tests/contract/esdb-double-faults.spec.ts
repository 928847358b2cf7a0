import { createEsdbEventStore } from '@civic-ledger/adapters';
import { type EsdbDouble, startEsdbDouble } from '@civic-ledger/adapters/testing';
import { type EventStore, handleCommand, type StoredEvent, verifyLog } from '@civic-ledger/domain';
import * as E from 'fp-ts/lib/Either.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actor, tally, testClock } from '../support/tally.js';
import { collect, ids, writer } from './envelopes.js';

// Against the in-process gRPC DOUBLE of EventStoreDB (see esdb-double.spec.ts).
let double: EsdbDouble;
let store: EventStore;
beforeEach(async () => {
  double = await startEsdbDouble();
  store = await createEsdbEventStore({
    connectionString: double.connectionString,
    resubscribeDelayMs: 10,
  });
});
afterEach(async () => {
  await store.close();
  await double.stop();
});

const eventually = async (until: () => boolean, what: string): Promise<void> => {
  for (let i = 0; i < 2_000 && !until(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!until()) throw new Error(`never happened: ${what}`);
};

describe('[esdb-double] faults', () => {
  it('[esdb-double] a reply lost after the commit is retried with the same ids: nothing twice', async () => {
    double.faults.lostAppendReplies = 1;
    const w = writer(store, 'ticket-lost');
    const { result } = await w.append(3);
    expect(result).toMatchObject({ nextVersion: 3, duplicate: false });
    expect(double.size()).toBe(3);
    expect(double.faults.lostAppendReplies).toBe(0);
    expect(await verifyLog(store.readAll())).toMatchObject({ ok: true, events: 3 });
  });

  it('[esdb-double] a command retried after an unknown outcome appends nothing twice', async () => {
    const flaky: EventStore = {
      ...store,
      // Every attempt's reply is lost, so the adapter's own retries give up: outcome unknown.
      append: async (...args) => {
        double.faults.lostAppendReplies = 10;
        try {
          return await store.append(...args);
        } finally {
          double.faults.lostAppendReplies = 0;
        }
      },
    };
    const meta = { commandId: 'esdb-unknown', actor, occurredAt: '2026-11-20T09:00:00+08:00' };
    const add = (s: EventStore) =>
      handleCommand(
        { store: s, clock: testClock() },
        tally,
        'tally-e',
        { type: 'Add', amount: 2 },
        {},
        meta,
      );
    await expect(add(flaky)).rejects.toThrow();
    const retried = await add(store);
    expect(E.isRight(retried) && retried.right).toMatchObject({ duplicate: true, version: 1 });
    expect(double.size()).toBe(1);
  });

  it('[esdb-double] a dropped subscription resubscribes from its checkpoint: nothing lost or repeated', async () => {
    const w = writer(store, 'ticket-drop');
    await w.append(3);
    const seen: StoredEvent[] = [];
    const sub = store.subscribe((e) => void seen.push(e));
    await sub.caughtUp;
    await w.append(2);
    await eventually(() => seen.length === 5, 'live events before the drop');
    double.dropSubscriptions();
    await w.append(2);
    await writer(store, 'complaint-drop').append(1);
    await eventually(() => seen.length === 8, 'live events after the drop');
    double.dropSubscriptions();
    double.dropSubscriptions();
    await w.append(1);
    await eventually(() => seen.length === 9, 'live events after two more drops');
    await sub.close();
    expect(ids(seen)).toEqual(ids(await collect(store.readAll())));
  });

  it('[esdb-double] a filtered subscription resumes from server checkpoints past filtered-out events', async () => {
    const seen: StoredEvent[] = [];
    const sub = store.subscribe((e) => void seen.push(e), {
      filter: { streamPrefixes: ['complaint-'] },
    });
    await sub.caughtUp;
    await writer(store, 'ticket-noise').append(5);
    await writer(store, 'complaint-x').append(1);
    await eventually(() => seen.length === 1, 'first complaint');
    double.dropSubscriptions();
    await writer(store, 'ticket-noise-2').append(3);
    await writer(store, 'complaint-y').append(2);
    await eventually(() => seen.length === 3, 'complaints after the drop');
    await sub.close();
    expect(seen.map((e) => e.envelope.streamId)).toEqual([
      'complaint-x',
      'complaint-y',
      'complaint-y',
    ]);
  });
});
