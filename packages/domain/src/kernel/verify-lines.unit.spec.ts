import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { readCanonicalLine } from './canonical-line.js';
import {
  type EventEnvelope,
  envelopeCanonicalJson,
  GENESIS_HASH,
  nextLogHash,
  seal,
} from './envelope.js';
import type { StoredEvent } from './event-store.js';
import { verifyLog } from './verify.js';
import {
  BATCH_STRIDE,
  type BatchHashes,
  createLinesVerifier,
  hashLineBatch,
  type LineBatch,
  type LineDecoder,
} from './verify-lines.js';

const actor = { id: 'u-1', role: 'window-staff', unit: 'centre-1' };

/** Streams a, b, c interleaved; data with multi-byte characters and characters JSON escapes. */
const buildLog = (withLogHash = true): StoredEvent[] => {
  const heads = new Map<string, { v: number; h: string }>();
  const order = ['a', 'b', 'a', 'c', 'a', 'b', 'c', 'a'];
  let logHead = GENESIS_HASH;
  return order.map((name, i) => {
    const streamId = `ticket-${name}`;
    const head = heads.get(streamId) ?? { v: 0, h: GENESIS_HASH };
    const envelope = seal({
      eventId: `e-${i}`,
      streamId,
      streamVersion: head.v + 1,
      type: 'Noted',
      schemaVersion: 1,
      occurredAt: '2026-11-20T09:00:00+08:00',
      recordedAt: '2026-11-20T01:00:00.000Z',
      actor,
      commandId: `c-${i}`,
      causationId: `c-${i}`,
      correlationId: `c-${i}`,
      data: { text: `备注 ${i} "quoted" \\ 张三`, amount: i, nested: { eventId: 'x', list: [1] } },
      prevHash: head.h,
    }) as EventEnvelope;
    heads.set(streamId, { v: head.v + 1, h: envelope.hash });
    logHead = nextLogHash(logHead, envelope.hash);
    return {
      position: BigInt(i + 1),
      envelope,
      ...(withLogHash ? { logHash: logHead } : {}),
    };
  });
};

/** The canonical layout of docs/jsonl-format.md (what the CLI's `encodeLine` writes). */
const canonicalLine = (e: StoredEvent): string =>
  `{"position":"${e.position}"${e.logHash === undefined ? '' : `,"logHash":"${e.logHash}"`},"hash":"${e.envelope.hash}",${envelopeCanonicalJson(e.envelope).slice(1)}`;

/** Any other layout: what older exports wrote. */
const plainLine = (e: StoredEvent): string =>
  JSON.stringify({
    position: e.position.toString(),
    ...(e.logHash === undefined ? {} : { logHash: e.logHash }),
    ...e.envelope,
  });

interface Problem {
  readonly line: number;
  readonly why: string;
}

/** The decoded path, as a reader of the format decodes a line (JSON, then the fields). */
const decode: LineDecoder<Problem> = (text, line) => {
  try {
    const { position, logHash, ...envelope } = JSON.parse(text) as Record<string, unknown>;
    if (typeof position !== 'string' || typeof envelope.prevHash !== 'string')
      return { ok: false, problem: { line, why: 'not an event' } };
    if (!/^[0-9a-f]{64}$/.test(envelope.prevHash))
      return { ok: false, problem: { line, why: 'prevHash' } };
    return {
      ok: true,
      event: {
        position: BigInt(position),
        envelope: envelope as unknown as EventEnvelope,
        ...(typeof logHash === 'string' ? { logHash } : {}),
      },
    };
  } catch {
    return { ok: false, problem: { line, why: 'not JSON' } };
  }
};

/** Feeds `text` in pieces of `size` bytes (which split lines and characters anywhere). */
const verifyText = (text: string, size = 1 << 20) => {
  const bytes = Buffer.from(text, 'utf8');
  const verifier = createLinesVerifier(decode);
  for (let at = 0; at < bytes.length; at += size)
    if (!verifier.write(bytes.subarray(at, at + size))) break;
  return verifier.end();
};

/** What `verifyLog` says over the same lines decoded one by one (the path of old). */
const viaDecoding = async (lines: readonly string[]) => {
  const events: StoredEvent[] = [];
  let n = 0;
  for (const text of lines) {
    n++;
    if (text.trim() === '') continue;
    const decoded = decode(text, n);
    if (!decoded.ok) return { kind: 'unreadable' as const, problem: decoded.problem };
    events.push(decoded.event);
  }
  return { kind: 'verified' as const, report: await verifyLog(events) };
};

const SIZES = [1, 3, 7, 64, 1 << 20];

describe('X-07 verifying an export from its bytes agrees with verifying the decoded events', () => {
  it('given the canonical layout, when it is read in pieces of any size, then it verifies (fast path)', async () => {
    const lines = buildLog().map(canonicalLine);
    const text = `${lines.join('\n')}\n`;
    for (const size of SIZES)
      expect(verifyText(text, size)).toEqual({
        kind: 'verified',
        report: { ok: true, events: 8, streams: 3 },
      });
    expect(await viaDecoding(lines)).toEqual(verifyText(text));
  });

  it('given the canonical layout, the bytes after the prefix are the hashed text', () => {
    for (const e of buildLog()) {
      const bytes = Buffer.from(canonicalLine(e));
      const read = readCanonicalLine(bytes, 0, bytes.length);
      expect(read).toMatchObject({
        position: e.position,
        logHash: e.logHash,
        eventId: e.envelope.eventId,
        streamId: e.envelope.streamId,
        streamVersion: e.envelope.streamVersion,
        prevHash: e.envelope.prevHash,
        hash: e.envelope.hash,
        computedHash: e.envelope.hash,
      });
      // Left as it was.
      expect(bytes.toString()).toBe(canonicalLine(e));
    }
  });

  it('given an older layout, a mix of layouts, CRLF, blank lines and no logHash, then both paths agree', async () => {
    const log = buildLog();
    const mixed = log.map((e, i) => (i % 2 === 0 ? canonicalLine(e) : plainLine(e)));
    const variants = [
      log.map(plainLine),
      mixed,
      buildLog(false).map(canonicalLine),
      [...mixed.slice(0, 3), '', '   ', ...mixed.slice(3)],
    ];
    for (const lines of variants) {
      const expected = await viaDecoding(lines);
      expect(expected).toMatchObject({ kind: 'verified', report: { ok: true } });
      for (const size of SIZES) {
        expect(verifyText(lines.join('\n'), size)).toEqual(expected);
        expect(verifyText(`${lines.join('\r\n')}\r\n`, size)).toEqual(expected);
      }
    }
  });

  it('given a line that is not in the canonical layout but looks close, then it is decoded', () => {
    const [first] = buildLog().map(canonicalLine);
    // A space after the prefix: still valid JSON, no longer the hashed bytes.
    const spaced = (first ?? '').replace(',"actor":', ', "actor":');
    const bytes = Buffer.from(spaced);
    expect(readCanonicalLine(bytes, 0, bytes.length)).toBeUndefined();
    expect(verifyText(spaced)).toMatchObject({ kind: 'verified', report: { ok: true } });
  });
});

describe('X-07 every tampering is classified as the decoded path classifies it', () => {
  const log = buildLog();
  const lines = log.map(canonicalLine);
  const cases: Record<string, { lines: string[]; kind: string; eventId: string }> = {
    'one byte of data altered': {
      lines: lines.map((l, i) => (i === 3 ? l.replace('"amount":3', '"amount":4') : l)),
      kind: 'altered',
      eventId: 'e-3',
    },
    'one byte of the prefix hash altered': {
      lines: lines.map((l, i) =>
        i === 2 ? l.replace(`"hash":"${log[2]?.envelope.hash.slice(0, 1)}`, '"hash":"g') : l,
      ),
      kind: 'altered',
      eventId: 'e-2',
    },
    'logHash altered': {
      lines: lines.map((l, i) =>
        i === 4 ? l.replace(`"logHash":"${log[4]?.logHash}`, `"logHash":"${GENESIS_HASH}`) : l,
      ),
      kind: 'removed',
      eventId: 'e-4',
    },
    'a line removed': {
      lines: lines.filter((_, i) => i !== 3),
      kind: 'removed',
      eventId: 'e-4',
    },
    'a line inserted (repeated)': {
      lines: [...lines.slice(0, 5), lines[2] ?? '', ...lines.slice(5)],
      kind: 'reordered',
      eventId: 'e-2',
    },
    'two lines swapped': {
      lines: [
        ...lines.slice(0, 2),
        lines[4] ?? '',
        lines[3] ?? '',
        lines[2] ?? '',
        ...lines.slice(5),
      ],
      kind: 'reordered',
      eventId: 'e-4',
    },
    "a stream's event dropped, positions renumbered": {
      lines: log
        .filter((_, i) => i !== 2)
        .map((e, i) => canonicalLine({ ...e, position: BigInt(i + 1) })),
      // The next event of another stream no longer continues the global chain.
      kind: 'removed',
      eventId: 'e-3',
    },
  };

  for (const [name, c] of Object.entries(cases))
    it(`given ${name}, then it is found with the same classification`, async () => {
      const expected = await viaDecoding(c.lines);
      expect(expected).toMatchObject({
        kind: 'verified',
        report: { ok: false, break: { kind: c.kind, eventId: c.eventId } },
      });
      for (const size of SIZES) expect(verifyText(c.lines.join('\n'), size)).toEqual(expected);
    });

  it('given a line that no longer parses and a later one that does not either, then the first is named', async () => {
    const broken = lines.map((l, i) => (i === 2 || i === 5 ? l.replace('"amount"', '"amount') : l));
    const expected = await viaDecoding(broken);
    expect(expected).toEqual({ kind: 'unreadable', problem: { line: 3, why: 'not JSON' } });
    for (const size of SIZES) expect(verifyText(broken.join('\n'), size)).toEqual(expected);
  });

  it('given a prevHash that is not hex but hashes right, then the decoded path names it', () => {
    // A forged line: its hash recomputed over a prevHash in capitals.
    const e = log[0] as StoredEvent;
    const forged = seal({ ...e.envelope, prevHash: GENESIS_HASH.replace(/0/g, 'A') });
    const line = canonicalLine({ position: 1n, envelope: forged });
    expect(verifyText(line)).toEqual({ kind: 'unreadable', problem: { line: 1, why: 'prevHash' } });
  });

  it('given invalid UTF-8 inside a canonical line, then it is not taken as hashed text', () => {
    const e = log[0] as StoredEvent;
    const bytes = Buffer.from(canonicalLine({ position: e.position, envelope: e.envelope }));
    const at = bytes.indexOf('张');
    bytes[at + 1] = 0x41; // breaks the three-byte sequence
    const read = readCanonicalLine(bytes, 0, bytes.length);
    expect(read?.computedHash).not.toBe(read?.hash);
  });
});

/** What a worker hashes for a batch (see `LineBatch`): the texts, and the global chain ahead. */
const hashAhead = (batch: LineBatch): BatchHashes => {
  const hashed = hashLineBatch(batch);
  const hex = (p: number) => Buffer.from(batch.bytes).toString('latin1', p, p + 64);
  let logHashes = '';
  for (let k = 0; k < batch.ranges.length; k += BATCH_STRIDE) {
    const baseAt = batch.ranges[k + 3] as number;
    logHashes +=
      baseAt === -1
        ? '-'.repeat(64)
        : nextLogHash(
            baseAt === -2 ? batch.logBase : hex(baseAt),
            hex(batch.ranges[k + 2] as number),
          );
  }
  return { ...hashed, logHashes };
};

describe('X-07 hashing a batch elsewhere', () => {
  it('given batches hashed apart with the global chain hashed ahead, then the verdicts are the same', async () => {
    const log = buildLog();
    const variants = [
      log.map(canonicalLine),
      log.map((e, i) => (i === 5 ? plainLine(e) : canonicalLine(e))),
      log.map((e, i) =>
        i === 4 ? canonicalLine({ ...e, logHash: GENESIS_HASH }) : canonicalLine(e),
      ),
      log.filter((_, i) => i !== 3).map(canonicalLine),
    ];
    for (const lines of variants) {
      const bytes = Buffer.from(`${lines.join('\n')}\n`);
      const verifier = createLinesVerifier(decode);
      let hashedAhead = 0;
      for (let at = 0; at < bytes.length; at += 2500) {
        const batch = verifier.scan(Buffer.from(bytes.subarray(at, at + 2500)));
        hashedAhead += batch.ranges.length / BATCH_STRIDE;
        verifier.settle(batch, hashAhead(batch));
      }
      expect(hashedAhead).toBeGreaterThan(2);
      expect(verifier.end()).toEqual(await viaDecoding(lines));
    }
  });
});
