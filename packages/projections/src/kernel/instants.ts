/** Milliseconds since the epoch of an ISO instant with offset; comparisons must not compare strings. */
export const instantMs = (instant: string): number => Date.parse(instant);

/** True when instant `a` is at or before instant `b`, whatever their offsets. */
export const atOrBefore = (a: string, b: string): boolean => instantMs(a) <= instantMs(b);

/** Whole minutes (fractional) from `from` to `to`. */
export const minutesBetween = (from: string, to: string): number =>
  (instantMs(to) - instantMs(from)) / 60_000;
