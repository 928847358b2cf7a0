import { Buffer } from 'node:buffer';
import { attestedHash, type CanonicalFields, parseCanonicalLine } from './canonical-line.js';
import { GENESIS_HASH } from './envelope.js';
import type { StoredEvent } from './event-store.js';
import { createChainVerifier, type VerifyReport } from './verify.js';

/** How a reader decodes one line it does not read by its bytes: an event, or why not. */
export type LineDecoder<P> = (
  text: string,
  line: number,
) =>
  | { readonly ok: true; readonly event: StoredEvent }
  | { readonly ok: false; readonly problem: P };

/** The outcome of verifying lines: the chain's report, or the first line that could not be read. */
export type LinesReport<P> =
  | { readonly kind: 'verified'; readonly report: VerifyReport }
  | { readonly kind: 'unreadable'; readonly problem: P };

/**
 * What `settle` pushes, in line order: a canonical line of the batch's bytes (hashed with the
 * batch, in the order of `ranges`), a canonical line that spanned chunks (hashed on its own
 * bytes when read), a decoded line, or the first line that could not be read.
 */
type BatchItem<P> =
  | CanonicalFields
  | {
      readonly kind: 'joined';
      readonly fields: CanonicalFields;
      readonly computedHash: string;
      readonly bytes: Buffer;
      readonly line: number;
    }
  | Decoded<P>;

type Decoded<P> =
  | { readonly kind: 'decoded'; readonly event: StoredEvent }
  | { readonly kind: 'unreadable'; readonly problem: P };

/**
 * The lines one chunk completed, read but not yet hashed. Per line to hash, `ranges` holds
 * `BATCH_STRIDE` numbers: offsets into `bytes` of the canonical text `[start, end)`, of the
 * line's `hash` (64 hex), of the `logHash` it chains from (-2: it is `logBase`; -1: none to
 * compute), of the line's start, of its `prevHash` and of its own `logHash` (-1: none); then
 * its line number. Hashing a line means `attestedHash` of it, and `nextLogHash(base, hash)`.
 * It may run elsewhere (a worker thread); `settle` takes the results in order.
 */
export interface LineBatch<P = unknown> {
  readonly bytes: Uint8Array;
  readonly ranges: Int32Array;
  readonly logBase: string;
  /** @internal What `settle` pushes, in line order. */
  readonly items: readonly BatchItem<P>[];
}

/** Offsets a batch gives per line to hash (see `LineBatch`). */
export const BATCH_STRIDE = 8;

/**
 * The hashes of a batch, 64 hex characters per line, concatenated: of each canonical text,
 * and optionally `nextLogHash(base, hash)` of each line (64 `-` where there was none to
 * compute); `bytes` are the batch's bytes, handed back by whoever hashed them.
 */
export interface BatchHashes {
  readonly bytes: Uint8Array;
  readonly hashes: string;
  readonly logHashes?: string;
}

/** A verifier fed the bytes of a JSONL export in pieces of any size. */
export interface LinesVerifier<P> {
  /**
   * Verifies every line `chunk` completes; the caller may reuse `chunk` afterwards. False
   * once a line could not be read: stop feeding and call `end`.
   */
  readonly write: (chunk: Uint8Array) => boolean;
  /**
   * Reads the lines `chunk` completes without hashing them; `chunk` must stay as it is until
   * the batch is settled. Batches must be settled in the order they were scanned.
   */
  readonly scan: (chunk: Uint8Array) => LineBatch<P>;
  /** Pushes a scanned batch with its hashes; false once a line could not be read. */
  readonly settle: (batch: LineBatch<P>, hashed: BatchHashes) => boolean;
  /** True once a line could not be read: the rest of the input is not read. */
  readonly stopped: () => boolean;
  /** Verifies the last line (one without a newline) and reports. */
  readonly end: () => LinesReport<P>;
  /** Events pushed so far, for progress. */
  readonly events: () => number;
}

const NEWLINE = 0x0a;
const CR = 0x0d;
const BLANK = /^\s*$/;
/** What a hasher writes for a line whose global-chain hash it did not compute. */
const NOT_COMPUTED = '-'.repeat(64);

/** Where a canonical line's `hash` hex stands, before its canonical text. */
const HASH_BEFORE_CANONICAL = 65;

/** The `logHash` a line carries, whatever way it was read. */
const logHashOf = (item: BatchItem<unknown>): string | undefined =>
  !('kind' in item)
    ? item.logHash
    : item.kind === 'joined'
      ? item.fields.logHash
      : item.kind === 'decoded'
        ? item.event.logHash
        : undefined;

/** Hashes a batch in this thread (what a worker does elsewhere); no global-chain hashes. */
export const hashLineBatch = (batch: LineBatch): BatchHashes => {
  let hashes = '';
  const { bytes, ranges } = batch;
  for (let k = 0; k < ranges.length; k += BATCH_STRIDE) {
    const canonicalStart = ranges[k] as number;
    const end = ranges[k + 1] as number;
    const start = ranges[k + 4] as number;
    const prevHashAt = ranges[k + 5] as number;
    const logHashAt = ranges[k + 6] as number;
    // NOT_ATTESTED is shorter than a hash: pad it so that every line takes 64 characters.
    hashes += attestedHash(bytes, start, end, { canonicalStart, prevHashAt, logHashAt }).padEnd(64);
  }
  return { bytes, hashes };
};

/**
 * Verifies the hash chains of a JSONL export (docs/jsonl-format.md) from its bytes, with
 * the same classification as `verifyLog` over the decoded events. A line in the
 * canonical layout whose bytes hash to its `hash` is checked from its bytes (no decoding, no
 * JSON parse, no re-serialisation); every other line — another layout, a blank line, a line
 * whose content does not match its hash — is decoded by `decode` and pushed as before, so the
 * verdict and its wording are those of the decoded path. Lines are split as `readLines`
 * splits them: on `\n`, one trailing `\r` dropped, numbered from 1, blank lines skipped.
 */
export const createLinesVerifier = <P>(decode: LineDecoder<P>): LinesVerifier<P> => {
  const chain = createChainVerifier();
  let line = 0;
  /** Set when scanning met a line that cannot be read: nothing after it is read. */
  let scanStopped = false;
  let problem: { readonly value: P } | undefined;
  /** The start of a line that the previous chunks did not finish, copied. */
  let carry: Buffer[] = [];
  /** The `logHash` of the last line scanned that had one: the base of the next line's. */
  let scannedLogHash = GENESIS_HASH;
  /** Where that `logHash` stands in the batch being scanned (-2: before it, -1: elsewhere). */
  let lastLogAt = -2;

  const decodeText = (text: string, at: number): Decoded<P> | undefined => {
    if (BLANK.test(text)) return undefined;
    const decoded = decode(text, at);
    if (!decoded.ok) return { kind: 'unreadable', problem: decoded.problem };
    return { kind: 'decoded', event: decoded.event };
  };

  /** Reads the line `b[start, newline)`; adds what is to be pushed to `items` and `ranges`. */
  const scanLine = (
    b: Buffer,
    start: number,
    newline: number,
    joined: boolean,
    items: BatchItem<P>[],
    ranges: number[],
  ): void => {
    line++;
    const end = newline > start && b[newline - 1] === CR ? newline - 1 : newline;
    const fields = parseCanonicalLine(b, start, end);
    if (fields !== undefined) {
      const baseAt = lastLogAt;
      const hashAt = fields.canonicalStart - HASH_BEFORE_CANONICAL;
      if (fields.logHash !== undefined) {
        scannedLogHash = fields.logHash;
        lastLogAt = joined ? -1 : fields.logHashAt;
      }
      if (joined) {
        const computedHash = attestedHash(b, start, end, fields);
        items.push({ kind: 'joined', fields, computedHash, bytes: b.subarray(start, end), line });
        return;
      }
      ranges.push(
        fields.canonicalStart,
        end,
        hashAt,
        fields.logHash === undefined ? -1 : baseAt,
        start,
        fields.prevHashAt,
        fields.logHashAt,
        line,
      );
      items.push(fields);
      return;
    }
    const item = decodeText(b.toString('utf8', start, end), line);
    if (item === undefined) return;
    if (item.kind === 'unreadable') scanStopped = true;
    else if (item.event.logHash !== undefined) {
      scannedLogHash = item.event.logHash;
      lastLogAt = -1;
    }
    items.push(item);
  };

  const scan = (chunk: Uint8Array): LineBatch<P> => {
    const b = Buffer.isBuffer(chunk)
      ? chunk
      : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const items: BatchItem<P>[] = [];
    const ranges: number[] = [];
    const logBase = scannedLogHash;
    lastLogAt = -2;
    let from = 0;
    if (!scanStopped && carry.length > 0) {
      const newline = b.indexOf(NEWLINE);
      if (newline < 0) {
        carry.push(Buffer.from(b));
        from = b.length;
      } else {
        const joined = Buffer.concat([...carry, b.subarray(0, newline)]);
        carry = [];
        scanLine(joined, 0, joined.length, true, items, ranges);
        from = newline + 1;
      }
    }
    while (!scanStopped) {
      const newline = b.indexOf(NEWLINE, from);
      if (newline < 0) break;
      scanLine(b, from, newline, false, items, ranges);
      from = newline + 1;
    }
    if (!scanStopped && from < b.length) carry.push(Buffer.from(b.subarray(from)));
    return { bytes: b, ranges: Int32Array.from(ranges), logBase, items };
  };

  /** Pushes a line read the slow way; false when it could not be read. */
  const pushDecoded = (item: Decoded<P> | undefined): boolean => {
    if (item === undefined) return true;
    if (item.kind === 'unreadable') {
      problem = { value: item.problem };
      return false;
    }
    const { envelope, position, logHash } = item.event;
    chain.push(envelope, position, logHash);
    return true;
  };

  const settle = (batch: LineBatch<P>, hashed: BatchHashes): boolean => {
    if (problem !== undefined) return false;
    const bytes = Buffer.isBuffer(hashed.bytes)
      ? hashed.bytes
      : Buffer.from(hashed.bytes.buffer, hashed.bytes.byteOffset, hashed.bytes.byteLength);
    const { hashes, logHashes } = hashed;
    const { ranges } = batch;
    /** The `logHash` the line being pushed chains from, as scanning saw it (see `LineBatch`). */
    let base = batch.logBase;
    let slot = 0;
    for (const item of batch.items) {
      if (!('kind' in item)) {
        // A canonical line of this batch: its hashes are the next slot's.
        const at = slot * 64;
        const k = slot++ * BATCH_STRIDE;
        const computedHash = hashes.slice(at, at + 64);
        if (computedHash !== item.hash) {
          // Not the bytes that were hashed: the decoded path names what is wrong, as before.
          const text = bytes.toString('utf8', ranges[k + 4], ranges[k + 1]);
          if (!pushDecoded(decodeText(text, ranges[k + 7] as number))) return false;
        } else {
          const computedLogHash = logHashes?.slice(at, at + 64) ?? NOT_COMPUTED;
          if (item.logHash !== undefined && computedLogHash !== NOT_COMPUTED)
            chain.pushLink(item, computedHash, item.position, item.logHash, base, computedLogHash);
          else chain.pushLink(item, computedHash, item.position, item.logHash);
        }
        base = item.logHash ?? base;
        continue;
      }
      if (item.kind === 'joined') {
        const { fields } = item;
        if (item.computedHash !== fields.hash) {
          if (!pushDecoded(decodeText(item.bytes.toString('utf8'), item.line))) return false;
        } else chain.pushLink(fields, item.computedHash, fields.position, fields.logHash);
        base = fields.logHash ?? base;
        continue;
      }
      if (!pushDecoded(item)) return false;
      base = logHashOf(item) ?? base;
    }
    return true;
  };

  const write = (chunk: Uint8Array): boolean => {
    const batch = scan(chunk);
    return settle(batch, hashLineBatch(batch));
  };

  const end = (): LinesReport<P> => {
    if (problem === undefined && !scanStopped && carry.length > 0) {
      const last = Buffer.concat(carry);
      carry = [];
      const items: BatchItem<P>[] = [];
      scanLine(last, 0, last.length, true, items, []);
      settle(
        { bytes: last, ranges: new Int32Array(0), logBase: scannedLogHash, items },
        {
          bytes: last,
          hashes: '',
        },
      );
    }
    if (problem !== undefined) return { kind: 'unreadable', problem: problem.value };
    return { kind: 'verified', report: chain.finish() };
  };

  return { write, scan, settle, stopped: () => scanStopped, end, events: chain.count };
};
