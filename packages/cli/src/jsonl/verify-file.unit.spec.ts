import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BATCH_STRIDE,
  createLinesVerifier,
  type EventEnvelope,
  GENESIS_HASH,
  hashLineBatch,
  nextLogHash,
  type StoredEvent,
  seal,
  verifyLog,
} from '@civic-ledger/domain';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeLine, encodeLine } from './format.js';
import { createHashWorker } from './hash-worker.js';
import { readEventsFile } from './read-events.js';
import { verifyFile } from './verify-file.js';

const dir = mkdtempSync(join(tmpdir(), 'civic-ledger-verify-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 3 000 events over 40 streams (enough for several read chunks), names in Chinese. */
const buildLog = (): StoredEvent[] => {
  const heads = new Map<string, { v: number; h: string }>();
  let logHead = GENESIS_HASH;
  return Array.from({ length: 3000 }, (_, i) => {
    const streamId = `ticket-T${i % 40}`;
    const head = heads.get(streamId) ?? { v: 0, h: GENESIS_HASH };
    const envelope = seal({
      eventId: `e-${i}`,
      streamId,
      streamVersion: head.v + 1,
      type: 'TicketNoted',
      schemaVersion: 1,
      occurredAt: '2026-07-01T09:00:00+08:00',
      recordedAt: '2026-07-01T01:00:01.000Z',
      actor: { id: 's-1', role: 'window-staff', unit: 'centre-01' },
      commandId: `c-${i}`,
      causationId: `c-${i}`,
      correlationId: streamId,
      data: { note: `申请人张三第 ${i} 次补正材料，${'备注'.repeat(200)}`, n: i },
      prevHash: head.h,
    }) as EventEnvelope;
    heads.set(streamId, { v: head.v + 1, h: envelope.hash });
    logHead = nextLogHash(logHead, envelope.hash);
    return { position: BigInt(i + 1), envelope, logHash: logHead };
  });
};

const log = buildLog();
const lines = log.map(encodeLine);

const write = (content: string): string => {
  const path = join(dir, `f-${Math.random().toString(36).slice(2)}.jsonl`);
  writeFileSync(path, content);
  return path;
};

/** What the decoded path says: every line decoded, then `verifyLog`. */
const viaDecoding = async (path: string) => {
  try {
    return { kind: 'verified', report: await verifyLog(readEventsFile(path)) };
  } catch (error) {
    return { kind: 'unreadable', message: (error as { message?: unknown }).message };
  }
};

const viaBytes = async (path: string) => {
  const result = await verifyFile(path);
  return result.kind === 'verified'
    ? result
    : { kind: 'unreadable', message: result.problem.message.en };
};

describe('X-07 verify --from reads the export by its bytes, with the verdict of the decoded path', () => {
  it('given an export in the canonical layout, then it verifies', async () => {
    const path = write(`${lines.join('\n')}\n`);
    expect(await viaBytes(path)).toEqual({
      kind: 'verified',
      report: { ok: true, events: 3000, streams: 40 },
    });
  });

  it('given the older layout (plain JSON.stringify), then it verifies the same', async () => {
    const plain = log.map((e) =>
      JSON.stringify({ position: e.position.toString(), logHash: e.logHash, ...e.envelope }),
    );
    const path = write(plain.join('\r\n'));
    expect(await viaBytes(path)).toEqual(await viaDecoding(path));
    expect(await viaBytes(path)).toMatchObject({ report: { ok: true, events: 3000 } });
  });

  const tampered: Record<string, string[]> = {
    'one byte of data altered': lines.map((l, i) =>
      i === 1500 ? l.replace('"n":1500', '"n":1501') : l,
    ),
    'a line removed': lines.filter((_, i) => i !== 2000),
    'two lines swapped': lines.map((l, i) =>
      i === 1000 ? (lines[1001] ?? '') : i === 1001 ? (lines[1000] ?? '') : l,
    ),
    'a line repeated': [...lines.slice(0, 2500), lines[10] ?? '', ...lines.slice(2500)],
    'a line that no longer parses': lines.map((l, i) => (i === 2999 ? l.slice(0, -1) : l)),
  };
  for (const [name, content] of Object.entries(tampered))
    it(`given ${name}, then the break (or the line) is named as the decoded path names it`, async () => {
      const path = write(`${content.join('\n')}\n`);
      const expected = await viaDecoding(path);
      expect(expected).not.toMatchObject({ report: { ok: true } });
      expect(await viaBytes(path)).toEqual(expected);
    });
});

describe('X-07 the hashing worker', () => {
  it('given a batch, then it hashes what hashLineBatch hashes and the global chain ahead', async () => {
    const text = Buffer.from(`${lines.slice(0, 200).join('\n')}\n`);
    const verifier = createLinesVerifier(decodeLine);
    // Bytes that own their ArrayBuffer: they are moved to the worker and back.
    const bytes = Buffer.from(text.buffer.slice(text.byteOffset, text.byteOffset + 300_000));
    const batch = verifier.scan(bytes);
    const expected = hashLineBatch({ ...batch, bytes: Buffer.from(bytes) });
    const worker = createHashWorker();
    try {
      const hashed = await worker.hash(batch);
      const n = batch.ranges.length / BATCH_STRIDE;
      expect(n).toBeGreaterThan(100);
      expect(hashed.hashes).toBe(expected.hashes);
      expect(Buffer.from(hashed.bytes).equals(Buffer.from(text.subarray(0, 300_000)))).toBe(true);
      // Line k chains from line k-1's logHash (the first from GENESIS): all computed ahead.
      const ahead = log
        .slice(0, n)
        .map((e, k) =>
          nextLogHash(k === 0 ? GENESIS_HASH : (log[k - 1]?.logHash ?? ''), e.envelope.hash),
        );
      expect(hashed.logHashes).toBe(ahead.join(''));
      expect(ahead).toEqual(log.slice(0, n).map((e) => e.logHash));
    } finally {
      await worker.close();
    }
  });
});
