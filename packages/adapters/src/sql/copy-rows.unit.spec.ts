import { type EventEnvelope, GENESIS_HASH, seal } from '@civic-ledger/domain';
import { describe, expect, it } from 'vitest';
import { copyRows } from './copy-rows.js';

const envelope = (overrides: Partial<Record<keyof EventEnvelope, unknown>> = {}): EventEnvelope =>
  ({
    ...seal({
      eventId: 'e-1',
      streamId: 'ticket-1',
      streamVersion: 1,
      type: 'Noted',
      schemaVersion: 1,
      occurredAt: '2026-11-20T09:00:00+08:00',
      recordedAt: '2026-11-20T01:00:00.000Z',
      actor: { id: 'staff-007', role: 'window-staff', unit: 'centre-02' },
      commandId: 'c-1',
      causationId: 'c-1',
      correlationId: 'case-1',
      data: { n: 1 },
      prevHash: GENESIS_HASH,
    }),
    ...overrides,
  }) as EventEnvelope;

describe('COPY rows (text format)', () => {
  it('writes one tab-separated line a row, positions counted from the first', () => {
    const e = envelope();
    const text = copyRows([e, e], 41n, ['a'.repeat(64), 'b'.repeat(64)]);
    const rows = text.split('\n');
    expect(rows).toHaveLength(3);
    expect(rows[2]).toBe('');
    const fields = rows[0]!.split('\t');
    expect(fields).toHaveLength(16);
    expect(fields.slice(0, 4)).toEqual(['41', 'e-1', 'ticket-1', '1']);
    expect(fields[8]).toBe('{"id":"staff-007","role":"window-staff","unit":"centre-02"}');
    expect(fields[12]).toBe('{"n":1}');
    expect(fields.slice(13)).toEqual([GENESIS_HASH, e.hash, 'a'.repeat(64)]);
    expect(rows[1]!.split('\t')[0]).toBe('42');
  });

  it('escapes the characters COPY gives a meaning, so that they come back exactly', () => {
    const e = envelope({ eventId: 'a\tb\\c', data: { text: 'x\ny\r\\N \\.' } });
    const [fields] = copyRows([e], 1n, ['a'.repeat(64)])
      .split('\n')
      .map((row) => row.split('\t'));
    expect(fields?.[1]).toBe('a\\tb\\\\c');
    // JSON already escapes newlines; its own backslashes are doubled for COPY.
    expect(fields?.[12]).toBe('{"text":"x\\\\ny\\\\r\\\\\\\\N \\\\\\\\."}');
  });

  it('refuses a field of the wrong type instead of splicing it into the row', () => {
    expect(() => copyRows([envelope({ streamVersion: '1\t2' })], 1n, ['a'.repeat(64)])).toThrow(
      /streamVersion is not an integer/,
    );
    expect(() => copyRows([envelope({ eventId: 7 })], 1n, ['a'.repeat(64)])).toThrow(
      /eventId is not a string/,
    );
  });
});
