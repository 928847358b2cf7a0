import type { WorkCalendar } from '@civic-ledger/domain';

const HOUR_MS = 3_600_000;
/** Hours remembered before the memo starts over (a few years of hours: bounded memory). */
const MAX_HOURS = 50_000;
/** Instants with an explicit offset, the only ones both `Date.parse` and the calendar read alike. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * `calendar.dateOf` made cheap for replays: converting an instant with a time zone costs
 * microseconds (date-fns-tz) and every dated fact needs one. The local date of every instant
 * within one UTC hour is the same unless a local midnight falls inside that hour, so the
 * memo keeps one answer per UTC hour, learnt from the calendar itself at the hour's first and
 * last millisecond; an hour whose two ends differ (a zone with a half-hour offset) is always
 * asked of the calendar. Exact for every zone; the calendar remains the only authority.
 */
export const memoDateOf = (
  calendar: Pick<WorkCalendar, 'dateOf'>,
): ((instant: string) => string) => {
  // One memo per calendar, shared by every read model of a replay that dates by it.
  const shared = memos.get(calendar);
  if (shared) return shared;
  const memo = createMemo(calendar);
  memos.set(calendar, memo);
  return memo;
};

const memos = new WeakMap<Pick<WorkCalendar, 'dateOf'>, (instant: string) => string>();

const createMemo = (calendar: Pick<WorkCalendar, 'dateOf'>): ((instant: string) => string) => {
  const hours = new Map<number, string | null>();
  const dateOf = (instant: string): string => {
    // Anything else (a date alone, no offset, garbage): the calendar decides, as before.
    const ms = INSTANT.test(instant) ? Date.parse(instant) : Number.NaN;
    if (Number.isNaN(ms)) return calendar.dateOf(instant);
    const hour = Math.floor(ms / HOUR_MS);
    let date = hours.get(hour);
    if (date === undefined) {
      const first = calendar.dateOf(new Date(hour * HOUR_MS).toISOString());
      const last = calendar.dateOf(new Date(hour * HOUR_MS + HOUR_MS - 1).toISOString());
      date = first === last ? first : null;
      if (hours.size >= MAX_HOURS) hours.clear();
      hours.set(hour, date);
    }
    return date ?? calendar.dateOf(instant);
  };
  // Every read model of a replay dates the same event one after the other: the last answer
  // is kept, so that only the first of them parses the instant.
  let lastInstant: string | undefined;
  let lastDate = '';
  return (instant) => {
    if (instant === lastInstant) return lastDate;
    lastDate = dateOf(instant);
    lastInstant = instant;
    return lastDate;
  };
};
