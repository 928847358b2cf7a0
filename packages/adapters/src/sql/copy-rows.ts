import type { EventEnvelope } from '@civic-ledger/domain';

/** The `events` columns in the order {@link copyRows} writes them. */
export const COPY_COLUMNS =
  '(position, event_id, stream_id, stream_version, type, schema_version, occurred_at, ' +
  'recorded_at, actor, command_id, causation_id, correlation_id, data, prev_hash, hash, log_hash)';

// The characters COPY's text format gives a meaning: the escape, the column and row
// separators. Everything else (quotes, non-ASCII) goes through as it is.
const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;
const ESCAPED: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
};

/** A text field as COPY's text format reads it back exactly. */
const field = (value: unknown, name: string, e: EventEnvelope): string => {
  if (typeof value !== 'string')
    throw new TypeError(`event ${String(e.eventId)}: ${name} is not a string`);
  return SPECIAL.test(value) ? value.replace(SPECIALS, (c) => ESCAPED[c] ?? c) : value;
};

/** An integer field; anything else would be spliced into the row unchecked. */
const integer = (value: unknown, name: string, e: EventEnvelope): string => {
  if (!Number.isSafeInteger(value))
    throw new TypeError(`event ${String(e.eventId)}: ${name} is not an integer`);
  return String(value);
};

/**
 * Envelopes as the input of `COPY events … FROM STDIN` (text format, columns as
 * {@link COPY_COLUMNS}), positions from `firstPosition` on and `logHashes[i]` for the i-th.
 * `actor` and `data` are written as `JSON.stringify` writes them, as the INSERT path does,
 * so both paths store the same rows.
 */
export const copyRows = (
  events: readonly EventEnvelope[],
  firstPosition: bigint,
  logHashes: readonly string[],
): string => {
  let out = '';
  let position = firstPosition;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    out +=
      `${position}\t${field(e.eventId, 'eventId', e)}\t${field(e.streamId, 'streamId', e)}` +
      `\t${integer(e.streamVersion, 'streamVersion', e)}\t${field(e.type, 'type', e)}` +
      `\t${integer(e.schemaVersion, 'schemaVersion', e)}\t${field(e.occurredAt, 'occurredAt', e)}` +
      `\t${field(e.recordedAt, 'recordedAt', e)}\t${field(JSON.stringify(e.actor), 'actor', e)}` +
      `\t${field(e.commandId, 'commandId', e)}\t${field(e.causationId, 'causationId', e)}` +
      `\t${field(e.correlationId, 'correlationId', e)}\t${field(JSON.stringify(e.data), 'data', e)}` +
      `\t${field(e.prevHash, 'prevHash', e)}\t${field(e.hash, 'hash', e)}\t${logHashes[i]}\n`;
    position++;
  }
  return out;
};
