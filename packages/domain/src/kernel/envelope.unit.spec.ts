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
});
