import { plusDays } from './dates.js';
import type { TriggerEntry } from './state.js';

/** A window of `days` days in which a trigger's count reached its threshold (STF-04). */
export interface TriggerHit {
  readonly count: number;
  readonly windowFrom: string;
  readonly windowTo: string;
  readonly evidence: readonly TriggerEntry[];
}

const byDateThenId = (a: TriggerEntry, b: TriggerEntry): number =>
  a.on < b.on ? -1 : a.on > b.on ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * STF-04 "within a year": looks for a rolling window of `days` days (ending on an entry's
 * date, that day included) that contains `added` and whose quantities sum to at least
 * `threshold`. Windows ending after `added` count too, so a record entered late (dated
 * before others already recorded) is judged the same as if it had come in order.
 * Returns the earliest such window, or undefined.
 */
export const findTriggerHit = (
  entries: readonly TriggerEntry[],
  added: TriggerEntry,
  threshold: number,
  days: number,
): TriggerHit | undefined => {
  const sorted = [...entries].sort(byDateThenId);
  const lastEnd = plusDays(added.on, days - 1);
  const ends = [...new Set(sorted.map((e) => e.on))].filter((d) => d >= added.on && d <= lastEnd);
  for (const windowTo of ends) {
    const windowFrom = plusDays(windowTo, -(days - 1));
    const evidence = sorted.filter((e) => e.on >= windowFrom && e.on <= windowTo);
    const count = evidence.reduce((sum, e) => sum + e.quantity, 0);
    if (count >= threshold) return { count, windowFrom, windowTo, evidence };
  }
  return undefined;
};
