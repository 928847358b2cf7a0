import { describe, expect, it } from 'vitest';
import { computeHash, type EventEnvelope, GENESIS_HASH, nextLogHash, seal } from './envelope.js';
import type { StoredEvent } from './event-store.js';
import { verifyLog, verifyStream } from './verify.js';

const actor = { id: 'u-1', role: 'window-staff', unit: 'centre-1' };

/** A valid chain: events of streams a and b interleaved in the global log. */
const buildLog = (): StoredEvent[] => {
  const heads = new Map<string, { v: number; h: string }>();
  const order = ['a', 'b', 'a', 'a', 'b', 'a'];
  return order.map((streamId, i) => {
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
      data: { text: `note ${i}`, amount: i },
      prevHash: head.h,
    });
    heads.set(streamId, { v: head.v + 1, h: envelope.hash });
    return { position: BigInt(i + 1), envelope };
  });
};

/** The same log as a store with a global chain returns it. */
const withLogHashes = (log: StoredEvent[]): StoredEvent[] => {
  let head = GENESIS_HASH;
  return log.map((e) => {
    head = nextLogHash(head, e.envelope.hash);
    return { ...e, logHash: head };
  });
};

const reseal = (e: EventEnvelope, patch: Partial<EventEnvelope>): EventEnvelope => {
  const changed = { ...e, ...patch } as EventEnvelope;
  return { ...changed, hash: computeHash(changed) } as EventEnvelope;
};

describe('hash chain (X-07)', () => {
  it('an untouched log verifies', async () => {
    const report = await verifyLog(buildLog());
    expect(report).toEqual({ ok: true, events: 6, streams: 2 });
  });

  it('detects an altered event (data changed, hash left alone)', async () => {
    const log = buildLog();
    const victim = log[2]!;
    log[2] = { ...victim, envelope: { ...victim.envelope, data: { text: 'forged', amount: 2 } } };
    const report = await verifyLog(log);
    expect(report.ok).toBe(false);
    if (report.ok) return;
    expect(report.break).toMatchObject({
      kind: 'altered',
      streamId: 'a',
      streamVersion: 2,
      position: 3n,
      eventId: 'e-2',
    });
  });

  it('detects an altered event that was re-hashed, at the event that was changed', async () => {
    const log = buildLog();
    log[2] = { ...log[2]!, envelope: reseal(log[2]!.envelope, { data: { text: 'forged' } }) };
    const report = await verifyLog(log);
    expect(!report.ok && report.break).toMatchObject({ kind: 'altered', eventId: 'e-2' });
  });

  it('detects a removed event', async () => {
    const log = buildLog();
    log.splice(2, 1);
    const report = await verifyLog(log);
    expect(!report.ok && report.break).toMatchObject({
      kind: 'removed',
      streamId: 'a',
      streamVersion: 3,
    });
  });

  it('detects an inserted event (a forged copy at a version that exists)', async () => {
    const log = buildLog();
    const forged = reseal(log[3]!.envelope, { eventId: 'forged', data: { text: 'extra' } });
    log.splice(4, 0, { position: 4n, envelope: forged });
    const positioned = log.map((e, i) => ({ ...e, position: BigInt(i + 1) }));
    const report = await verifyLog(positioned);
    expect(!report.ok && report.break).toMatchObject({
      kind: 'inserted',
      streamId: 'a',
      eventId: 'forged',
    });
  });

  it('detects reordered events within a stream', async () => {
    const log = buildLog().map((e) => e.envelope);
    const a = log.filter((e) => e.streamId === 'a');
    [a[1], a[2]] = [a[2]!, a[1]!];
    const report = verifyStream(a);
    // Reported at the event that arrived before its predecessor.
    expect(!report.ok && report.break).toMatchObject({
      kind: 'reordered',
      streamId: 'a',
      streamVersion: 3,
    });
  });

  it('detects positions that go backwards in the global log', async () => {
    const log = buildLog();
    const swapped = [log[0]!, log[1]!, { ...log[3]!, position: 3n }, { ...log[2]!, position: 2n }];
    const report = await verifyLog(swapped);
    expect(!report.ok && report.break.kind).toBe('reordered');
  });

  it("detects a whole stream removed, through the store's global chain", async () => {
    const log = withLogHashes(buildLog()).filter((e) => e.envelope.streamId !== 'b');
    expect((await verifyLog(log.map(({ logHash: _, ...e }) => e))).ok).toBe(true); // per-stream chains alone cannot see it
    const report = await verifyLog(log);
    expect(!report.ok && report.break).toMatchObject({
      kind: 'removed',
      streamId: 'a',
      streamVersion: 2,
    });
  });

  it('names the broken event in both languages', async () => {
    const log = buildLog();
    log[4] = {
      ...log[4]!,
      envelope: { ...log[4]!.envelope, occurredAt: '2026-11-21T09:00:00+08:00' },
    };
    const report = await verifyLog(log);
    expect(!report.ok && report.break.message.zh).toContain('流 b');
    expect(!report.ok && report.break.message.en).toContain('stream b');
  });
});
