import { tz } from '@date-fns/tz';
import { addDays, format, getISODay, parseISO } from 'date-fns';
import type { IsoDate } from './work-calendar.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Throws for a string that is not a real `YYYY-MM-DD` date (a programming error). */
export const assertIsoDate = (date: string): void => {
  if (!DATE.test(date) || format(parseISO(date), 'yyyy-MM-dd') !== date)
    throw new RangeError(`not a calendar date (YYYY-MM-DD): ${date}`);
};

/** The next calendar day. Calendar dates carry no zone, so plain local arithmetic is exact. */
export const nextDay = (date: IsoDate, days = 1): IsoDate =>
  format(addDays(parseISO(date), days), 'yyyy-MM-dd');

/** 6 for Saturday and 7 for Sunday (ISO weekday). */
export const isWeekend = (date: IsoDate): boolean => getISODay(parseISO(date)) >= 6;

/** The local calendar date of an instant in an IANA time zone. */
export const dateInZone = (instant: string, timeZone: string): IsoDate =>
  format(parseISO(instant), 'yyyy-MM-dd', { in: tz(timeZone) });

/** The instant at which a local date begins in a zone, as an ISO string with the zone's offset. */
export const startOfDateInZone = (date: IsoDate, timeZone: string): string =>
  format(parseISO(date, { in: tz(timeZone) }), "yyyy-MM-dd'T'HH:mm:ssXXX", { in: tz(timeZone) });
