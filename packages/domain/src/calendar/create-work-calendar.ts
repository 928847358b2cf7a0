import { assertIsoDate, dateInZone, isWeekend, nextDay, startOfDateInZone } from './dates.js';
import type { Deadline, IsoDate, WorkCalendar } from './work-calendar.js';

export interface WorkCalendarData {
  readonly name: string;
  /** IANA zone in which dates are read; default Asia/Shanghai. */
  readonly timeZone?: string;
  /** Days off that would otherwise be working days (statutory holidays, 调休 rest days). */
  readonly holidays: Iterable<IsoDate>;
  /** Weekend days that are working days (调休上班). */
  readonly workdays: Iterable<IsoDate>;
  /** Years for which the data above is complete. */
  readonly coveredYears: Iterable<number>;
}

/** Builds a {@link WorkCalendar} from holiday data; any jurisdiction can supply its own. */
export const createWorkCalendar = (data: WorkCalendarData): WorkCalendar => {
  const timeZone = data.timeZone ?? 'Asia/Shanghai';
  const holidays = new Set(data.holidays);
  const workdays = new Set(data.workdays);
  const years = new Set(data.coveredYears);
  // Day stepping goes through date-fns; memoised because deadlines revisit the same days.
  const following = new Map<IsoDate, IsoDate>();
  const next = (date: IsoDate): IsoDate => {
    let n = following.get(date);
    if (n === undefined) {
      n = nextDay(date);
      following.set(date, n);
    }
    return n;
  };

  const covers = (date: IsoDate): boolean => years.has(Number(date.slice(0, 4)));
  const isWorkday = (date: IsoDate): boolean => {
    if (workdays.has(date)) return true;
    if (holidays.has(date)) return false;
    return !isWeekend(date);
  };

  const walk = (date: IsoDate, n: number): { date: IsoDate; provisional: boolean } => {
    assertIsoDate(date);
    if (!Number.isInteger(n) || n < 0)
      throw new RangeError(`working days must be a whole number ≥ 0: ${n}`);
    let day = date;
    let provisional = !covers(day);
    for (let counted = 0; counted < n; ) {
      day = next(day);
      if (!covers(day)) provisional = true;
      if (isWorkday(day)) counted++;
    }
    return { date: day, provisional };
  };

  return {
    name: data.name,
    timeZone,
    isWorkday: (date) => {
      assertIsoDate(date);
      return isWorkday(date);
    },
    covers,
    addWorkdays: (date, n) => walk(date, n).date,
    dateOf: (instant) => dateInZone(instant, timeZone),
    deadline: (startInstant, n): Deadline => {
      const { date, provisional } = walk(dateInZone(startInstant, timeZone), n);
      return {
        dueDate: date,
        dueAt: new Date(startOfDateInZone(next(date), timeZone)).toISOString(),
        workdays: n,
        provisional,
        calendar: data.name,
      };
    },
    workdaysBetween: (from, to) => {
      assertIsoDate(from);
      assertIsoDate(to);
      let count = 0;
      for (let day = next(from); day <= to; day = next(day)) if (isWorkday(day)) count++;
      return count;
    },
  };
};
