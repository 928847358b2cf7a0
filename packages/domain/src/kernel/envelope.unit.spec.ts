import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';
import {
  computeHash,
  deriveEventId,
  envelopeCanonicalJson,
  GENESIS_HASH,
  seal,
} from './envelope.js';

const text = fc.string({ maxLength: 20 });
const envelope = fc.record({
  eventId: text,
  streamId: text,
  streamVersion: fc.integer({ min: 1, max: 1e9 }),
  type: text,
  schemaVersion: fc.integer({ min: 1, max: 9 }),
  occurredAt: text,
  recordedAt: text,
  actor: fc.record({ id: text, role: text, unit: text }),
  commandId: text,
  causationId: text,
  correlationId: text,
  data: fc.dictionary(text, fc.jsonValue()),
  prevHash: fc.constant(GENESIS_HASH),
});

describe('envelope hashing (X-07)', () => {
  it('the specialised envelope text equals the generic canonical JSON of the same fields', () => {
    fc.assert(
      fc.property(envelope, (e) => {
        expect(envelopeCanonicalJson(e)).toBe(canonicalJson(e));
      }),
      { seed: 11, numRuns: 300 },
    );
  });

  it('seal adds the hash of everything else, and the hash changes with any field', () => {
    fc.assert(
      fc.property(envelope, text, (e, other) => {
        const sealed = seal(e);
        expect(sealed.hash).toBe(computeHash(sealed));
        fc.pre(other !== e.commandId);
        expect(computeHash({ ...sealed, commandId: other })).not.toBe(sealed.hash);
      }),
      { seed: 12, numRuns: 200 },
    );
  });

  it('derives the same UUID-shaped event id for the same command and index only', () => {
    const id = deriveEventId('cmd-1', 0);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(deriveEventId('cmd-1', 0)).toBe(id);
    expect(deriveEventId('cmd-1', 1)).not.toBe(id);
    expect(deriveEventId('cmd-2', 0)).not.toBe(id);
  });

  it('X-07 keeps the ids and hashes written before (exports made earlier still verify)', () => {
    // Values produced by the implementation before the hot path was reworked.
    expect([deriveEventId('cmd-1', 0), deriveEventId('cmd-1', 1), deriveEventId('x', 7)]).toEqual([
      '39e85035-01a2-8a15-86ea-b2ed58f359e3',
      '1534d94e-d8e0-8889-8255-e9325802fe86',
      '2ea6cdd4-e8c2-8b24-8a73-086e13bdcc21',
    ]);
    const e = {
      eventId: deriveEventId('cmd-1', 0),
      streamId: 'ticket-T2026-0001',
      streamVersion: 3,
      type: 'TicketReceived',
      schemaVersion: 2,
      occurredAt: '2026-11-20T09:00:00+08:00',
      recordedAt: '2026-11-20T01:00:00.000Z',
      actor: { id: 'staff-001', role: 'window-staff', unit: 'centre-01' },
      commandId: 'cmd-1',
      causationId: 'cmd-1',
      correlationId: 'case-"9"',
      data: {
        z: 1,
        a: [1, { y: '张三', b: null }],
        m: -0,
        k: 1.5e21,
        é: true,
        '10': 'x',
        '2': 'y',
      },
      prevHash: GENESIS_HASH,
    };
    // One string to escape (the slow path) and none (the fast path).
    expect(computeHash(e)).toBe('3e0d1a26aa2ec40df3095ddf07553cdea3dd3dd376476808b866122a93664db5');
    expect(computeHash({ ...e, correlationId: 'case-9' })).toBe(
      'e9900c8a410f10413cef2002b70f651db0b9f7b11e4d920cc1e4717686296dd1',
    );
  });

  it('the specialised text equals the generic one whatever the strings hold (both paths)', () => {
    const any = fc.string({ unit: 'binary', maxLength: 12 });
    const plain = fc.stringMatching(/^[A-Za-z0-9:+.-]{0,20}$/);
    const strings = fc.oneof(plain, any);
    fc.assert(
      fc.property(
        fc.record({
          eventId: strings,
          streamId: strings,
          streamVersion: fc.integer({ min: 1, max: 1e9 }),
          type: strings,
          schemaVersion: fc.integer({ min: 1, max: 9 }),
          occurredAt: strings,
          recordedAt: strings,
          actor: fc.record({ id: strings, role: strings, unit: strings }),
          commandId: strings,
          causationId: strings,
          correlationId: strings,
          data: fc.dictionary(any, fc.jsonValue()),
          prevHash: strings,
        }),
        (e) => {
          expect(envelopeCanonicalJson(e)).toBe(canonicalJson(e));
        },
      ),
      { seed: 13, numRuns: 300 },
    );
  });
});
