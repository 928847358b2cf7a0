import * as E from 'fp-ts/lib/Either.js';
import type { Deadline } from '../calendar/work-calendar.js';
import type { DomainError } from '../kernel/errors.js';
import type { TicketCommandData, TicketCommandType } from './commands.js';
import type { TicketContext } from './context.js';
import { ticketRule } from './errors.js';
import type { TicketEvent, TicketEventData, TicketEventType } from './events.js';
import type { TicketIntake, TicketState } from './state.js';

/** What a command handler works with once the command passed validation and the state machine. */
export interface Decision<K extends TicketCommandType> {
  readonly data: TicketCommandData[K];
  readonly state: TicketState;
  readonly intake: TicketIntake;
  readonly ticketId: string;
  readonly ctx: TicketContext;
  /** `ctx.now`, validated. */
  readonly now: string;
}

/** The result of a handler. */
export type Decided = E.Either<DomainError, readonly TicketEvent[]>;

/** A handler of one command type. */
export type Handler<K extends TicketCommandType> = (d: Decision<K>) => Decided;

/** One event as the only outcome. */
export const emit = <K extends TicketEventType>(type: K, data: TicketEventData[K]): Decided =>
  E.right([{ type, data } as TicketEvent]);

/** `{ key: value }` when the value is present, `{}` otherwise (no `undefined` in event data). */
export const opt = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

/**
 * A deadline of `n` working days from `start`. The calendar only throws on a
 * programming error; that still becomes a typed error so that the decider never throws.
 */
export const deadline = (
  ctx: TicketContext,
  start: string,
  n: number,
): E.Either<DomainError, Deadline> => {
  try {
    const d = ctx.calendar.deadline(start, n);
    return E.right({
      dueDate: d.dueDate,
      dueAt: d.dueAt,
      workdays: d.workdays,
      provisional: d.provisional,
      calendar: d.calendar,
    });
  } catch (error) {
    const why = error instanceof Error ? error.message : 'unknown error';
    return E.left(
      ticketRule(
        'TICKET_CALENDAR_ERROR',
        'X-03',
        [],
        `工作日历无法计算期限：${why}`,
        `the work calendar could not compute the deadline: ${why}`,
      ),
    );
  }
};

/** Minutes from `from` to `to` (both ISO instants). */
export const minutesBetween = (from: string, to: string): number =>
  (Date.parse(to) - Date.parse(from)) / 60_000;
