import * as E from 'fp-ts/lib/Either.js';
import type { StaffContext } from './context.js';
import {
  dateInFuture,
  dateTooEarly,
  duplicateRecord,
  earlyEndReasonRequired,
  notSeconded,
  staffTransition,
  successorIsSelf,
  successorNotOnPost,
  successorRequired,
  successorStatusUnknown,
} from './errors.js';
import type { StaffEvent } from './events.js';
import { type StaffHandler, staffEvent, todayOf } from './handler.js';
import type { StaffState, TriggerEntry } from './state.js';
import { findTriggerHit } from './trigger-window.js';
import { TRIGGER_POLICY_KEY } from './triggers.js';

/**
 * STF-04: the "return to sending unit required" event when `added` makes its trigger reach
 * the policy threshold within the rolling window. Only for a serving seconded person, only
 * for entries dated within the secondment, and once per trigger.
 */
const returnRequired = (
  state: StaffState,
  added: TriggerEntry,
  ctx: StaffContext,
): StaffEvent[] => {
  const s = state.secondment;
  if (!s || state.status === 'departed' || added.on < s.startDate) return [];
  if (state.triggersReached.includes(added.trigger)) return [];
  const { secondedTriggers, secondedTriggerWindowDays } = ctx.policy.staff;
  const threshold = secondedTriggers[TRIGGER_POLICY_KEY[added.trigger]];
  const counted = [
    ...state.triggerEntries.filter((e) => e.trigger === added.trigger && e.on >= s.startDate),
    added,
  ];
  const hit = findTriggerHit(counted, added, threshold, secondedTriggerWindowDays);
  if (!hit) return [];
  return [
    staffEvent('ReturnToSendingUnitRequired', {
      trigger: added.trigger,
      sendingUnit: s.sendingUnit,
      threshold,
      count: hit.count,
      windowFrom: hit.windowFrom,
      windowTo: hit.windowTo,
      evidence: hit.evidence.map(({ id, on, quantity }) => ({ id, on, quantity })),
    }),
  ];
};

/** STF-04 / STF-05: records conduct (absence, lateness, criticism, …) and checks the triggers. */
export const recordConductIncident: StaffHandler<'RecordConductIncident'> = (d, state, ctx) => {
  const taken = state.triggerEntries.some(
    (e) => e.trigger !== 'verified-complaint' && e.id === d.recordId,
  );
  if (taken)
    return E.left(duplicateRecord('STAFF_CONDUCT_DUPLICATE', 'STF-04', ['recordId'], d.recordId));
  const today = todayOf(ctx);
  if (d.occurredOn > today)
    return E.left(dateInFuture('STF-04', ['occurredOn'], d.occurredOn, today));
  const entry = { id: d.recordId, trigger: d.kind, on: d.occurredOn, quantity: d.quantity };
  return E.right([staffEvent('ConductIncidentRecorded', d), ...returnRequired(state, entry, ctx)]);
};

/**
 * CMP-05 → STF-04: a complaint against this person was verified. Idempotent per complaint id,
 * because the reaction that sends it may deliver it more than once.
 */
export const recordVerifiedComplaint: StaffHandler<'RecordVerifiedComplaint'> = (d, state, ctx) => {
  const known = state.triggerEntries.some(
    (e) => e.trigger === 'verified-complaint' && e.id === d.complaintId,
  );
  if (known) return E.right([]);
  const verifiedOn = ctx.calendar.dateOf(d.verifiedAt);
  const today = todayOf(ctx);
  if (verifiedOn > today) return E.left(dateInFuture('STF-04', ['verifiedAt'], verifiedOn, today));
  const entry = {
    id: d.complaintId,
    trigger: 'verified-complaint' as const,
    on: verifiedOn,
    quantity: 1,
  };
  return E.right([
    staffEvent('VerifiedComplaintRecorded', { ...d, verifiedOn }),
    ...returnRequired(state, entry, ctx),
  ]);
};

/** STF-04 先进后出: the successor named must be on post on or before the last day. */
const checkSuccessor = (
  successorId: string,
  endDate: string,
  state: StaffState,
  ctx: StaffContext,
) => {
  if (successorId === state.staffId) return E.left(successorIsSelf());
  const s = ctx.successor;
  if (!s || s.staffId !== successorId) return E.left(successorStatusUnknown(successorId));
  if (!s.onPost || (s.onPostSince !== undefined && s.onPostSince > endDate))
    return E.left(successorNotOnPost(successorId, endDate));
  return E.right(s.onPostSince);
};

/** STF-04: ends a secondment: minimum term (or a reason) and "in before out". */
export const endSecondment: StaffHandler<'EndSecondment'> = (d, state, ctx) => {
  const { role, unit, secondment: s } = state;
  if (state.status === 'unregistered' || state.status === 'departed' || !role || !unit)
    return E.left(
      staffTransition('STAFF_ILLEGAL_TRANSITION', 'STF-04', state.status, 'EndSecondment'),
    );
  if (!s) return E.left(notSeconded());
  const today = todayOf(ctx);
  if (d.endDate > today) return E.left(dateInFuture('STF-04', ['endDate'], d.endDate, today));
  const notBefore =
    state.postChangedOn && state.postChangedOn > s.startDate ? state.postChangedOn : s.startDate;
  if (d.endDate < notBefore)
    return E.left(
      dateTooEarly('STAFF_DATE_BEFORE_POST_CHANGE', 'STF-04', ['endDate'], d.endDate, notBefore, {
        zh: '进驻或上次到岗日期',
        en: 'the secondment start or last post change',
      }),
    );
  const early = d.endDate < s.minTermEndsOn;
  if (early && d.earlyEndReason === undefined)
    return E.left(earlyEndReasonRequired(d.endDate, s.minTermEndsOn));
  if (d.successorStaffId === undefined && d.noSuccessorReason === undefined)
    return E.left(successorRequired());
  const successor =
    d.successorStaffId === undefined
      ? E.right(undefined)
      : checkSuccessor(d.successorStaffId, d.endDate, state, ctx);
  if (E.isLeft(successor)) return successor;
  const offPost =
    state.status === 'on-post'
      ? [staffEvent('StaffTakenOffPost', { date: d.endDate, role, unit, reason: d.reason })]
      : [];
  return E.right([
    ...offPost,
    staffEvent('SecondmentEnded', {
      endDate: d.endDate,
      sendingUnit: s.sendingUnit,
      reason: d.reason,
      minTermEndsOn: s.minTermEndsOn,
      early,
      earlyEndReason: d.earlyEndReason,
      successorStaffId: d.successorStaffId,
      successorOnPostSince: successor.right,
      noSuccessorReason: d.noSuccessorReason,
      triggersReached: [...state.triggersReached],
    }),
  ]);
};
