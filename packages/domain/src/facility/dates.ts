// Date arithmetic for schedules and retention. Every helper returns undefined instead of
// throwing for dates beyond what ISO `YYYY-MM-DD` can hold, so the decider never throws.
import {
  addDays,
  addMonths,
  addWeeks,
  addYears,
  differenceInYears,
  format,
  isValid,
  parseISO,
} from 'date-fns';
import { dateInZone, nextDay, startOfDateInZone } from '../calendar/dates.js';
import type { IsoDate } from '../calendar/work-calendar.js';
import type { Cycle } from '../policy/common.js';

const MAX_YEAR = 9998;

const guard = <T>(compute: () => T): T | undefined => {
  try {
    return compute();
  } catch {
    return undefined;
  }
};

const toIso = (d: Date): IsoDate | undefined =>
  isValid(d) && d.getFullYear() >= 1 && d.getFullYear() <= MAX_YEAR
    ? format(d, 'yyyy-MM-dd')
    : undefined;

/** `date` plus `times` cycles (0 = the date itself); counting from one anchor avoids month-end drift. */
export const addCycles = (date: IsoDate, cycle: Cycle, times: number): IsoDate | undefined =>
  guard(() => {
    const start = parseISO(date);
    const n = cycle.count * times;
    const shifted =
      cycle.unit === 'day'
        ? addDays(start, n)
        : cycle.unit === 'week'
          ? addWeeks(start, n)
          : cycle.unit === 'month'
            ? addMonths(start, n)
            : addYears(start, n);
    return toIso(shifted);
  });

/** `date` plus whole years (retention periods). */
export const addYearsTo = (date: IsoDate, years: number): IsoDate | undefined =>
  guard(() => toIso(addYears(parseISO(date), years)));

/** The instant a task due on `dueDate` becomes overdue: the start of the next day in the zone. */
export const overdueFrom = (dueDate: IsoDate, timeZone: string): string | undefined =>
  guard(() => {
    const next = nextDay(dueDate);
    if (Number(next.slice(0, 4)) > MAX_YEAR) return undefined;
    const instant = new Date(startOfDateInZone(next, timeZone));
    return isValid(instant) ? instant.toISOString() : undefined;
  });

/** The local date of an instant in a zone. */
export const localDateOf = (instant: string, timeZone: string): IsoDate | undefined =>
  guard(() => {
    const date = dateInZone(instant, timeZone);
    return /^\d{4}-\d{2}-\d{2}$/.test(date) && Number(date.slice(0, 4)) <= MAX_YEAR
      ? date
      : undefined;
  });

/** Whole years between two dates (age in service, FAC-06); 0 when `to` is before `from`. */
export const wholeYearsBetween = (from: IsoDate, to: IsoDate): number => {
  const years = guard(() => differenceInYears(parseISO(to), parseISO(from)));
  return years !== undefined && Number.isFinite(years) ? Math.max(0, years) : 0;
};

/** Milliseconds since the epoch of an ISO instant (NaN when invalid). */
export const instantMs = (instant: string): number => new Date(instant).getTime();
