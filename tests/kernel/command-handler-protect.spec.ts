import { createMemoryEventStore } from '@civic-ledger/adapters';
import {
  type CommandMeta,
  computeHash,
  createCommandHandler,
  type DomainEvent,
  type StoredEvent,
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

describe('command handler protect hook (X-06, X-07)', () => {
  it('X-06 rewrites each decided event before sealing: the stored hash covers the protected data', async () => {
    const store = createMemoryEventStore();
    const seen: { streamId: string; meta: CommandMeta; event: DomainEvent }[] = [];
    const handle = createCommandHandler({
      store,
      clock: testClock(),
      protect: async (event, target) => {
        seen.push({ ...target, event });
        return { type: event.type, data: { ...(event.data as object), sealed: 'ciphertext' } };
      },
    });
    const result = await handle(tally, 'tally-1', { type: 'Add', amount: 2 }, {}, meta('c1'));
    expect(E.isRight(result)).toBe(true);
    expect(seen).toEqual([
      {
        streamId: 'tally-1',
        meta: meta('c1'),
        event: { type: 'Added', data: { amount: 2, total: 2 } },
      },
    ]);
    const [stored] = await collect(store.readAll());
    expect(stored?.envelope.data).toEqual({ amount: 2, total: 2, sealed: 'ciphertext' });
    expect(stored && computeHash(stored.envelope)).toBe(stored?.envelope.hash);
    if (E.isRight(result)) expect(result.right.events[0]?.data).toEqual(stored?.envelope.data);
    expect((await verifyLog(store.readAll())).ok).toBe(true);
  });

  it('X-06 is not called when the decider refuses, and later commands fold the protected events', async () => {
    const store = createMemoryEventStore();
    let calls = 0;
    const handle = createCommandHandler({
      store,
      clock: testClock(),
      protect: async (event) => {
        calls++;
        return event;
      },
    });
    const refused = await handle(tally, 'tally-1', { type: 'Add', amount: 0 }, {}, meta('c0'));
    expect(E.isLeft(refused)).toBe(true);
    expect(calls).toBe(0);
    await handle(tally, 'tally-1', { type: 'Add', amount: 2 }, {}, meta('c1'));
    const second = await handle(tally, 'tally-1', { type: 'Add', amount: 3 }, {}, meta('c2'));
    expect(E.isRight(second) && second.right.events[0]?.data).toEqual({ amount: 3, total: 5 });
    expect(calls).toBe(2);
  });

  it('X-06 without a hook, events are sealed exactly as decided', async () => {
    const store = createMemoryEventStore();
    const handle = createCommandHandler({ store, clock: testClock() });
    await handle(tally, 'tally-1', { type: 'Add', amount: 2 }, {}, meta('c1'));
    const [stored] = await collect(store.readAll());
    expect(stored?.envelope.data).toEqual({ amount: 2, total: 2 });
  });
});
