import { describe, expect, it } from 'vitest';
import { type EventEnvelope, GENESIS_HASH, seal } from './envelope.js';
import { createUpcasterRegistry } from './upcast.js';
import { verifyStream } from './verify.js';

const stored = (schemaVersion: number, data: Record<string, unknown>): EventEnvelope =>
  seal({
    eventId: 'e-1',
    streamId: 'ticket-1',
    streamVersion: 1,
    type: 'TicketAccepted',
    schemaVersion,
    occurredAt: '2026-11-20T09:00:00+08:00',
    recordedAt: '2026-11-20T01:00:00.000Z',
    actor: { id: 'u', role: 'r', unit: 'c' },
    commandId: 'c',
    causationId: 'c',
    correlationId: 'c',
    data,
    prevHash: GENESIS_HASH,
  });

const registry = createUpcasterRegistry([
  // v1 → v2: the phone moved under `contact`.
  {
    type: 'TicketAccepted',
    fromVersion: 1,
    upcast: ({ phone, ...rest }) => ({ ...rest, contact: { phone } }),
  },
  // v2 → v3: a channel became mandatory; old tickets came through the window.
  { type: 'TicketAccepted', fromVersion: 2, upcast: (d) => ({ channel: 'window', ...d }) },
]);

describe('upcasting by schemaVersion (X-01: stored events are never rewritten)', () => {
  it('lifts a v1 event through the whole chain on read', () => {
    const v1 = stored(1, { phone: '13800000000' });
    const read = registry.upcast(v1);
    expect(read.schemaVersion).toBe(3);
    expect(read.data).toEqual({ channel: 'window', contact: { phone: '13800000000' } });
  });

  it('applies only the remaining steps to a v2 event and none to a current one', () => {
    expect(registry.upcast(stored(2, { contact: {} })).data).toEqual({
      channel: 'window',
      contact: {},
    });
    const v3 = stored(3, { channel: 'phone' });
    expect(registry.upcast(v3)).toBe(v3);
  });

  it('leaves the stored event untouched, so its hash still verifies', () => {
    const v1 = stored(1, { phone: '1' });
    const before = JSON.stringify(v1);
    registry.upcast(v1);
    expect(JSON.stringify(v1)).toBe(before);
    expect(verifyStream([v1]).ok).toBe(true);
  });

  it('tells the version new events are written with', () => {
    expect(registry.currentVersion('TicketAccepted')).toBe(3);
    expect(registry.currentVersion('Other')).toBe(1);
  });

  it('refuses a chain with a gap when it is built', () => {
    expect(() => createUpcasterRegistry([{ type: 'X', fromVersion: 2, upcast: (d) => d }])).toThrow(
      /without gaps/,
    );
  });
});
