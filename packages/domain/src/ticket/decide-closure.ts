import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import type { DomainError } from '../kernel/errors.js';
import { deadline, emit, type Handler } from './decide-support.js';
import { ticketRule } from './errors.js';
import type { TicketState } from './state.js';

const returnVisitDue = (): DomainError =>
  ticketRule(
    'TICKET_RETURN_VISIT_DUE',
    'SAT-02',
    [],
    '差评工单须先核实并回访',
    'a badly rated ticket needs verification and a return visit first',
  );

const reopenInstead = (): DomainError =>
  ticketRule(
    'TICKET_UNRESOLVED_REOPEN_INSTEAD',
    'TKT-08',
    [],
    '回访发现问题未解决，应重办',
    'the return visit found the matter unresolved: reopen the ticket instead',
  );

// A ticket may only be closed or archived once nothing from its evaluation is outstanding.
const outstanding = (state: TicketState): DomainError | undefined => {
  if (state.returnVisitDue) return returnVisitDue();
  if (state.lastReturnVisitResolved === false) return reopenInstead();
  return undefined;
};

/** TKT-07: the return visit (回访) after completion, or after a bad rating (SAT-02). */
export const makeReturnVisit: Handler<'MakeReturnVisit'> = ({ data, state, ticketId, ctx, now }) =>
  state.status === 'closed' && !state.returnVisitDue
    ? E.left(
        ticketRule(
          'TICKET_NO_RETURN_VISIT_DUE',
          'TKT-07',
          [],
          '已结案工单只有在差评后才需回访',
          'a closed ticket only gets a return visit after a bad rating',
        ),
      )
    : emit('ReturnVisitMade', {
        ticketId,
        at: now,
        method: data.method,
        resolved: data.resolved,
        summary: data.summary,
        staffId: ctx.actor.id,
        afterBadRating: state.returnVisitDue,
      });

/** TKT-10: closure with a summary; a completed ticket closes only after its return visit. */
export const closeTicket: Handler<'CloseTicket'> = ({ data, state, ticketId, ctx, now }) => {
  const blocked = outstanding(state);
  if (blocked) return E.left(blocked);
  return emit('TicketClosed', {
    ticketId,
    at: now,
    summary: data.summary,
    staffId: ctx.actor.id,
    outcome: state.status === 'rejected' ? 'rejected' : 'completed',
    ...(state.rating === undefined ? {} : { ratingLevel: state.rating.level }),
  });
};

/** TKT-08: reopen (重办) after a bad rating or an unresolved return visit; a new limit starts. */
export const reopenTicket: Handler<'ReopenTicket'> = ({
  data,
  state,
  intake,
  ticketId,
  ctx,
  now,
}) => {
  const grounded =
    data.ground === 'unsatisfied-rating'
      ? state.rating?.bad === true && !state.reopenedForRating
      : state.lastReturnVisitResolved === false;
  if (!grounded)
    return E.left(
      ticketRule(
        'TICKET_NO_GROUND_TO_REOPEN',
        'TKT-08',
        ['ground'],
        data.ground === 'unsatisfied-rating'
          ? '没有尚未重办的不满意评价'
          : '最近一次回访并未发现问题未解决',
        data.ground === 'unsatisfied-rating'
          ? 'there is no unsatisfied rating that has not led to a reopening yet'
          : 'the latest return visit did not find the matter unresolved',
      ),
    );
  return pipe(
    deadline(ctx, now, intake.approvalLimitWorkdays),
    E.flatMap((completionDeadline) =>
      emit('TicketReopened', {
        ticketId,
        at: now,
        ground: data.ground,
        reason: data.reason,
        staffId: ctx.actor.id,
        reopenCount: state.reopenCount + 1,
        completionDeadline,
      }),
    ),
  );
};

/** TKT-10, ARC-02: the case records are archived under a retention class of the policy. */
export const archiveTicket: Handler<'ArchiveTicket'> = ({ data, state, ticketId, ctx, now }) => {
  const years = ctx.policy.archive.retentionYears;
  const retentionYears = Object.hasOwn(years, data.retentionClass)
    ? years[data.retentionClass]
    : undefined;
  if (retentionYears === undefined)
    return E.left(
      ticketRule(
        'TICKET_UNKNOWN_RETENTION_CLASS',
        'ARC-02',
        ['retentionClass'],
        `保管期限类别「${data.retentionClass}」未在政策中定义`,
        `retention class '${data.retentionClass}' is not defined by the policy`,
      ),
    );
  const blocked = outstanding(state);
  if (blocked) return E.left(blocked);
  return emit('TicketArchived', {
    ticketId,
    at: now,
    retentionClass: data.retentionClass,
    retentionYears,
    ...(data.archiveNo === undefined ? {} : { archiveNo: data.archiveNo }),
    staffId: ctx.actor.id,
  });
};
