import { createHash } from 'node:crypto';
import type { EventEnvelope, StoredEvent } from '@civic-ledger/domain';
import {
  type EventData,
  type JSONType,
  jsonEvent,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { packPosition } from './esdb-position.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * ESDB wants UUID event ids; ours usually are (see `deriveEventId`), and any other id is
 * hashed to a fixed UUID so that a retry still carries the same id and stays idempotent.
 */
export const toEsdbEventId = (eventId: string): string => {
  if (UUID.test(eventId)) return eventId;
  const h = createHash('sha256').update(`civic-ledger:${eventId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

/** Envelope fields kept in ESDB's event metadata; `type` and `data` travel as themselves. */
interface EnvelopeMetadata {
  readonly civicLedger: 1;
  readonly eventId: string;
  readonly streamVersion: number;
  readonly schemaVersion: number;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: EventEnvelope['actor'];
  readonly commandId: string;
  readonly causationId: string;
  readonly correlationId: string;
  readonly prevHash: string;
  readonly hash: string;
}

/** The ESDB event for an envelope (only strings and numbers: nothing bigint reaches JSON). */
export const toEventData = (envelope: EventEnvelope): EventData => {
  const metadata: EnvelopeMetadata = {
    civicLedger: 1,
    eventId: envelope.eventId,
    streamVersion: envelope.streamVersion,
    schemaVersion: envelope.schemaVersion,
    occurredAt: envelope.occurredAt,
    recordedAt: envelope.recordedAt,
    actor: envelope.actor,
    commandId: envelope.commandId,
    causationId: envelope.causationId,
    correlationId: envelope.correlationId,
    prevHash: envelope.prevHash,
    hash: envelope.hash,
  };
  return jsonEvent({
    id: toEsdbEventId(envelope.eventId),
    type: envelope.type,
    data: envelope.data as JSONType,
    metadata,
  });
};

const isEnvelopeMetadata = (m: unknown): m is EnvelopeMetadata =>
  typeof m === 'object' && m !== null && 'civicLedger' in m && m.civicLedger === 1;

/**
 * The stored event behind an ESDB event, or undefined for events this library did not write
 * (system streams, other applications sharing the database).
 */
export const fromResolvedEvent = (resolved: ResolvedEvent): StoredEvent | undefined => {
  const event = resolved.event;
  const metadata: unknown = event?.metadata;
  if (!event?.isJson || !event.position || !isEnvelopeMetadata(metadata)) return undefined;
  const { civicLedger: _marker, ...meta } = metadata;
  return {
    position: packPosition(event.position),
    envelope: {
      ...meta,
      streamId: event.streamId,
      type: event.type,
      data: event.data as Record<string, unknown>,
    } as EventEnvelope,
  };
};
