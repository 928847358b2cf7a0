import { deriveEventId, GENESIS_HASH, seal } from '@civic-ledger/domain';
import { describe, expect, it } from 'vitest';
import { toEsdbEventId, toEventData } from './esdb-events.js';

const envelope = seal({
  eventId: deriveEventId('cmd', 0),
  streamId: 'ticket-1',
  streamVersion: 1,
  type: 'TicketOpened',
  schemaVersion: 1,
  occurredAt: '2026-11-20T09:00:00+08:00',
  recordedAt: '2026-11-20T01:00:00.000Z',
  actor: { id: 'a', role: 'r', unit: 'u' },
  commandId: 'cmd',
  causationId: 'cmd',
  correlationId: 'cmd',
  data: { a: 1 },
  prevHash: GENESIS_HASH,
});

describe('envelope → ESDB event', () => {
  it('keeps UUID event ids and hashes others to a stable UUID', () => {
    expect(toEsdbEventId(envelope.eventId)).toBe(envelope.eventId);
    const id = toEsdbEventId('e-1');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(toEsdbEventId('e-1')).toBe(id);
  });

  it('carries the envelope in data and metadata that JSON can hold (no bigint)', () => {
    const event = toEventData(envelope);
    expect(event.id).toBe(envelope.eventId);
    expect(() => JSON.stringify(event)).not.toThrow();
    expect(event).toMatchObject({
      type: 'TicketOpened',
      data: { a: 1 },
      metadata: { hash: envelope.hash, streamVersion: 1 },
    });
  });
});
