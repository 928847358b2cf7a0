import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, jsonString } from './canonical-json.js';

describe('canonical JSON (X-07 hashes depend on it)', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('is the same for any key order and parses back to the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it('refuses values JSON cannot carry faithfully', () => {
    expect(() => canonicalJson(1n)).toThrow(/bigint/);
    expect(() => canonicalJson(Number.NaN)).toThrow(/non-finite/);
  });
});

describe('jsonString', () => {
  it('writes every string exactly as JSON.stringify does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(jsonString(s)).toBe(JSON.stringify(s));
      }),
      { seed: 8, numRuns: 500 },
    );
    for (const s of ['"', '\\', '\n', '\u2028', '\ud800', '😀', 'a"b'])
      expect(jsonString(s)).toBe(JSON.stringify(s));
  });
});
