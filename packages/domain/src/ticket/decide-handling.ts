import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import { isOnTime } from '../calendar/deadline-schema.js';
import type { Deadline } from '../calendar/work-calendar.js';
import type { DomainError } from '../kernel/errors.js';
import { deadline, emit, type Handler, opt } from './decide-support.js';
import { ticketForbidden, ticketRule } from './errors.js';
import type { TicketIntake, TicketState } from './state.js';

const noCompletionClock = (): DomainError =>
  ticketRule(
    'TICKET_NOT_ACCEPTED',
    'TKT-03',
    [],
    '工单尚未受理，办理时限未开始',
    'the ticket was not accepted, so no completion clock runs',
  );

const completionClock = (
  state: TicketState,
): E.Either<DomainError, { startedAt: string; current: Deadline }> =>
  state.completionClockStartedAt === undefined || state.completionDeadline === undefined
    ? E.left(noCompletionClock())
    : E.right({ startedAt: state.completionClockStartedAt, current: state.completionDeadline });

// TKT-03: a service type that needs a final approval is neither dispatched nor completed without one.
const finalApprovalMissing = (intake: TicketIntake, state: TicketState): DomainError | undefined =>
  intake.requiresFinalApproval && !state.finalApproved
    ? ticketRule(
        'TICKET_FINAL_APPROVAL_MISSING',
        'TKT-03',
        [],
        `服务事项「${intake.serviceType}」须先经审批`,
        `service type '${intake.serviceType}' needs a final approval first`,
      )
    : undefined;

const notTheUnit = (actorId: string, actorUnit: string, unitId: string | undefined) =>
  ticketForbidden(
    'TICKET_NOT_THE_DISPATCHED_UNIT',
    'TKT-08',
    actorId,
    `工单派至「${unitId ?? '-'}」，「${actorUnit}」不能签收或退单`,
    `the ticket was dispatched to '${unitId ?? '-'}'; unit '${actorUnit}' cannot sign for or return it`,
  );

/** TKT-08: dispatch (派单) to a unit, which may return it within the policy's limit. */
export const dispatchTicket: Handler<'DispatchTicket'> = ({
  data,
  state,
  intake,
  ticketId,
  ctx,
  now,
}) => {
  const missing = finalApprovalMissing(intake, state);
  if (missing) return E.left(missing);
  return pipe(
    E.Do,
    E.bind('clock', () => completionClock(state)),
    E.bind('ret', () => deadline(ctx, now, ctx.policy.ticket.returnWithinWorkdays)),
    E.flatMap(({ clock, ret }) =>
      emit('TicketDispatched', {
        ticketId,
        at: now,
        unitId: data.unitId,
        ...opt('note', data.note),
        dispatcherId: ctx.actor.id,
        serviceType: intake.serviceType,
        completionDeadline: clock.current,
        returnDeadline: ret,
      }),
    ),
  );
};

/** TKT-08: the unit the ticket was dispatched to signs for it (签收). */
export const signForTicket: Handler<'SignForTicket'> = ({ state, ticketId, ctx, now }) =>
  state.unitId === undefined || ctx.actor.unit !== state.unitId
    ? E.left(notTheUnit(ctx.actor.id, ctx.actor.unit, state.unitId))
    : emit('TicketSignedFor', { ticketId, at: now, unitId: state.unitId, staffId: ctx.actor.id });

/** TKT-08: the unit returns the ticket (退单) with a reason, within the policy's limit. */
export const returnTicket: Handler<'ReturnTicket'> = ({ data, state, ticketId, ctx, now }) => {
  if (state.unitId === undefined || ctx.actor.unit !== state.unitId)
    return E.left(notTheUnit(ctx.actor.id, ctx.actor.unit, state.unitId));
  const limit = state.returnDeadline;
  if (limit === undefined || !isOnTime(limit, now))
    return E.left(
      ticketRule(
        'TICKET_RETURN_TOO_LATE',
        'TKT-08',
        [],
        `退单期限已过（${limit?.dueDate ?? '-'}）`,
        `the time to return the ticket has passed (${limit?.dueDate ?? '-'})`,
      ),
    );
  return emit('TicketReturnedByUnit', {
    ticketId,
    at: now,
    unitId: state.unitId,
    reason: data.reason,
    staffId: ctx.actor.id,
    returnDeadline: limit,
  });
};

/** TKT-08: the handler asks for more time (延期), at most the policy's maximum. */
export const requestExtension: Handler<'RequestExtension'> = ({
  data,
  state,
  ticketId,
  ctx,
  now,
}) => {
  if (state.pendingExtension !== undefined)
    return E.left(
      ticketRule(
        'TICKET_EXTENSION_PENDING',
        'TKT-08',
        [],
        '已有待审批的延期申请',
        'an extension request is already waiting for a decision',
      ),
    );
  const max = ctx.policy.ticket.maxExtensionWorkdays;
  if (data.workdays > max)
    return E.left(
      ticketRule(
        'TICKET_EXTENSION_TOO_LONG',
        'TKT-08',
        ['workdays'],
        `延期最多 ${max} 个工作日`,
        `an extension may add at most ${max} working days`,
      ),
    );
  return emit('ExtensionRequested', {
    ticketId,
    at: now,
    workdays: data.workdays,
    reason: data.reason,
    requestedBy: ctx.actor.id,
    ...opt('unitId', state.unitId),
  });
};

const noPendingExtension = (): DomainError =>
  ticketRule(
    'TICKET_NO_EXTENSION_PENDING',
    'TKT-08',
    [],
    '没有待审批的延期申请',
    'no extension request is waiting for a decision',
  );

/** TKT-08: the extension is granted; the new deadline counts from the same clock start. */
export const approveExtension: Handler<'ApproveExtension'> = ({
  data,
  state,
  ticketId,
  ctx,
  now,
}) => {
  const pending = state.pendingExtension;
  if (pending === undefined) return E.left(noPendingExtension());
  const workdays = data.workdays ?? pending.workdays;
  if (workdays > pending.workdays)
    return E.left(
      ticketRule(
        'TICKET_EXTENSION_ABOVE_REQUEST',
        'TKT-08',
        ['workdays'],
        `批准的延期不能超过申请的 ${pending.workdays} 个工作日`,
        `the extension granted may not exceed the ${pending.workdays} working days requested`,
      ),
    );
  return pipe(
    completionClock(state),
    E.flatMap(({ startedAt, current }) =>
      pipe(
        deadline(ctx, startedAt, current.workdays + workdays),
        E.flatMap((next) =>
          emit('ExtensionApproved', {
            ticketId,
            at: now,
            workdays,
            ...opt('note', data.note),
            approverId: ctx.actor.id,
            previousDeadline: current,
            completionDeadline: next,
          }),
        ),
      ),
    ),
  );
};

/** TKT-08: the extension is refused. */
export const declineExtension: Handler<'DeclineExtension'> = ({
  data,
  state,
  ticketId,
  ctx,
  now,
}) =>
  state.pendingExtension === undefined
    ? E.left(noPendingExtension())
    : emit('ExtensionDeclined', {
        ticketId,
        at: now,
        reason: data.reason,
        approverId: ctx.actor.id,
      });

const reviewing = new Set(['underReview', 'awaitingSupplement']);

/** TKT-08: supervision or escalation (督办); records the deadline in force and whether it has passed. */
export const superviseTicket: Handler<'SuperviseTicket'> = ({
  data,
  state,
  ticketId,
  ctx,
  now,
}) => {
  const inForce = reviewing.has(state.status) ? state.reviewDeadline : state.completionDeadline;
  return emit('TicketSupervised', {
    ticketId,
    at: now,
    level: data.level,
    reason: data.reason,
    ...opt('escalatedTo', data.escalatedTo),
    supervisorId: ctx.actor.id,
    status: state.status,
    ...opt('deadline', inForce),
    overdue: inForce !== undefined && !isOnTime(inForce, now),
    ...opt('unitId', state.unitId),
  });
};

/** TKT-08, TKT-10: completion with its result, and whether it met the deadline in force (K-05). */
export const completeTicket: Handler<'CompleteTicket'> = ({
  data,
  state,
  intake,
  ticketId,
  ctx,
  now,
}) => {
  const missing = finalApprovalMissing(intake, state);
  if (missing) return E.left(missing);
  return pipe(
    completionClock(state),
    E.flatMap(({ current }) =>
      emit('TicketCompleted', {
        ticketId,
        at: now,
        result: data.result,
        staffId: ctx.actor.id,
        ...opt('unitId', state.unitId),
        centreId: intake.centreId,
        communityId: intake.communityId,
        serviceType: intake.serviceType,
        category: intake.category,
        firstResponsibleStaffId: intake.firstResponsibleStaffId,
        completionDeadline: current,
        withinLimit: isOnTime(current, now),
        reopenCount: state.reopenCount,
      }),
    ),
  );
};
