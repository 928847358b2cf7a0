/**
 * Reporting periods (requirements §9): day, month, quarter, half-year, year, in local
 * calendar dates of the policy's time zone (Asia/Shanghai by default). Instants are turned
 * into local dates by the work calendar's `dateOf`; a period is an inclusive date range.
 */
export type PeriodKind = 'day' | 'month' | 'quarter' | 'half-year' | 'year';

/** A period: its kind, a key (`2026-11-20`, `2026-11`, `2026-Q4`, `2026-H2`, `2026`) and its dates. */
export interface Period {
  readonly kind: PeriodKind;
  readonly key: string;
  /** First local date, inclusive. */
  readonly from: string;
  /** Last local date, inclusive. */
  readonly to: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');

const daysInMonth = (year: number, month: number): number =>
  // Day 0 of the next month is the last day of this one; UTC avoids any zone.
  new Date(Date.UTC(year, month, 0)).getUTCDate();

const monthsRange = (year: number, first: number, last: number) => ({
  from: `${year}-${pad(first)}-01`,
  to: `${year}-${pad(last)}-${pad(daysInMonth(year, last))}`,
});

const parts = (date: string): [number, number] => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${date}`);
  return [Number(m[1]), Number(m[2])];
};

/** The period of a kind that contains a local date. */
export const periodOf = (kind: PeriodKind, date: string): Period => {
  const [year, month] = parts(date);
  switch (kind) {
    case 'day':
      return { kind, key: date, from: date, to: date };
    case 'month':
      return { kind, key: `${year}-${pad(month)}`, ...monthsRange(year, month, month) };
    case 'quarter': {
      const q = Math.ceil(month / 3);
      return { kind, key: `${year}-Q${q}`, ...monthsRange(year, q * 3 - 2, q * 3) };
    }
    case 'half-year': {
      const h = month <= 6 ? 1 : 2;
      return { kind, key: `${year}-H${h}`, ...monthsRange(year, h * 6 - 5, h * 6) };
    }
    case 'year':
      return { kind, key: String(year), ...monthsRange(year, 1, 12) };
  }
};

/** Parses a period key back into a period; undefined when the key is not one. */
export const parsePeriod = (key: string): Period | undefined => {
  if (/^\d{4}-\d{2}-\d{2}$/.test(key)) return periodOf('day', key);
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12)
    return periodOf('month', `${key}-01`);
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) return periodOf('quarter', `${quarter[1]}-${pad(Number(quarter[2]) * 3)}-01`);
  const half = /^(\d{4})-H([12])$/.exec(key);
  if (half) return periodOf('half-year', `${half[1]}-${pad(Number(half[2]) * 6)}-01`);
  if (/^\d{4}$/.test(key)) return periodOf('year', `${key}-01-01`);
  return undefined;
};

/** True when a local date lies in the period. ISO dates compare correctly as strings. */
export const inPeriod = (period: Period, date: string): boolean =>
  date >= period.from && date <= period.to;

/** The local date `months` months before `date` (clamped to the month's last day). */
export const minusMonths = (date: string, months: number): string => {
  const [year, month] = parts(date);
  const day = Number(date.slice(8, 10));
  const index = year * 12 + (month - 1) - months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return `${y}-${pad(m)}-${pad(Math.min(day, daysInMonth(y, m)))}`;
};

/** The local date `days` days after `date` (negative goes back). */
export const plusDays = (date: string, days: number): string => {
  const [year, month] = parts(date);
  const d = new Date(Date.UTC(year, month - 1, Number(date.slice(8, 10)) + days));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};
