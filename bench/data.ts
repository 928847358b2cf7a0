import { type EventEnvelope, GENESIS_HASH, seal } from '@civic-ledger/domain';
import { prng } from './harness.js';

const actors = Array.from({ length: 50 }, (_, i) => ({
  id: `staff-${String(i).padStart(3, '0')}`,
  role: i % 5 === 0 ? 'centre-head' : 'window-staff',
  unit: `centre-${String(i % 7).padStart(2, '0')}`,
}));

/**
 * Sealed, hash-chained envelopes over `streams` streams, round-robin with a seeded shuffle,
 * about 300 bytes each as JSON — the shape of a real log without needing any aggregate.
 */
export function* syntheticLog(
  events: number,
  streams: number,
  seed = 42,
): Generator<EventEnvelope> {
  const random = prng(seed);
  const heads: { v: number; h: string }[] = Array.from({ length: streams }, () => ({
    v: 0,
    h: GENESIS_HASH,
  }));
  const base = Date.parse('2026-01-05T01:00:00Z');
  for (let i = 0; i < events; i++) {
    const s = i < streams ? i : Math.floor(random() * streams);
    const head = heads[s]!;
    const at = new Date(base + i * 1000).toISOString();
    const actor = actors[i % actors.length]!;
    const envelope = seal({
      eventId: `e-${i}`,
      streamId: `ticket-${s}`,
      streamVersion: head.v + 1,
      type: head.v === 0 ? 'TicketReceived' : 'TicketProgressed',
      schemaVersion: 1,
      occurredAt: at,
      recordedAt: at,
      actor,
      commandId: `c-${i}`,
      causationId: `c-${i}`,
      correlationId: `ticket-${s}`,
      data: { step: head.v + 1, unit: actor.unit, level: 1 + Math.floor(random() * 5) },
      prevHash: head.h,
    });
    head.v++;
    head.h = envelope.hash;
    yield envelope;
  }
}
