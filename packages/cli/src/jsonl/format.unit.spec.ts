import {
  type EventEnvelope,
  envelopeCanonicalJson,
  GENESIS_HASH,
  nextLogHash,
  seal,
  sha256Hex,
} from '@civic-ledger/domain';
import { describe, expect, it } from 'vitest';
import { decodeLine, encodeLine, LineSchema } from './format.js';

const envelope = seal({
  eventId: 'e-1',
  streamId: 'ticket-T1',
  streamVersion: 1,
  type: 'TicketReceived',
  schemaVersion: 1,
  occurredAt: '2026-07-01T09:00:00+08:00',
  recordedAt: '2026-07-01T01:00:01.000Z',
  actor: { id: 's-1', role: 'window-staff', unit: 'centre-01' },
  commandId: 'c-1',
  causationId: 'c-1',
  correlationId: 'c-1',
  data: { ticketId: 'T1' },
  prevHash: GENESIS_HASH,
}) as EventEnvelope;
const stored = {
  position: 12345678901234567890n,
  envelope,
  logHash: nextLogHash(GENESIS_HASH, envelope.hash),
};

describe('X-07 the JSONL line format (docs/jsonl-format.md)', () => {
  it('round-trips an event with its position as a string and its logHash', () => {
    const line = encodeLine(stored);
    expect(JSON.parse(line).position).toBe('12345678901234567890');
    const decoded = decodeLine(line, 1);
    expect(decoded.ok && decoded.event).toEqual(stored);
  });

  it('writes the canonical layout: the prefix, then the hashed text without its opening brace', () => {
    const line = encodeLine(stored);
    const prefix = `{"position":"12345678901234567890","logHash":"${stored.logHash}","hash":"${envelope.hash}"`;
    expect(line.startsWith(`${prefix},"actor":`)).toBe(true);
    const canonical = `{${line.slice(prefix.length + 1)}`;
    expect(canonical).toBe(envelopeCanonicalJson(envelope));
    expect(sha256Hex(canonical)).toBe(envelope.hash);
    // Without a global chain, the same layout without logHash.
    const { logHash: _, ...withoutLogHash } = stored;
    expect(encodeLine(withoutLogHash)).toBe(line.replace(`,"logHash":"${stored.logHash}"`, ''));
    expect(decodeLine(encodeLine(withoutLogHash), 1)).toEqual({ ok: true, event: withoutLogHash });
  });

  it('names the line of invalid JSON', () => {
    const decoded = decodeLine('{"position": ', 7);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.problem.message.en).toMatch(/^line 7 is not valid JSON/);
  });

  it('names the field of an invalid envelope', () => {
    const decoded = decodeLine(
      encodeLine(stored).replace('"streamVersion":1', '"streamVersion":0'),
      3,
    );
    expect(!decoded.ok && decoded.problem.message.en).toMatch(/line 3 .* field streamVersion/);
  });

  it('refuses fields the hash does not cover', () => {
    const decoded = decodeLine(encodeLine(stored).replace('{', '{"note":"added later",'), 2);
    expect(!decoded.ok && decoded.problem.message.en).toMatch(/line 2/);
  });
});

describe('X-07 the fast line check agrees with the schema', () => {
  const line = JSON.parse(encodeLine(stored)) as Record<string, unknown>;
  const variants: Record<string, unknown>[] = [
    line,
    { ...line, logHash: undefined },
    { ...line, occurredAt: '2028-02-29T23:59:59.123456+08:00' },
    { ...line, occurredAt: '2026-02-29T09:00:00+08:00' },
    { ...line, occurredAt: '2100-02-29T09:00:00Z' },
    { ...line, occurredAt: '2026-04-31T09:00:00Z' },
    { ...line, occurredAt: '2026-12-31T24:00:00Z' },
    { ...line, occurredAt: '2026-12-31T09:00:00+24:00' },
    { ...line, occurredAt: '2026-12-31T09:00Z' },
    { ...line, occurredAt: '2026-12-31 09:00:00Z' },
    { ...line, recordedAt: '2026-07-01T01:00:01.000-05:30' },
    { ...line, streamVersion: 1.5 },
    { ...line, schemaVersion: 0 },
    { ...line, position: '0' },
    { ...line, position: '01' },
    { ...line, logHash: 'ABC' },
    { ...line, hash: String(line.hash).toUpperCase() },
    // Each character class boundary of the hex check: '/' ':' '`' 'g' around 0-9 and a-f;
    // beyond ASCII, characters whose low bits are a hex digit's ('°' is 0xB0, '١' a digit).
    ...['/', ':', '`', 'g', '\u00b0', '\u0130', '\u0661'].map((c) => ({
      ...line,
      prevHash: `${c}${String(line.prevHash).slice(1)}`,
    })),
    { ...line, hash: String(line.hash).slice(1) },
    { ...line, hash: `${String(line.hash)}0` },
    { ...line, logHash: `${String(line.logHash).slice(0, 63)}g` },
    { ...line, prevHash: 7 },
    { ...line, eventId: '' },
    { ...line, data: [] },
    { ...line, data: null },
    { ...line, actor: { id: 'a', role: '', unit: 'u' } },
    { ...line, actor: { id: 'a', role: 'r', unit: 'u', extra: 1 } },
    { ...line, extra: 1 },
  ];
  it('never accepts a line the schema refuses, and accepts the lines the exporter writes', async () => {
    const { surelyValidLine } = await import('./fast-check.js');
    expect(surelyValidLine(line)).toBe(true);
    for (const v of variants) {
      const text = JSON.stringify(v);
      const viaSchema = LineSchema.safeParse(JSON.parse(text)).success;
      if (surelyValidLine(JSON.parse(text))) expect([text, viaSchema]).toEqual([text, true]);
    }
  });
});
