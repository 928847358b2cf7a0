import { createMemoryEventStore } from '@civic-ledger/adapters';
import { verifyLog } from '@civic-ledger/domain';
import { describe, expect, it } from 'vitest';
import { driveCommands } from './drive.js';
import { cityCommands } from './generate.js';
import { residentId } from './people.js';
import { createRandom } from './prng.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

describe('the simulated city', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const take = (seed: number) =>
      [...cityCommands({ seed, days: 2, start: '2026-07-01', scale: 1 })].map(
        (c) => `${c.streamId} ${c.type} ${c.occurredAt}`,
      );
    expect(take(1)).toEqual(take(1));
    expect(take(1)).not.toEqual(take(2));
  });

  it('TKT-02 makes resident ID numbers with a valid GB 11643 check digit', () => {
    const r = createRandom(9);
    for (let i = 0; i < 50; i++) {
      const id = residentId(r);
      const sum = [...id.slice(0, 17)].reduce((s, d, k) => s + Number(d) * WEIGHTS[k]!, 0);
      expect(id[17]).toBe('10X98765432'[sum % 11]);
    }
  });

  it('issues commands in time order, one case per stream', () => {
    let last = '';
    for (const c of cityCommands({ seed: 3, days: 5, start: '2026-07-01', scale: 2 })) {
      expect(Date.parse(c.occurredAt) >= Date.parse(last || c.occurredAt)).toBe(true);
      last = c.occurredAt;
    }
  });

  it('drives every aggregate through the real deciders without a refusal, and the log verifies', async () => {
    const store = createMemoryEventStore();
    const stats = await driveCommands(
      store,
      cityCommands({ seed: 11, days: 40, start: '2026-07-01', scale: 2 }),
    );
    expect(stats.samples).toEqual([]);
    expect(stats.skipped).toEqual({});
    const types = new Set<string>();
    for await (const { envelope } of store.readAll()) types.add(envelope.type);
    // Every path of a ticket (TKT-08) and the other aggregates show up.
    for (const t of [
      'TicketReviewed',
      'SupplementReceived',
      'TicketReturnedByUnit',
      'ExtensionApproved',
      'TicketSupervised',
      'TicketReopened',
      'TicketRated',
      'TicketArchived',
      'ComplaintClosed',
      'SurveyClosed',
      'AuditClosed',
      'RectificationAccepted',
      'FacilityInspected',
      'RepairCompleted',
      'StaffPutOnPost',
    ])
      expect(types).toContain(t);
    expect((await verifyLog(store.readAll())).ok).toBe(true);
  });

  it('X-01 the fast path appends exactly what handleCommand would (same ids, hashes and chain)', async () => {
    const log = async (via: 'fast' | 'handleCommand') => {
      const store = createMemoryEventStore();
      await driveCommands(
        store,
        cityCommands({ seed: 21, days: 4, start: '2026-07-01', scale: 1 }),
        { via },
      );
      const lines: string[] = [];
      for await (const e of store.readAll())
        lines.push(JSON.stringify({ ...e, position: String(e.position) }));
      return lines;
    };
    const fast = await log('fast');
    expect(fast.length).toBeGreaterThan(200);
    expect(await log('handleCommand')).toEqual(fast);
  });
});
