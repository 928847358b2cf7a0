/**
 * Facts of one kind as columns of numbers: read models that keep one small record per
 * measurement (a wait, a completion, a rating) for millions of events hold them in typed
 * arrays — a few bytes a fact instead of an object, its fields and its strings (twenty times
 * more). Queries scan the columns; what a fact names (a local date, a list of units, a
 * community) is stored as a number: a day number or an index into an {@link Interned} list
 * kept in the same state.
 *
 * Columns are as narrow as their values allow: a flag takes one byte, a day number or an index
 * two. A value that does not fit (negative, fractional, too large) widens its column first
 * (copying it into the next type that holds every earlier value and the new one, up to
 * Float64), so no value is ever lost: a day past 2149 or a city with more than 65 535 unit
 * lists only costs wider columns.
 */
export interface FactTable {
  /** Facts held: the first `length` entries of every column. */
  length: number;
  /** Column `c` of fact `i` is `columns[c][i]`; all columns have the same capacity. */
  columns: Column[];
}

/** A column: integers in the narrowest type that holds them all so far, or Float64. */
export type Column = Uint8Array | Uint16Array | Int16Array | Int32Array | Float64Array;

/**
 * What a column holds, which sets the type it starts with (integer kinds widen when a value
 * needs it):
 * - `flag`: 0/1, a bit set or a level 1–5 — one byte (`Uint8Array`);
 * - `small`: a day number (`dayNumber`, 2026 is ~20 500) or an index into an {@link Interned}
 *   list — two bytes (`Uint16Array`);
 * - `index-or-none`: an index, or -1 for none — two bytes (`Int16Array`);
 * - `int`: any 32-bit integer (`Int32Array`);
 * - `float`: a measure that may have a fraction (minutes) — always `Float64Array`, exact.
 */
export type ColumnKind = 'flag' | 'small' | 'index-or-none' | 'int' | 'float';

type ColumnType =
  | Uint8ArrayConstructor
  | Uint16ArrayConstructor
  | Int16ArrayConstructor
  | Int32ArrayConstructor
  | Float64ArrayConstructor;

/** A column type and the values it holds exactly. */
interface Width {
  readonly type: ColumnType;
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
}

// Narrowest first: widening takes the first that holds the column's type and the new value.
const widths: readonly Width[] = [
  { type: Uint8Array, min: 0, max: 0xff, integer: true },
  { type: Uint16Array, min: 0, max: 0xffff, integer: true },
  { type: Int16Array, min: -0x8000, max: 0x7fff, integer: true },
  { type: Int32Array, min: -0x8000_0000, max: 0x7fff_ffff, integer: true },
  {
    type: Float64Array,
    min: Number.NEGATIVE_INFINITY,
    max: Number.POSITIVE_INFINITY,
    integer: false,
  },
];

const startWidth: Record<ColumnKind, ColumnType> = {
  flag: Uint8Array,
  small: Uint16Array,
  'index-or-none': Int16Array,
  int: Int32Array,
  float: Float64Array,
};

const widthOf = (c: Column): Width => {
  const w = widths.find((x) => c instanceof x.type);
  if (w === undefined) throw new TypeError('not a fact-table column');
  return w;
};

const holds = (w: Width, v: number): boolean =>
  !w.integer || (Number.isInteger(v) && v >= w.min && v <= w.max);

/** The column copied into the narrowest type holding all its values and `v`. */
const widened = (c: Column, v: number): Column => {
  const from = widthOf(c);
  const to = widths.find(
    (w) => w.min <= from.min && w.max >= from.max && (from.integer || !w.integer) && holds(w, v),
  ) as Width; // Float64 holds every number
  const wider = new to.type(c.length);
  wider.set(c);
  return wider;
};

/** An empty table with columns of the given kinds. */
export const factTable = (kinds: readonly ColumnKind[], capacity = 256): FactTable => ({
  length: 0,
  columns: kinds.map((k) => new startWidth[k](capacity)),
});

// Growth by half (not doubling): the copy holds old and new columns at once, and the unused
// tail is at most a third of a column.
const grown = (c: Column, size: number): Column => {
  const bigger = new (widthOf(c).type)(size);
  bigger.set(c);
  return bigger;
};

/** Appends one fact (one value per column, in order) and returns its index. */
export const addFact = (table: FactTable, values: readonly number[]): number => {
  const i = table.length;
  const { columns } = table;
  const first = columns[0];
  if (first !== undefined && i === first.length) {
    const size = Math.max(16, Math.ceil(i * 1.5));
    for (let k = 0; k < columns.length; k++) columns[k] = grown(columns[k] as Column, size);
  }
  for (let k = 0; k < columns.length; k++) {
    const c = columns[k] as Column;
    const v = values[k] ?? 0;
    c[i] = v;
    // Read back: a typed array wraps or truncates what it cannot hold (NaN stays NaN in Float64).
    if (c[i] !== v && !(c instanceof Float64Array)) {
      const wider = widened(c, v);
      wider[i] = v;
      columns[k] = wider;
    }
  }
  table.length = i + 1;
  return i;
};

/** Column `c` of a table (typed for indexing; values past `length` are unused). */
export const col = (table: FactTable, c: number): Column => {
  const values = table.columns[c];
  if (values === undefined) throw new RangeError(`no column ${c}`);
  return values;
};

/** The rows whose day number (column `dayColumn`) falls from `from` to `to`, local dates inclusive. */
export const rowsBetween = (
  table: FactTable,
  from: string,
  to: string,
  dayColumn = 0,
): number[] => {
  const first = dayNumber(from);
  const last = dayNumber(to);
  const days = col(table, dayColumn);
  const out: number[] = [];
  for (let i = 0; i < table.length; i++) {
    const day = days[i] as number;
    if (day >= first && day <= last) out.push(i);
  }
  return out;
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
