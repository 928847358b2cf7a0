import { z } from 'zod';
import { InstantSchema, IsoDateSchema } from '../kernel/schemas.js';

/** A stored deadline, as `WorkCalendar.deadline` computes it. */
export const DeadlineSchema = z.object({
  dueDate: IsoDateSchema,
  dueAt: InstantSchema,
  workdays: z.number().int().min(0),
  provisional: z.boolean(),
  calendar: z.string().min(1),
});

/** True when `at` falls before the end of the deadline's last working day. */
export const isBefore = (at: string, dueAt: string): boolean => Date.parse(at) < Date.parse(dueAt);
