import { Buffer, isUtf8 } from 'node:buffer';
import { hash as oneShotHash } from 'node:crypto';
import type { ChainLink } from './verify.js';

/**
 * One line of a JSONL export in the canonical layout (docs/jsonl-format.md), read from its
 * bytes: the log fields of its prefix, the links of its envelope, and the SHA-256 of the
 * envelope's canonical text exactly as it stands in the line.
 */
export interface CanonicalLine extends ChainLink {
  /** SHA-256 of the canonical text as it stands (see `attestedHash`). */
  readonly computedHash: string;
  readonly position: bigint;
  /** Absent from the line when the store kept no global chain. */
  readonly logHash: string | undefined;
}

/**
 * A canonical line read but not hashed yet: its canonical text starts at `canonicalStart`;
 * its `prevHash` and `logHash` (-1: none) stand at the offsets given, not yet checked for hex
 * (`attestedHash` does that with the hash).
 */
export type CanonicalFields = Omit<CanonicalLine, 'computedHash'> & {
  readonly canonicalStart: number;
  readonly prevHashAt: number;
  readonly logHashAt: number;
};

/** What `attestedHash` gives for a line whose bytes it cannot vouch for: equal to no hash. */
export const NOT_ATTESTED = 'not attested';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const COMMA = 0x2c;
const COLON = 0x3a;

const ascii = (text: string): Buffer => Buffer.from(text, 'latin1');
const POSITION_KEY = ascii('{"position":"');
const LOG_HASH_KEY = ascii(',"logHash":"');
const HASH_KEY = ascii(',"hash":"');
// The canonical text of every envelope starts with its actor (keys are sorted).
const ACTOR_KEY = ascii(',"actor":{"id":');
// The envelope's fields after `data`, read backwards from the end of the line.
const EVENT_ID_KEY = ascii(',"eventId":');
const OCCURRED_KEY = ascii(',"occurredAt":');
const PREV_HASH_KEY = ascii(',"prevHash":');
const RECORDED_KEY = ascii(',"recordedAt":');
const SCHEMA_VERSION_KEY = ascii(',"schemaVersion":');
const STREAM_ID_KEY = ascii(',"streamId":');
const STREAM_VERSION_KEY = ascii(',"streamVersion":');
const TYPE_KEY = ascii(',"type":');

const startsWith = (b: Uint8Array, at: number, end: number, literal: Uint8Array): boolean => {
  if (at + literal.length > end) return false;
  for (let i = 0; i < literal.length; i++) if (b[at + i] !== literal[i]) return false;
  return true;
};

/** 1 for the bytes of lower-case hex digits. */
const HEX = new Uint8Array(256);
for (const c of '0123456789abcdef') HEX[c.charCodeAt(0)] = 1;

/** True when the 64 bytes at `at` are lower-case hex digits. */
const isHex64 = (b: Uint8Array, at: number): boolean => {
  for (let i = at; i < at + 64; i++) if (HEX[b[i] as number] !== 1) return false;
  return true;
};

/** The 64 bytes at `at`, closed by a quote, as a string (not checked for hex); or undefined. */
const text64 = (b: Buffer, at: number, end: number): string | undefined =>
  at + 64 < end && b[at + 64] === QUOTE ? b.toString('latin1', at, at + 64) : undefined;

/** Set by `stringStart`: the string has bytes beyond ASCII (decode it as UTF-8). */
let wide = false;

/**
 * Reads backwards the JSON string value whose closing quote is at `close`: returns the
 * index of its opening quote, or -1 unless it is a non-empty string without escapes or
 * control characters that stands as a value (after a colon) at or after `floor`.
 */
const stringStart = (b: Uint8Array, close: number, floor: number): number => {
  wide = false;
  if (b[close] !== QUOTE) return -1;
  for (let i = close - 1; i > floor; i--) {
    const c = b[i] as number;
    if (c === QUOTE) return i === close - 1 || b[i - 1] !== COLON ? -1 : i;
    if (c === BACKSLASH || c < 0x20) return -1;
    if (c >= 0x80) wide = true;
  }
  return -1;
};

/** Set by `integerBefore`: where the digits start. */
let digitsStart = 0;

/**
 * Reads backwards the positive integer (as JSON writes it, at most 15 digits) that ends just
 * before `end` and stands as a value: its value, or -1.
 */
const integerBefore = (b: Uint8Array, end: number, floor: number): number => {
  let i = end - 1;
  while (i > floor && end - i <= 16 && (b[i] as number) >= 0x30 && (b[i] as number) <= 0x39) i--;
  const first = i + 1;
  if (first === end || end - first > 15 || b[first] === 0x30 || b[i] !== COLON) return -1;
  let value = 0;
  for (let j = first; j < end; j++) value = value * 10 + ((b[j] as number) - 0x30);
  digitsStart = first;
  return value;
};

/** True when `literal` ends just before `at` (`at` excluded). */
const endsWith = (b: Uint8Array, at: number, literal: Uint8Array): boolean => {
  const from = at - literal.length;
  if (from < 0) return false;
  for (let i = 0; i < literal.length; i++) if (b[from + i] !== literal[i]) return false;
  return true;
};

const asBuffer = (bytes: Uint8Array): Buffer =>
  Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * SHA-256 (hex) of the canonical text that starts at `canonicalStart` (the comma after the
 * prefix) and runs to `end`, with that comma read as `{`. `bytes` is left as it was (the
 * byte is changed for the hash and put back).
 */
export const hashCanonicalText = (
  bytes: Uint8Array,
  canonicalStart: number,
  end: number,
): string => {
  bytes[canonicalStart] = OPEN_BRACE;
  try {
    return oneShotHash('sha256', bytes.subarray(canonicalStart, end), 'hex');
  } finally {
    bytes[canonicalStart] = COMMA;
  }
};

/**
 * Reads the line `bytes[start, end)` (no newline) if it is in the canonical layout:
 * `{"position":"N"[,"logHash":"…"],"hash":"…"` followed by the envelope's canonical JSON
 * without its opening brace. Only what the chains need is read, without decoding or parsing
 * the rest: the prefix, and the fields after `data` (`eventId`, `prevHash`, `streamId`,
 * `streamVersion`), each checked to stand in its sorted place. The rest is covered by the
 * hash: when `attestedHash` of the line equals its `hash`, its bytes are exactly the text the
 * event's hash was taken over.
 *
 * Returns `undefined` for a line it is not sure of — another layout, an escape in a field
 * after `data` — so that the caller reads that line the slow way.
 */
export const parseCanonicalLine = (
  bytes: Uint8Array,
  start: number,
  end: number,
): CanonicalFields | undefined => {
  const b = asBuffer(bytes);
  if (!startsWith(b, start, end, POSITION_KEY)) return undefined;
  // position: a decimal string without leading zeros.
  let p = start + POSITION_KEY.length;
  const digits = p;
  let value = 0;
  for (let c = b[p] as number; p < end && c >= 0x30 && c <= 0x39; c = b[++p] as number)
    value = value * 10 + (c - 0x30);
  if (p === digits || b[digits] === 0x30 || b[p] !== QUOTE) return undefined;
  // Up to 15 digits are exact in a double; longer positions are read from their text.
  const position = p - digits <= 15 ? BigInt(value) : BigInt(b.toString('latin1', digits, p));
  p++;
  let logHash: string | undefined;
  let logHashAt = -1;
  if (startsWith(b, p, end, LOG_HASH_KEY)) {
    p += LOG_HASH_KEY.length;
    logHash = text64(b, p, end);
    if (logHash === undefined) return undefined;
    logHashAt = p;
    p += 65;
  }
  if (!startsWith(b, p, end, HASH_KEY)) return undefined;
  p += HASH_KEY.length;
  // Not checked for hex: a `hash` that is not the hex SHA-256 of the text cannot match it.
  if (p + 64 >= end || b[p + 64] !== QUOTE) return undefined;
  const hash = b.toString('latin1', p, p + 64);
  const canonical = p + 65;
  // The head (actor, causationId, commandId, correlationId) and `data` are not read: the
  // hash covers them, and the chain needs none of them.
  if (!startsWith(b, canonical, end, ACTOR_KEY)) return undefined;
  const dataStart = canonical + ACTOR_KEY.length;

  // Tail: every top-level field after `data` is a string or an integer, read backwards from
  // the end of the line, each in its sorted place. (A string with a backslash in the tail is
  // left to the slow path: reading it backwards would be ambiguous.)
  let i = end - 1;
  if (b[i] !== CLOSE_BRACE) return undefined;
  i = stringStart(b, i - 1, dataStart);
  if (i < 0 || !endsWith(b, i, TYPE_KEY)) return undefined;
  i -= TYPE_KEY.length;
  const streamVersion = integerBefore(b, i, dataStart);
  if (streamVersion < 0 || !endsWith(b, digitsStart, STREAM_VERSION_KEY)) return undefined;
  const streamIdEnd = digitsStart - STREAM_VERSION_KEY.length - 1;
  i = stringStart(b, streamIdEnd, dataStart);
  if (i < 0 || !endsWith(b, i, STREAM_ID_KEY)) return undefined;
  const streamId = wide
    ? b.toString('utf8', i + 1, streamIdEnd)
    : b.toString('latin1', i + 1, streamIdEnd);
  i -= STREAM_ID_KEY.length;
  if (integerBefore(b, i, dataStart) < 0 || !endsWith(b, digitsStart, SCHEMA_VERSION_KEY))
    return undefined;
  i = stringStart(b, digitsStart - SCHEMA_VERSION_KEY.length - 1, dataStart);
  if (i < 0 || !endsWith(b, i, RECORDED_KEY)) return undefined;
  i -= RECORDED_KEY.length + 66;
  if (b[i] !== QUOTE || !endsWith(b, i, PREV_HASH_KEY)) return undefined;
  const prevHashAt = i + 1;
  const prevHash = text64(b, prevHashAt, end);
  if (prevHash === undefined) return undefined;
  i = stringStart(b, i - PREV_HASH_KEY.length - 1, dataStart);
  if (i < 0 || !endsWith(b, i, OCCURRED_KEY)) return undefined;
  const eventIdEnd = i - OCCURRED_KEY.length - 1;
  i = stringStart(b, eventIdEnd, dataStart);
  if (i < 0 || !endsWith(b, i, EVENT_ID_KEY)) return undefined;
  const eventId = wide
    ? b.toString('utf8', i + 1, eventIdEnd)
    : b.toString('latin1', i + 1, eventIdEnd);
  // `data` is an object: what precedes the tail closes it.
  if (b[i - EVENT_ID_KEY.length - 1] !== CLOSE_BRACE) return undefined;

  return {
    position,
    logHash,
    eventId,
    streamId,
    streamVersion,
    prevHash,
    hash,
    canonicalStart: canonical,
    prevHashAt,
    logHashAt,
  };
};

/**
 * The hash of a parsed line's canonical text (`hashCanonicalText`), or `NOT_ATTESTED` when
 * its bytes are not what the line schema accepts as they stand: invalid UTF-8 (which would
 * decode to other text), a `prevHash` or `logHash` that is not lower-case hex. Such a line
 * then matches no hash and is read the slow way, which names the problem as before.
 */
export const attestedHash = (
  bytes: Uint8Array,
  start: number,
  end: number,
  fields: Pick<CanonicalFields, 'canonicalStart' | 'prevHashAt' | 'logHashAt'>,
): string => {
  if (!isHex64(bytes, fields.prevHashAt)) return NOT_ATTESTED;
  if (fields.logHashAt >= 0 && !isHex64(bytes, fields.logHashAt)) return NOT_ATTESTED;
  if (!isUtf8(bytes.subarray(start, end))) return NOT_ATTESTED;
  return hashCanonicalText(bytes, fields.canonicalStart, end);
};

/**
 * `parseCanonicalLine` and `attestedHash` in one: the line's fields and the hash of its
 * canonical text as it stands (or `NOT_ATTESTED`), or `undefined` when it is not in the
 * canonical layout.
 */
export const readCanonicalLine = (
  bytes: Uint8Array,
  start: number,
  end: number,
): CanonicalLine | undefined => {
  const fields = parseCanonicalLine(bytes, start, end);
  if (fields === undefined) return undefined;
  return {
    position: fields.position,
    logHash: fields.logHash,
    eventId: fields.eventId,
    streamId: fields.streamId,
    streamVersion: fields.streamVersion,
    prevHash: fields.prevHash,
    hash: fields.hash,
    computedHash: attestedHash(bytes, start, end, fields),
  };
};
