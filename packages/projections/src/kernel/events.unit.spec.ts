import type { EventEnvelope, StoredEvent } from '@civic-ledger/domain';
import { describe, expect, it } from 'vitest';
import { changeEntry } from './events.js';

const stored = (position: bigint, actor: Record<string, string>): StoredEvent => ({
  position,
  envelope: {
    eventId: `e-${position}`,
    streamId: 'ticket-T1',
    streamVersion: Number(position),
    type: 'TicketReviewed',
    schemaVersion: 1,
    occurredAt: '2026-11-20T09:00:00+08:00',
    recordedAt: '2026-11-20T01:00:00.000Z',
    actor,
    commandId: `c-${position}`,
    causationId: `c-${position}`,
    correlationId: 'ticket-T1',
    data: {},
    prevHash: '0'.repeat(64),
    hash: '1'.repeat(64),
  } as EventEnvelope,
});

describe('ARC-03 change entries: who did it, as the event says', () => {
  it('ARC-03 shares one copy of an actor seen before, and never one that differs in any field', () => {
    const staff = { id: 'staff-hh-1', role: 'window-staff', unit: 'centre-01' };
    const first = changeEntry(stored(1n, { ...staff }));
    // The same actor again: the entry points at the copy kept the first time.
    expect(changeEntry(stored(2n, { ...staff })).actor).toBe(first.actor);
    // Same id, another unit; then a field the schema does not name (its hash covers it).
    expect(changeEntry(stored(3n, { ...staff, unit: 'centre-02' })).actor).toEqual({
      ...staff,
      unit: 'centre-02',
    });
    const extra = { ...staff, unit: 'centre-02', onBehalfOf: 'staff-hh-9' };
    expect(changeEntry(stored(4n, extra)).actor).toEqual(extra);
    // And back: the entry does not keep the extra field of the actor shared before it.
    expect(changeEntry(stored(5n, { ...staff, unit: 'centre-02' })).actor).toEqual({
      ...staff,
      unit: 'centre-02',
    });
  });
});
