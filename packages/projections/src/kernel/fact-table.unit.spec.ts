import { describe, expect, it } from 'vitest';
import { addFact, col, dateOfDay, dayNumber, factTable, interned, internId } from './fact-table.js';
import { fromJson, toJson } from './json-codec.js';

describe('fact tables: facts as columns of numbers', () => {
  it('given more facts than its capacity, when added, then every row is kept in order', () => {
    const table = factTable(['int', 'float'], 2);
    for (let i = 0; i < 5; i++) addFact(table, [i, i + 0.5]);
    expect(table.length).toBe(5);
    expect([...col(table, 0).slice(0, 5)]).toEqual([0, 1, 2, 3, 4]);
    expect([...col(table, 1).slice(0, 5)]).toEqual([0.5, 1.5, 2.5, 3.5, 4.5]);
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
    const state = { rows: factTable(['int', 'float'], 4), names: interned<string>() };
    addFact(state.rows, [dayNumber('2026-04-02'), 12.25]);
    internId(state.names, 'centre-01', () => 'centre-01');
    const back = fromJson(JSON.parse(JSON.stringify(toJson(state))));
    expect(back).toEqual(state);
    expect((back as typeof state).rows.columns[0]).toBeInstanceOf(Int32Array);
    expect((back as typeof state).rows.columns[1]).toBeInstanceOf(Float64Array);
  });
});
