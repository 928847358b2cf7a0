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

  it('orders keys as the default sort does, for any number of keys and any characters', () => {
    // The reference: the form before key sorting was hand-written (Array.prototype.sort).
    const reference = (value: unknown): string => {
      if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
      if (value === null || typeof value !== 'object') return JSON.stringify(value);
      const record = value as Record<string, unknown>;
      return `{${Object.keys(record)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${reference(record[k])}`)
        .join(',')}}`;
    };
    const key = fc.oneof(fc.string({ unit: 'binary', maxLength: 4 }), fc.nat(30).map(String));
    fc.assert(
      fc.property(fc.dictionary(key, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 40 }), (value) => {
        expect(canonicalJson(value)).toBe(reference(JSON.parse(JSON.stringify(value))));
      }),
      { seed: 9, numRuns: 300 },
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
