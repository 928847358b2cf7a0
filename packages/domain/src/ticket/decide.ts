import * as E from 'fp-ts/lib/Either.js';
import { type CommandHandlers, createDecide, type DecideFunction } from '../kernel/dispatch.js';
import type { DomainError } from '../kernel/errors.js';
import { instantBeforePrevious } from '../kernel/instant-order.js';
import type { RequirementId } from '../kernel/requirement.js';
import { InstantSchema } from '../kernel/schemas.js';
import { fromZodError } from '../kernel/validation.js';
import {
  type TicketCommand,
  type TicketCommandData,
  TicketCommandSchemas,
  type TicketCommandType,
} from './commands.js';
import type { TicketContext } from './context.js';
import { archiveTicket, closeTicket, makeReturnVisit, reopenTicket } from './decide-closure.js';
import {
  approveExtension,
  completeTicket,
  declineExtension,
  dispatchTicket,
  requestExtension,
  returnTicket,
  signForTicket,
  superviseTicket,
} from './decide-handling.js';
import {
  acceptTicket,
  callQueueNumber,
  receiveTicket,
  recordFirstResponse,
  takeQueueNumber,
} from './decide-intake.js';
import { applyDefaultRating, rateTicket } from './decide-rating.js';
import {
  extendReview,
  grantFinalApproval,
  provideSupplement,
  recordJointReviewOpinion,
  requestSupplement,
  reviewTicket,
  startJointReview,
} from './decide-review.js';
import type { Decided, Handler } from './decide-support.js';
import { ticketIllegalTransition } from './errors.js';
import type { TicketEvent } from './events.js';
import type { TicketState } from './state.js';
import { isLegalTransition } from './status.js';

/** The requirement each command's input is validated for (named in its validation errors). */
const requirementOf: Readonly<Record<TicketCommandType, RequirementId>> = {
  ReceiveTicket: 'TKT-02',
  TakeQueueNumber: 'TKT-09',
  CallQueueNumber: 'TKT-09',
  RecordFirstResponse: 'TKT-09',
  AcceptTicket: 'TKT-03',
  RequestSupplement: 'TKT-03',
  ProvideSupplement: 'TKT-08',
  ExtendReview: 'TKT-03',
  StartJointReview: 'TKT-08',
  RecordJointReviewOpinion: 'TKT-08',
  ReviewTicket: 'TKT-04',
  GrantFinalApproval: 'TKT-03',
  DispatchTicket: 'TKT-08',
  SignForTicket: 'TKT-08',
  ReturnTicket: 'TKT-08',
  RequestExtension: 'TKT-08',
  ApproveExtension: 'TKT-08',
  DeclineExtension: 'TKT-08',
  SuperviseTicket: 'TKT-08',
  CompleteTicket: 'TKT-10',
  MakeReturnVisit: 'TKT-07',
  CloseTicket: 'TKT-10',
  ReopenTicket: 'TKT-08',
  ArchiveTicket: 'TKT-10',
  RateTicket: 'SAT-01',
  ApplyDefaultRating: 'SAT-02',
};

/** Runs a handler of an accepted ticket (every command but `ReceiveTicket`). */
const onTicket =
  <K extends Exclude<TicketCommandType, 'ReceiveTicket'>>(type: K, handle: Handler<K>) =>
  (data: TicketCommandData[K], state: TicketState, ctx: TicketContext): Decided => {
    const { intake, ticketId } = state;
    if (intake === undefined || ticketId === undefined)
      return E.left(ticketIllegalTransition('none', type));
    // `ctx.now` was validated by the precondition of `decideTicket`.
    return handle({ data, state, intake, ticketId, ctx, now: ctx.now });
  };

const handlers: CommandHandlers<
  typeof TicketCommandSchemas,
  TicketEvent,
  TicketState,
  TicketContext
> = {
  ReceiveTicket: (data, _state, ctx) => receiveTicket(data, ctx, ctx.now),
  TakeQueueNumber: onTicket('TakeQueueNumber', takeQueueNumber),
  CallQueueNumber: onTicket('CallQueueNumber', callQueueNumber),
  RecordFirstResponse: onTicket('RecordFirstResponse', recordFirstResponse),
  AcceptTicket: onTicket('AcceptTicket', acceptTicket),
  RequestSupplement: onTicket('RequestSupplement', requestSupplement),
  ProvideSupplement: onTicket('ProvideSupplement', provideSupplement),
  ExtendReview: onTicket('ExtendReview', extendReview),
  StartJointReview: onTicket('StartJointReview', startJointReview),
  RecordJointReviewOpinion: onTicket('RecordJointReviewOpinion', recordJointReviewOpinion),
  ReviewTicket: onTicket('ReviewTicket', reviewTicket),
  GrantFinalApproval: onTicket('GrantFinalApproval', grantFinalApproval),
  DispatchTicket: onTicket('DispatchTicket', dispatchTicket),
  SignForTicket: onTicket('SignForTicket', signForTicket),
  ReturnTicket: onTicket('ReturnTicket', returnTicket),
  RequestExtension: onTicket('RequestExtension', requestExtension),
  ApproveExtension: onTicket('ApproveExtension', approveExtension),
  DeclineExtension: onTicket('DeclineExtension', declineExtension),
  SuperviseTicket: onTicket('SuperviseTicket', superviseTicket),
  CompleteTicket: onTicket('CompleteTicket', completeTicket),
  MakeReturnVisit: onTicket('MakeReturnVisit', makeReturnVisit),
  CloseTicket: onTicket('CloseTicket', closeTicket),
  ReopenTicket: onTicket('ReopenTicket', reopenTicket),
  ArchiveTicket: onTicket('ArchiveTicket', archiveTicket),
  RateTicket: onTicket('RateTicket', rateTicket),
  ApplyDefaultRating: onTicket('ApplyDefaultRating', applyDefaultRating),
};

// the domain's time only moves forward on a stream, so durations are never negative.
const timeReversed = (now: string, lastAt: string): DomainError =>
  instantBeforePrevious(
    { code: 'TICKET_TIME_BEFORE_LAST_EVENT', requirement: 'X-02', path: [] },
    now,
    lastAt,
    {
      instant: { zh: '指令时间', en: "the command's time" },
      previous: { zh: '该工单上一事件', en: "the ticket's latest event" },
    },
  );

/**
 * Decides a ticket command (TKT-01 … TKT-10, SAT-01, SAT-02): validates its data,
 * checks the state machine (TKT-08) and the rules, and returns the events or a typed error.
 * Never throws.
 */
export const decideTicket: DecideFunction<TicketCommand, TicketEvent, TicketState, TicketContext> =
  createDecide({
    aggregate: { zh: '工单', en: 'ticket' },
    unknownCode: 'TICKET_UNKNOWN_COMMAND',
    schemas: TicketCommandSchemas,
    requirementOf,
    handlers,
    precondition: (_type, _state, ctx) => {
      const time = InstantSchema.safeParse(ctx.now);
      return time.success ? undefined : { ...fromZodError(time.error, 'X-02'), path: ['now'] };
    },
    guard: (type, state, ctx) => {
      if (!isLegalTransition(state.status, type))
        return ticketIllegalTransition(state.status, type);
      if (state.lastAt !== undefined && Date.parse(ctx.now) < Date.parse(state.lastAt))
        return timeReversed(ctx.now, state.lastAt);
      return undefined;
    },
  });
