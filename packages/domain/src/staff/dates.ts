import { addDays, addMonths, addYears, format, parseISO } from 'date-fns';
import type { IsoDate } from '../calendar/work-calendar.js';

// Calendar dates carry no zone, so plain local arithmetic on them is exact.
const shift =
  (add: (d: Date, n: number) => Date) =>
  (date: IsoDate, n: number): IsoDate =>
    format(add(parseISO(date), n), 'yyyy-MM-dd');

/** `date` plus `n` calendar days (negative goes back). */
export const plusDays = shift(addDays);
/** `date` plus `n` months (the 31st clamps to the month's last day). */
export const plusMonths = shift(addMonths);
/** `date` plus `n` years (29 February clamps to 28 February). */
export const plusYears = shift(addYears);
