import { describe, expect, it } from 'vitest';
import { addFact, col, dateOfDay, dayNumber, factTable, interned, internId } from './fact-table.js';
import { fromJson, toJson } from './json-codec.js';

describe('fact tables: facts as columns of numbers', () => {
  it('given more facts than its capacity, when added, then every row is kept in order', () => {
    const table = factTable(['int', 'float', 'small', 'flag'], 2);
    for (let i = 0; i < 50; i++) addFact(table, [i, i + 0.5, 20_000 + i, i % 2]);
    expect(table.length).toBe(50);
    const first = (c: number) => [...col(table, c).slice(0, 50)];
    const is = Array.from({ length: 50 }, (_, i) => i);
    expect(first(0)).toEqual(is);
    expect(first(1)).toEqual(is.map((i) => i + 0.5));
    expect(first(2)).toEqual(is.map((i) => 20_000 + i));
    expect(first(3)).toEqual(is.map((i) => i % 2));
  });

  it('given each kind, then its column starts as narrow as its values allow', () => {
    const table = factTable(['flag', 'small', 'index-or-none', 'int', 'float']);
    expect(table.columns.map((c) => c.constructor)).toEqual([
      Uint8Array,
      Uint16Array,
      Int16Array,
      Int32Array,
      Float64Array,
    ]);
  });

  it('given a u16 column, when 70 000 is added, then it widens and every value reads back exactly', () => {
    const table = factTable(['small', 'flag'], 4);
    const days = [0, 1, 20_500, 65_535, 7];
    for (const d of days) addFact(table, [d, 1]);
    addFact(table, [70_000, 0]);
    expect(col(table, 0)).toBeInstanceOf(Int32Array);
    expect([...col(table, 0).slice(0, 6)]).toEqual([...days, 70_000]);
    // The other column keeps its width.
    expect(col(table, 1)).toBeInstanceOf(Uint8Array);
    expect([...col(table, 1).slice(0, 6)]).toEqual([1, 1, 1, 1, 1, 0]);
  });

  it('given narrow columns, when a value does not fit, then the column widens only as far as needed and nothing is lost', () => {
    const table = factTable(['flag', 'flag', 'small', 'index-or-none', 'small', 'int'], 2);
    addFact(table, [1, 5, 3, 2, 9, 4]);
    // A flag column past a byte, one with a -1, an index past 32 767 (signed), a fraction,
    // an integer past 2^31.
    addFact(table, [300, -1, -1, 40_000, 2.5, 2 ** 40]);
    addFact(table, [0, 4, 65_535, -1, 3, -(2 ** 31)]);
    expect(table.columns.map((c) => c.constructor)).toEqual([
      Uint16Array,
      Int16Array,
      Int32Array,
      Int32Array,
      Float64Array,
      Float64Array,
    ]);
    const rows = (c: number) => [...col(table, c).slice(0, 3)];
    expect(rows(0)).toEqual([1, 300, 0]);
    expect(rows(1)).toEqual([5, -1, 4]);
    expect(rows(2)).toEqual([3, -1, 65_535]);
    expect(rows(3)).toEqual([2, 40_000, -1]);
    expect(rows(4)).toEqual([9, 2.5, 3]);
    expect(rows(5)).toEqual([4, 2 ** 40, -(2 ** 31)]);
  });

  it('given local dates, then day numbers order as the dates do and convert back', () => {
    const dates = ['2024-02-29', '2026-01-01', '2026-12-31', '2027-01-01', '2030-07-15'];
    const days = dates.map(dayNumber);
    expect([...days].sort((a, b) => a - b)).toEqual(days);
    expect(days.map(dateOfDay)).toEqual(dates);
    expect(() => dayNumber('2026-1-1')).toThrow(RangeError);
  });

  it('given an interning list, then a value seen again keeps its index', () => {
    const list = interned<string>();
    expect(internId(list, 'a', () => 'a')).toBe(0);
    expect(internId(list, 'b', () => 'b')).toBe(1);
    expect(internId(list, 'a', () => 'a')).toBe(0);
    expect(list.values).toEqual(['a', 'b']);
  });

  it('given a state with fact tables, when saved as JSON and read back, then it is the same', () => {
    const kinds = ['small', 'float', 'flag', 'index-or-none', 'int'] as const;
    const state = { rows: factTable(kinds, 4), names: interned<string>() };
    addFact(state.rows, [dayNumber('2026-04-02'), 12.25, 1, -1, -7]);
    internId(state.names, 'centre-01', () => 'centre-01');
    const back = fromJson(JSON.parse(JSON.stringify(toJson(state)))) as typeof state;
    expect(back).toEqual(state);
    expect(back.rows.columns.map((c) => c.constructor)).toEqual([
      Uint16Array,
      Float64Array,
      Uint8Array,
      Int16Array,
      Int32Array,
    ]);
  });

  it('given a state saved before columns were narrowed ($i32 / $f64), when loaded, then facts read back and can be added', () => {
    const saved = {
      rows: { length: 2, columns: [{ $i32: [20_545, 20_546, 0] }, { $f64: [12.25, 3, 0] }] },
    };
    const state = fromJson(saved) as { rows: ReturnType<typeof factTable> };
    addFact(state.rows, [20_547, 4.5]);
    addFact(state.rows, [20_548, 1]);
    expect(state.rows.length).toBe(4);
    expect([...col(state.rows, 0).slice(0, 4)]).toEqual([20_545, 20_546, 20_547, 20_548]);
    expect([...col(state.rows, 1).slice(0, 4)]).toEqual([12.25, 3, 4.5, 1]);
  });
});
