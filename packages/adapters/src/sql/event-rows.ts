import type { Actor, EventEnvelope, StoredEvent } from '@civic-ledger/domain';

/**
 * One `events` row as the SQL layer selects it. The bigint position comes as text under
 * another name (`pos`): aliased `position`, it would make `ORDER BY position` sort as text.
 */
export interface EventRow {
  readonly pos: string;
  readonly event_id: string;
  readonly stream_id: string;
  readonly stream_version: number;
  readonly type: string;
  readonly schema_version: number;
  readonly occurred_at: string;
  readonly recorded_at: string;
  readonly actor: Actor;
  readonly command_id: string;
  readonly causation_id: string;
  readonly correlation_id: string;
  readonly data: Record<string, unknown>;
  readonly prev_hash: string;
  readonly hash: string;
  readonly log_hash: string;
}

/** The column list every read selects, in `EventRow` shape. */
export const EVENT_COLUMNS =
  'position::text AS pos, event_id, stream_id, stream_version, type, schema_version, ' +
  'occurred_at, recorded_at, actor, command_id, causation_id, correlation_id, data, ' +
  'prev_hash, hash, log_hash';

/** A row of {@link EVENT_COLUMNS} fetched with `rowMode: 'array'`, columns in that order. */
export type EventArrayRow = readonly [
  pos: string,
  eventId: string,
  streamId: string,
  streamVersion: number,
  type: string,
  schemaVersion: number,
  occurredAt: string,
  recordedAt: string,
  actor: Actor,
  commandId: string,
  causationId: string,
  correlationId: string,
  data: Record<string, unknown>,
  prevHash: string,
  hash: string,
  logHash: string,
];

/** {@link fromRow} for an array row: the catch-up path, one object a row fewer. */
export const fromArrayRow = (r: EventArrayRow): StoredEvent => ({
  position: BigInt(r[0]),
  logHash: r[15],
  envelope: {
    eventId: r[1],
    streamId: r[2],
    streamVersion: r[3],
    type: r[4],
    schemaVersion: r[5],
    occurredAt: r[6],
    recordedAt: r[7],
    actor: r[8],
    commandId: r[9],
    causationId: r[10],
    correlationId: r[11],
    data: r[12],
    prevHash: r[13],
    hash: r[14],
  } as EventEnvelope,
});

/** Rebuilds the stored event exactly as it was appended, so its hash verifies. */
export const fromRow = (row: EventRow): StoredEvent => ({
  position: BigInt(row.pos),
  logHash: row.log_hash,
  envelope: {
    eventId: row.event_id,
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    type: row.type,
    schemaVersion: row.schema_version,
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
    actor: row.actor,
    commandId: row.command_id,
    causationId: row.causation_id,
    correlationId: row.correlation_id,
    data: row.data,
    prevHash: row.prev_hash,
    hash: row.hash,
  } as EventEnvelope,
});

// What JSON.stringify writes in a way an array literal reads differently: control characters
// (JSON's `\n`, `\u0001` …, which `array_in` would read as `n`, `u0001`) and surrogates (a lone
// one becomes `\udXXX`; pairs are fine but rare enough not to tell apart).
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const NOT_LITERAL_SAFE = /[\u0000-\u001f\ud800-\udfff]/;

/**
 * A column as a PostgreSQL array literal, for a `$k::type[]` parameter: for plain strings and
 * safe integers JSON escapes exactly as `array_in` unescapes (`\"`, `\\`), so one native
 * `JSON.stringify` replaces the driver's escaping element by element (a regular expression per
 * element, the largest client cost of an append). Any other value leaves the array to the
 * driver, as before.
 */
export const arrayLiteral = (values: readonly unknown[]): unknown => {
  for (const v of values) {
    if (typeof v === 'string' ? NOT_LITERAL_SAFE.test(v) : !Number.isSafeInteger(v)) return values;
  }
  const json = JSON.stringify(values);
  return `{${json.slice(1, -1)}}`;
};

/**
 * A batch of envelopes as parallel column arrays (the order of `append_events`' event
 * parameters and of the import's `unnest`): one array parameter a column, whatever the batch
 * size, so a statement stays one round trip and far below the 65 535-parameter limit. Each
 * column goes as {@link arrayLiteral} writes it.
 */
export const toColumns = (events: readonly EventEnvelope[]): unknown[] => {
  const n = events.length;
  const cols: unknown[][] = Array.from({ length: 14 }, () => new Array<unknown>(n));
  const [id, stream, version, type, schema, occurred, recorded, actor, command, causation] =
    cols as [
      unknown[],
      unknown[],
      unknown[],
      unknown[],
      unknown[],
      unknown[],
      unknown[],
      unknown[],
      unknown[],
      unknown[],
    ];
  const [correlation, data, prev, hash] = cols.slice(10) as [
    unknown[],
    unknown[],
    unknown[],
    unknown[],
  ];
  for (let i = 0; i < n; i++) {
    const e = events[i]!;
    id[i] = e.eventId;
    stream[i] = e.streamId;
    version[i] = e.streamVersion;
    type[i] = e.type;
    schema[i] = e.schemaVersion;
    occurred[i] = e.occurredAt;
    recorded[i] = e.recordedAt;
    actor[i] = JSON.stringify(e.actor);
    command[i] = e.commandId;
    causation[i] = e.causationId;
    correlation[i] = e.correlationId;
    data[i] = JSON.stringify(e.data);
    prev[i] = e.prevHash;
    hash[i] = e.hash;
  }
  return cols.map(arrayLiteral);
};

/** SQL casts of the column arrays of {@link toColumns}, for `unnest($k::type[], …)`. */
export const COLUMN_ARRAY_TYPES = [
  'text',
  'text',
  'integer',
  'text',
  'integer',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
] as const;
