import { createMemoryEventStore } from '@civic-ledger/adapters';
import {
  computeHash,
  createCommandHandler,
  type Decider,
  type DomainEvent,
  deriveEventId,
  GENESIS_HASH,
  type StoredEvent,
  seal,
  verifyLog,
} from '@civic-ledger/domain';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { actor, testClock } from '../support/tally.js';

type Noted = DomainEvent<'Noted', { readonly text: string }>;

/** Emits one event per text of the command (none for an empty list). */
const notes: Decider<{ readonly texts: readonly string[] }, Noted, number, unknown> = {
  initialState: 0,
  decide: (command) => E.right(command.texts.map((text) => ({ type: 'Noted', data: { text } }))),
  evolve: (count) => count + 1,
};

const meta = (commandId: string) => ({ commandId, actor, occurredAt: '2026-11-20T09:00:00+08:00' });

const collect = async (it: AsyncIterable<StoredEvent>) => {
  const out: StoredEvent[] = [];
  for await (const e of it) out.push(e);
  return out;
};

describe('command handler envelopes (X-02, X-07)', () => {
  it('given a command with two events, then each envelope is what seal makes of the same fields, chained', async () => {
    const store = createMemoryEventStore();
    const handle = createCommandHandler({ store, clock: testClock() });
    await handle(notes, 'n', { texts: ['first'] }, {}, meta('c-0'));
    const result = await handle(
      notes,
      'n',
      { texts: ['a "quoted" text', '张三'] },
      {},
      meta('c-1'),
    );
    expect(E.isRight(result) && result.right.version).toBe(3);
    const stored = (await collect(store.readStream('n'))).map((s) => s.envelope);
    let prevHash = GENESIS_HASH;
    for (const [i, envelope] of stored.entries()) {
      const { hash, ...fields } = envelope;
      const index = i === 0 ? 0 : i - 1;
      expect(fields.eventId).toBe(deriveEventId(fields.commandId, index));
      expect(fields.prevHash).toBe(prevHash);
      // Same keys in the same order as seal gives, and the same hash.
      expect(Object.keys(envelope)).toEqual(Object.keys(seal(fields)));
      expect(envelope).toEqual(seal(fields));
      expect(hash).toBe(computeHash(envelope));
      prevHash = hash;
    }
    expect((await verifyLog(store.readAll())).ok).toBe(true);
  });

  it('when the decider decides nothing, then nothing is appended and the version stays', async () => {
    const store = createMemoryEventStore();
    const handle = createCommandHandler({ store, clock: testClock() });
    await handle(notes, 'n', { texts: ['one'] }, {}, meta('c-0'));
    const result = await handle(notes, 'n', { texts: [] }, {}, meta('c-1'));
    expect(E.isRight(result) && result.right).toMatchObject({
      events: [],
      version: 1,
      duplicate: false,
    });
    expect(store.size()).toBe(1);
  });

  it('given a cached stream, when the same command comes again, then its events come back and nothing is appended', async () => {
    const store = createMemoryEventStore();
    const handle = createCommandHandler({ store, clock: testClock() });
    const first = await handle(notes, 'n', { texts: ['x', 'y'] }, {}, meta('c-0'));
    const again = await handle(notes, 'n', { texts: ['x', 'y'] }, {}, meta('c-0'));
    expect(E.isRight(again) && again.right.duplicate).toBe(true);
    expect(E.isRight(again) && E.isRight(first) && again.right.events).toEqual(
      E.isRight(first) && first.right.events,
    );
    expect(store.size()).toBe(2);
  });
});
