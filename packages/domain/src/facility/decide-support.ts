// Small helpers every facility handler uses: building events, the active-facility guard,
// and the time checks (work not in the future, local dates).
import * as E from 'fp-ts/lib/Either.js';
import type { IsoDate } from '../calendar/work-calendar.js';
import type { DomainError, FieldPath } from '../kernel/errors.js';
import { instantInFuture } from '../kernel/instant-order.js';
import { plainEvent } from '../kernel/plain-json.js';
import type { FacilityContext } from './context.js';
import { instantMs, localDateOf } from './dates.js';
import { decommissioned, notRegistered, rule } from './errors.js';
import type { FacilityEvent } from './events.js';
import type { FacilityState } from './state.js';

export type Decision = E.Either<DomainError, readonly FacilityEvent[]>;

/** Builds an event; undefined optional fields are left out (plain JSON). */
export const event = plainEvent<FacilityEvent>();

/** The registration of an active facility, or why the command cannot run. */
export const requireActive = (
  state: FacilityState,
  attempted: string,
): E.Either<DomainError, NonNullable<FacilityState['registration']>> => {
  if (state.status === 'decommissioned') return E.left(decommissioned(attempted));
  if (state.status !== 'active' || state.registration === undefined) return E.left(notRegistered());
  return E.right(state.registration);
};

/** Reviews stay possible after decommissioning: the archive must be completed. */
export const requireRegistered = (state: FacilityState): E.Either<DomainError, true> =>
  state.registration === undefined ? E.left(notRegistered()) : E.right(true);

/** The local date of `ctx.now`. */
export const today = (ctx: FacilityContext): E.Either<DomainError, IsoDate> => {
  const date = localDateOf(ctx.now, ctx.calendar.timeZone);
  return date === undefined
    ? E.left(
        rule(
          'FACILITY_DATE_OUT_OF_RANGE',
          'X-05',
          [],
          `当前时间无效：${ctx.now}`,
          `the context time is not usable: ${ctx.now}`,
        ),
      )
    : E.right(date);
};

/** the local date of work that has happened (not after `ctx.now`). */
export const workDateOf = (
  ctx: FacilityContext,
  instant: string,
  path: FieldPath,
): E.Either<DomainError, IsoDate> => {
  const at = instantMs(instant);
  const now = instantMs(ctx.now);
  // Not `at > now`: an unreadable instant (NaN) must be refused too.
  if (!(at <= now))
    return E.left(
      instantInFuture(
        { code: 'FACILITY_TIME_IN_FUTURE', requirement: 'X-05', path },
        instant,
        ctx.now,
      ),
    );
  const date = localDateOf(instant, ctx.calendar.timeZone);
  return date === undefined ? E.left(outOfRange(path, instant)) : E.right(date);
};

/** a date computation left the range of ISO dates. */
export const outOfRange = (path: FieldPath, value: string): DomainError =>
  rule(
    'FACILITY_DATE_OUT_OF_RANGE',
    'X-05',
    path,
    `日期超出可记录的范围：${value}`,
    `the date leaves the range that can be recorded: ${value}`,
  );

/** True for a plain object (command data arrives untyped). */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
