import type { WorkCalendar } from '@civic-ledger/domain';

const DAY_MS = 86_400_000;
const OFFSET_MS = 8 * 3_600_000;

/** Simulated time: instants as epoch milliseconds, shown in Asia/Shanghai (+08:00). */
export const toIso = (ms: number): string => {
  const local = new Date(ms + OFFSET_MS).toISOString();
  return `${local.slice(0, 19)}+08:00`;
};

/** Epoch milliseconds of a local date and minute of the day (+08:00). */
export const atLocal = (date: string, minuteOfDay: number): number =>
  Date.parse(`${date}T00:00:00+08:00`) + minuteOfDay * 60_000;

/** The local date `n` calendar days after `date`. */
export const addDays = (date: string, n: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** The local date of an instant (+08:00). */
export const localDate = (ms: number): string =>
  new Date(ms + OFFSET_MS).toISOString().slice(0, 10);

/** The n-th working day after the instant's date, at the given minute (office hours). */
export const workdaysLater = (cal: WorkCalendar, ms: number, n: number, minute: number): number =>
  atLocal(cal.addWorkdays(localDate(ms), n), minute);

/** The next working day on or after `date`. */
export const nextWorkday = (cal: WorkCalendar, date: string): string => {
  let d = date;
  while (!cal.isWorkday(d)) d = addDays(d, 1);
  return d;
};

/** Minutes of the office day (09:00–17:00). */
export const OFFICE_START = 9 * 60;
export const OFFICE_END = 17 * 60;
