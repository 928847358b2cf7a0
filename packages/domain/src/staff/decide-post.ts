import * as E from 'fp-ts/lib/Either.js';
import { plusYears } from './dates.js';
import {
  dateInFuture,
  dateTooEarly,
  roleCrossesSecondment,
  roleUnchanged,
  staffTransition,
} from './errors.js';
import { type StaffHandler, staffEvent, todayOf } from './handler.js';
import { isSecondedRole } from './roles.js';

/** STF-01 / STF-04: registers a staff member; a secondment's minimum term is fixed here. */
export const registerStaff: StaffHandler<'RegisterStaff'> = (d, state, ctx) => {
  if (state.status !== 'unregistered')
    return E.left(
      staffTransition('STAFF_ALREADY_REGISTERED', 'STF-01', state.status, 'RegisterStaff'),
    );
  const secondment = d.secondment && {
    ...d.secondment,
    minTermEndsOn: plusYears(d.secondment.startDate, ctx.policy.staff.secondedMinTermYears),
  };
  return E.right([
    staffEvent('StaffRegistered', {
      staffId: d.staffId,
      name: d.name,
      role: d.role,
      unit: d.unit,
      ...(secondment ? { secondment } : {}),
    }),
  ]);
};

/** STF-01: changes the role within the centre's roles or within the seconded roles. */
export const changeRole: StaffHandler<'ChangeRole'> = (d, state, ctx) => {
  const { role, unit } = state;
  if (state.status === 'departed' || role === undefined || unit === undefined)
    return E.left(
      staffTransition('STAFF_ILLEGAL_TRANSITION', 'STF-01', state.status, 'ChangeRole'),
    );
  if (d.role === role) return E.left(roleUnchanged(role));
  if (isSecondedRole(d.role) !== isSecondedRole(role))
    return E.left(roleCrossesSecondment(role, d.role));
  const today = todayOf(ctx);
  if (d.effectiveDate > today)
    return E.left(dateInFuture('STF-01', ['effectiveDate'], d.effectiveDate, today));
  return E.right([
    staffEvent('StaffRoleChanged', {
      from: role,
      to: d.role,
      unit,
      effectiveDate: d.effectiveDate,
    }),
  ]);
};

/** STF-01 / K-12: puts the person on post from a date. */
export const putOnPost: StaffHandler<'PutOnPost'> = (d, state, ctx) => {
  const { role, unit } = state;
  if ((state.status !== 'registered' && state.status !== 'off-post') || !role || !unit)
    return E.left(staffTransition('STAFF_ILLEGAL_TRANSITION', 'STF-01', state.status, 'PutOnPost'));
  const today = todayOf(ctx);
  if (d.date > today) return E.left(dateInFuture('STF-01', ['date'], d.date, today));
  if (state.secondment && d.date < state.secondment.startDate)
    return E.left(
      dateTooEarly(
        'STAFF_DATE_BEFORE_SECONDMENT',
        'STF-04',
        ['date'],
        d.date,
        state.secondment.startDate,
        {
          zh: '进驻日期',
          en: 'the secondment start',
        },
      ),
    );
  if (state.postChangedOn && d.date < state.postChangedOn)
    return E.left(
      dateTooEarly(
        'STAFF_DATE_BEFORE_POST_CHANGE',
        'STF-01',
        ['date'],
        d.date,
        state.postChangedOn,
        {
          zh: '上次离岗日期',
          en: 'the last post change',
        },
      ),
    );
  return E.right([staffEvent('StaffPutOnPost', { date: d.date, role, unit, post: d.post })]);
};

/** STF-01 / K-12: takes the person off post (leave, transfer, …) from a date. */
export const takeOffPost: StaffHandler<'TakeOffPost'> = (d, state, ctx) => {
  const { role, unit } = state;
  if (state.status !== 'on-post' || !role || !unit)
    return E.left(
      staffTransition('STAFF_ILLEGAL_TRANSITION', 'STF-01', state.status, 'TakeOffPost'),
    );
  const today = todayOf(ctx);
  if (d.date > today) return E.left(dateInFuture('STF-01', ['date'], d.date, today));
  if (state.postChangedOn && d.date < state.postChangedOn)
    return E.left(
      dateTooEarly(
        'STAFF_DATE_BEFORE_POST_CHANGE',
        'STF-01',
        ['date'],
        d.date,
        state.postChangedOn,
        {
          zh: '到岗日期',
          en: 'the on-post date',
        },
      ),
    );
  return E.right([staffEvent('StaffTakenOffPost', { date: d.date, role, unit, reason: d.reason })]);
};
