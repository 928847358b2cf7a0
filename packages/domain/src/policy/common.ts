import { z } from 'zod';

/** A share between 0 and 1 (0.98 = 98 %). */
export const Ratio = z.number().min(0).max(1);
/** A whole number of working days, at least one. */
export const Workdays = z.number().int().min(1).max(365);
export const Minutes = z
  .number()
  .positive()
  .max(24 * 60);
export const Count = z.number().int().min(1);

/** A recurrence: every `count` `unit`s (a quarter is 3 months, a half-year 6). */
export const Cycle = z.object({
  unit: z.enum(['day', 'week', 'month', 'year']),
  count: z.number().int().min(1).max(120),
});
export type Cycle = z.infer<typeof Cycle>;

export const daily: Cycle = { unit: 'day', count: 1 };
export const weekly: Cycle = { unit: 'week', count: 1 };
export const monthly: Cycle = { unit: 'month', count: 1 };
export const quarterly: Cycle = { unit: 'month', count: 3 };
export const halfYearly: Cycle = { unit: 'month', count: 6 };
export const yearly: Cycle = { unit: 'year', count: 1 };
