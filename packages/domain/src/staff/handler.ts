import { type Either, left, right } from 'fp-ts/lib/Either.js';
import type { CommandHandler } from '../kernel/dispatch.js';
import type { DomainError } from '../kernel/errors.js';
import { plainEvent } from '../kernel/plain-json.js';
import type { StaffCommandData, StaffCommandType } from './commands.js';
import type { StaffContext } from './context.js';
import { staffTransition } from './errors.js';
import type { StaffEvent } from './events.js';
import type { StaffRole } from './roles.js';
import type { StaffState } from './state.js';

/** Decides one parsed command of type `K`. */
export type StaffHandler<K extends StaffCommandType> = CommandHandler<
  StaffCommandData<K>,
  StaffEvent,
  StaffState,
  StaffContext
>;

/** Builds a staff event with plain-JSON data (no `undefined` members). */
export const staffEvent = plainEvent<StaffEvent>();

/** Today in the calendar's zone, from the context's instant. */
export const todayOf = (ctx: StaffContext): string => ctx.calendar.dateOf(ctx.now);

/** Role and unit of a registered staff member, or the transition error for an unregistered one. */
export const registeredPost = (
  state: StaffState,
  attempted: string,
): Either<DomainError, { readonly role: StaffRole; readonly unit: string }> => {
  const { role, unit } = state;
  return role !== undefined && unit !== undefined
    ? right({ role, unit })
    : left(staffTransition('STAFF_NOT_REGISTERED', 'STF-01', state.status, attempted));
};
