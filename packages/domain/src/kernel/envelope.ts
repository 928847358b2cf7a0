import { hash as oneShotHash } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson, isPlain, jsonString as q } from './canonical-json.js';

/** `prevHash` of the first event of a stream. */
export const GENESIS_HASH = '0'.repeat(64);

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
/** An instant with an explicit offset, e.g. `2026-10-08T09:30:00+08:00` or `…Z`. */
export const IsoInstant = z.iso.datetime({ offset: true });

/** Who did it: the acting user, their role and their unit. */
export const ActorSchema = z.object({
  id: z.string().min(1),
  role: z.string().min(1),
  unit: z.string().min(1),
});
export type Actor = z.infer<typeof ActorSchema>;

/** The stored form of every event: the fact plus who, when, why and its hash link. */
export const EnvelopeSchema = z.object({
  eventId: z.string().min(1),
  streamId: z.string().min(1),
  streamVersion: z.number().int().positive(),
  type: z.string().min(1),
  schemaVersion: z.number().int().positive(),
  occurredAt: IsoInstant,
  recordedAt: IsoInstant,
  actor: ActorSchema,
  commandId: z.string().min(1),
  causationId: z.string().min(1),
  correlationId: z.string().min(1),
  data: z.record(z.string(), z.unknown()),
  prevHash: Sha256Hex,
  hash: Sha256Hex,
});

/** A fact as a decider produces it: a type and its data. */
export interface DomainEvent<T extends string = string, D = unknown> {
  readonly type: T;
  readonly data: D;
}

/** Envelope metadata, everything but the event itself. */
export interface EnvelopeMeta {
  readonly eventId: string;
  readonly streamId: string;
  /** 1 for the first event of a stream. */
  readonly streamVersion: number;
  readonly schemaVersion: number;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: Actor;
  readonly commandId: string;
  readonly causationId: string;
  readonly correlationId: string;
  readonly prevHash: string;
  readonly hash: string;
}

/** An event with its envelope; distributes over a union of events. */
export type EventEnvelope<E extends DomainEvent = DomainEvent> = E extends DomainEvent
  ? EnvelopeMeta & { readonly type: E['type']; readonly data: E['data'] }
  : never;

/** An envelope before its hash is computed. */
export type UnsealedEnvelope = Omit<EnvelopeMeta, 'hash'> & {
  readonly type: string;
  readonly data: unknown;
};

/**
 * The canonical JSON of an envelope without its `hash`: the same text `canonicalJson` gives
 * for the envelope's fields, written out in their sorted order so that hashing (once per
 * event on append, replay and verify) skips the object copy and the key sorting.
 */
export const envelopeCanonicalJson = (e: UnsealedEnvelope | EventEnvelope): string => {
  const a = e.actor;
  // Nearly always every string is plain (ids, instants, hashes): one test each, then the
  // quotes written into the template, which halves the pieces of text built per event.
  if (
    isPlain(a.id) &&
    isPlain(a.role) &&
    isPlain(a.unit) &&
    isPlain(e.causationId) &&
    isPlain(e.commandId) &&
    isPlain(e.correlationId) &&
    isPlain(e.eventId) &&
    isPlain(e.occurredAt) &&
    isPlain(e.prevHash) &&
    isPlain(e.recordedAt) &&
    isPlain(e.streamId) &&
    isPlain(e.type)
  ) {
    return (
      `{"actor":{"id":"${a.id}","role":"${a.role}","unit":"${a.unit}"}` +
      `,"causationId":"${e.causationId}","commandId":"${e.commandId}"` +
      `,"correlationId":"${e.correlationId}","data":${canonicalJson(e.data)}` +
      `,"eventId":"${e.eventId}","occurredAt":"${e.occurredAt}"` +
      `,"prevHash":"${e.prevHash}","recordedAt":"${e.recordedAt}"` +
      `,"schemaVersion":${canonicalJson(e.schemaVersion)},"streamId":"${e.streamId}"` +
      `,"streamVersion":${canonicalJson(e.streamVersion)},"type":"${e.type}"}`
    );
  }
  return (
    `{"actor":{"id":${q(a.id)},"role":${q(a.role)},"unit":${q(a.unit)}}` +
    `,"causationId":${q(e.causationId)},"commandId":${q(e.commandId)}` +
    `,"correlationId":${q(e.correlationId)},"data":${canonicalJson(e.data)}` +
    `,"eventId":${q(e.eventId)},"occurredAt":${q(e.occurredAt)}` +
    `,"prevHash":${q(e.prevHash)},"recordedAt":${q(e.recordedAt)}` +
    `,"schemaVersion":${canonicalJson(e.schemaVersion)},"streamId":${q(e.streamId)}` +
    `,"streamVersion":${canonicalJson(e.streamVersion)},"type":${q(e.type)}}`
  );
};

/** SHA-256 of a text, hex; the one-shot API is about twice as fast as createHash for small inputs. */
export const sha256Hex = (text: string): string => oneShotHash('sha256', text, 'hex');

/** SHA-256 over the canonical JSON of every envelope field but `hash`. */
export const computeHash = (envelope: UnsealedEnvelope | EventEnvelope): string =>
  sha256Hex(envelopeCanonicalJson(envelope));

/**
 * The store's global chain: each stored event's `logHash` links the previous event of the
 * whole log to this one, so that dropping a whole stream, or events across streams, shows.
 */
export const nextLogHash = (previousLogHash: string, eventHash: string): string =>
  sha256Hex(previousLogHash + eventHash);

/** Adds the hash to an envelope. */
export const seal = <E extends DomainEvent>(
  envelope: UnsealedEnvelope & { type: E['type']; data: E['data'] },
): EventEnvelope<E> => ({ ...envelope, hash: computeHash(envelope) }) as EventEnvelope<E>;

// The RFC 9562 variant digit for a hex digit x: (x & 0b11) | 0b1000, by table rather than
// parseInt and toString per event id.
const VARIANT_DIGITS = '89ab89ab89ab89ab';
const uuidVariant = (hexCode: number): string =>
  VARIANT_DIGITS[hexCode <= 57 ? hexCode - 48 : hexCode - 87] ?? '8';

/**
 * Deterministic event id from the command id and the event's index in the command's
 * output: a retry of the same command yields the same ids, so a store can refuse a
 * duplicate even when the first attempt's outcome was unknown.
 */
export const deriveEventId = (commandId: string, index: number): string => {
  const h = sha256Hex(`${commandId}#${index}`);
  // Shaped as a UUID (version 8, "custom") so that stores typing the column as uuid accept it.
  // Joined rather than concatenated: join gives a flat string, where a template gives a
  // tree of pieces that every map keyed by event id would first have to hash piece by piece.
  return [
    h.slice(0, 8),
    h.slice(8, 12),
    `8${h.slice(13, 16)}`,
    uuidVariant(h.charCodeAt(16)) + h.slice(17, 20),
    h.slice(20, 32),
  ].join('-');
};
