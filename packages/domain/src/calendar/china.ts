import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { createWorkCalendar } from './create-work-calendar.js';
import type { IsoDate, WorkCalendar } from './work-calendar.js';

// The State Council's arrangements as published by the `chinese-days` package:
// `holidays` are statutory days off, `inLieuDays` the weekdays given off in exchange
// (调休), `workdays` the weekend days worked instead (调休上班).
const data = chineseDays as {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
  inLieuDays: Record<string, string>;
};

const nationalHolidays = [...Object.keys(data.holidays), ...Object.keys(data.inLieuDays)];
const nationalWorkdays = Object.keys(data.workdays);
/** Years the package has data for; a year is published by the State Council each November. */
export const chinaCalendarYears: readonly number[] = [
  ...new Set(Object.keys(data.holidays).map((d) => Number(d.slice(0, 4)))),
].sort((a, b) => a - b);

export interface LocalCalendarOptions {
  /** Name of the calendar as stored in deadlines, e.g. `CN+Shenzhen-2026`. */
  readonly name?: string;
  /** Extra days off of a jurisdiction (local holidays). */
  readonly localHolidays?: readonly IsoDate[];
  /** Extra working days of a jurisdiction. */
  readonly localWorkdays?: readonly IsoDate[];
}

/** The national calendar of mainland China, optionally with a jurisdiction's own days. */
export const createChinaWorkCalendar = (options: LocalCalendarOptions = {}): WorkCalendar =>
  createWorkCalendar({
    name: options.name ?? 'CN',
    timeZone: 'Asia/Shanghai',
    holidays: [...nationalHolidays, ...(options.localHolidays ?? [])],
    workdays: [...nationalWorkdays, ...(options.localWorkdays ?? [])],
    coveredYears: chinaCalendarYears,
  });

/** The default calendar: national holidays and make-up working days, Asia/Shanghai. */
export const chinaWorkCalendar: WorkCalendar = createChinaWorkCalendar();
