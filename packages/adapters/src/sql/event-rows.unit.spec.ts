import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrayLiteral } from './event-rows.js';

describe('array literals of the append parameters', () => {
  let db: PGlite;
  beforeAll(async () => {
    db = await PGlite.create();
  });
  afterAll(async () => {
    await db.close();
  });

  const roundTrip = async (values: readonly unknown[], type: 'text' | 'integer') => {
    const { rows } = await db.query<{ v: unknown[] }>(`SELECT $1::${type}[] AS v`, [
      arrayLiteral(values),
    ]);
    return rows[0]?.v;
  };

  it('X-07 given strings with quotes, backslashes, braces, commas and non-ASCII, when sent as one literal, then the server reads each back exactly', async () => {
    const values = [
      '',
      'NULL',
      'plain',
      'say "hi"',
      'back\\slash \\" both',
      '{"a":[1,2.5,"x"],"b":"c\\"d"}',
      ' lead, trail ',
      '窗口受理 · ok',
      '{}',
    ];
    expect(typeof arrayLiteral(values)).toBe('string');
    expect(await roundTrip(values, 'text')).toEqual(values);
  });

  it('X-07 given integers, when sent as one literal, then the server reads them back', async () => {
    expect(arrayLiteral([0, 1, -4, 2_147_483_647])).toBe('{0,1,-4,2147483647}');
    expect(await roundTrip([0, 1, -4, 2_147_483_647], 'integer')).toEqual([
      0, 1, -4, 2_147_483_647,
    ]);
    expect(await roundTrip([], 'integer')).toEqual([]);
  });

  it('given control characters, surrogates or values that are not plain, when encoded, then the array is left to the driver', () => {
    for (const odd of [['a\nb'], ['tab\t'], ['\u0001'], ['\ud800'], ['😀'], [null], [1.5], [{}]])
      expect(arrayLiteral(odd)).toBe(odd);
  });

  it('given a control character left to the driver, when sent, then it still reads back exactly', async () => {
    const values = ['line\nbreak', 'tab\there'];
    expect(await roundTrip(values, 'text')).toEqual(values);
  });
});
