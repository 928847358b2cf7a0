/**
 * Facts of one kind as columns of numbers: read models that keep one small record per
 * measurement (a wait, a completion, a rating) for millions of events hold them in typed
 * arrays grown by doubling — a dozen bytes a fact instead of an object, its fields and its
 * strings (about ten times more). Queries scan the columns; what a fact names (a local date,
 * a list of units, a community) is stored as a number: a day number or an index into an
 * {@link Interned} list kept in the same state.
 */
export interface FactTable {
  /** Facts held: the first `length` entries of every column. */
  length: number;
  /** Column `c` of fact `i` is `columns[c][i]`; integer columns are Int32, the rest Float64. */
  columns: (Int32Array | Float64Array)[];
}

/** The kind of each column: `int` (32-bit) or `float`. */
export type ColumnKind = 'int' | 'float';

const column = (kind: ColumnKind, size: number): Int32Array | Float64Array =>
  kind === 'int' ? new Int32Array(size) : new Float64Array(size);

/** An empty table with columns of the given kinds. */
export const factTable = (kinds: readonly ColumnKind[], capacity = 256): FactTable => ({
  length: 0,
  columns: kinds.map((k) => column(k, capacity)),
});

/** Appends one fact (one value per column, in order) and returns its index. */
export const addFact = (table: FactTable, values: readonly number[]): number => {
  const i = table.length;
  const first = table.columns[0];
  if (first !== undefined && i === first.length)
    table.columns = table.columns.map((c) => {
      const bigger =
        c instanceof Int32Array ? new Int32Array(c.length * 2) : new Float64Array(c.length * 2);
      bigger.set(c);
      return bigger;
    });
  const { columns } = table;
  for (let k = 0; k < columns.length; k++)
    (columns[k] as Int32Array | Float64Array)[i] = values[k] ?? 0;
  table.length = i + 1;
  return i;
};

/** Column `c` of a table (typed for indexing; values past `length` are unused). */
export const col = (table: FactTable, c: number): Int32Array | Float64Array => {
  const values = table.columns[c];
  if (values === undefined) throw new RangeError(`no column ${c}`);
  return values;
};

/** Strings kept once each and named by their index (unit lists, communities), in a state. */
export interface Interned<T> {
  readonly values: T[];
  readonly ids: Map<string, number>;
}

/** An empty interning list. */
export const interned = <T>(): Interned<T> => ({ values: [], ids: new Map() });

/** The index of the value with this key, adding `make()` under it the first time. */
export const internId = <T>(list: Interned<T>, key: string, make: () => T): number => {
  let id = list.ids.get(key);
  if (id === undefined) {
    id = list.values.length;
    list.values.push(make());
    list.ids.set(key, id);
  }
  return id;
};

const DAY_MS = 86_400_000;
const days = new Map<string, number>();
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The day number (days since 1970-01-01) of a local date `YYYY-MM-DD`: integers compare as the
 * dates do. Memoised (a few thousand distinct dates in any log; bounded all the same).
 */
export const dayNumber = (date: string): number => {
  let n = days.get(date);
  if (n === undefined) {
    const m = DATE.exec(date);
    if (!m) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${date}`);
    n = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
    if (days.size >= 100_000) days.clear();
    days.set(date, n);
  }
  return n;
};

/** The local date `YYYY-MM-DD` of a day number (the inverse of {@link dayNumber}). */
export const dateOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
