// The stored form of a deadline: every aggregate whose event carries a deadline uses
// this schema, so that a deadline reads the same in every stream.
import { z } from 'zod';
import { InstantSchema, IsoDateSchema } from '../kernel/schemas.js';
import type { Deadline } from './work-calendar.js';

/** A stored deadline, as `WorkCalendar.deadline` computes it. */
export const DeadlineSchema = z.object({
  dueDate: IsoDateSchema,
  dueAt: InstantSchema,
  workdays: z.number().int().min(0),
  provisional: z.boolean(),
  calendar: z.string().min(1),
}) satisfies z.ZodType<Deadline>;

/** True when `instant` lies before the deadline's end (`dueAt`): the limit is met. */
export const isOnTime = (deadline: Pick<Deadline, 'dueAt'>, instant: string): boolean =>
  Date.parse(instant) < Date.parse(deadline.dueAt);
