import * as E from 'fp-ts/lib/Either.js';
import type { DomainError } from '../kernel/errors.js';
import type { RequirementId } from '../kernel/requirement.js';
import { InstantSchema } from '../kernel/schemas.js';
import { fromZodError, parseWith } from '../kernel/validation.js';
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
import type { Decided, Decision, Handler } from './decide-support.js';
import { ticketIllegalTransition, ticketRule } from './errors.js';
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

const handlers: { readonly [K in Exclude<TicketCommandType, 'ReceiveTicket'>]: Handler<K> } = {
  TakeQueueNumber: takeQueueNumber,
  CallQueueNumber: callQueueNumber,
  RecordFirstResponse: recordFirstResponse,
  AcceptTicket: acceptTicket,
  RequestSupplement: requestSupplement,
  ProvideSupplement: provideSupplement,
  ExtendReview: extendReview,
  StartJointReview: startJointReview,
  RecordJointReviewOpinion: recordJointReviewOpinion,
  ReviewTicket: reviewTicket,
  GrantFinalApproval: grantFinalApproval,
  DispatchTicket: dispatchTicket,
  SignForTicket: signForTicket,
  ReturnTicket: returnTicket,
  RequestExtension: requestExtension,
  ApproveExtension: approveExtension,
  DeclineExtension: declineExtension,
  SuperviseTicket: superviseTicket,
  CompleteTicket: completeTicket,
  MakeReturnVisit: makeReturnVisit,
  CloseTicket: closeTicket,
  ReopenTicket: reopenTicket,
  ArchiveTicket: archiveTicket,
  RateTicket: rateTicket,
  ApplyDefaultRating: applyDefaultRating,
};

const isCommandType = (type: unknown): type is TicketCommandType =>
  typeof type === 'string' && Object.hasOwn(TicketCommandSchemas, type);

const unknownCommand = (type: unknown): DomainError => {
  // String() of a null-prototype object throws; name only what is safe to print.
  const name = typeof type === 'string' ? type.slice(0, 100) : `(${typeof type})`;
  return ticketRule(
    'TICKET_UNKNOWN_COMMAND',
    'X-05',
    ['type'],
    `未知的工单指令「${name}」`,
    `unknown ticket command '${name}'`,
  );
};

// the domain's time only moves forward on a stream, so durations are never negative.
const timeReversed = (now: string, lastAt: string): DomainError =>
  ticketRule(
    'TICKET_TIME_BEFORE_LAST_EVENT',
    'X-02',
    [],
    `指令时间 ${now} 早于该工单上一事件的时间 ${lastAt}`,
    `the command's time ${now} is before the ticket's latest event at ${lastAt}`,
  );

const run = <K extends Exclude<TicketCommandType, 'ReceiveTicket'>>(
  type: K,
  decision: Decision<K>,
): Decided => (handlers[type] as Handler<K>)(decision);

/**
 * Decides a ticket command (TKT-01 … TKT-10, SAT-01, SAT-02): validates its data,
 * checks the state machine (TKT-08) and the rules, and returns the events or a typed error.
 * Never throws.
 */
export const decideTicket = (
  command: TicketCommand,
  state: TicketState,
  ctx: TicketContext,
): E.Either<DomainError, readonly TicketEvent[]> => {
  const type: unknown =
    typeof command === 'object' && command !== null
      ? (command as { type?: unknown }).type
      : undefined;
  if (!isCommandType(type)) return E.left(unknownCommand(type));
  const time = InstantSchema.safeParse(ctx.now);
  if (!time.success) return E.left({ ...fromZodError(time.error, 'X-02'), path: ['now'] });
  const now = time.data;
  const parsed = parseWith(TicketCommandSchemas[type], command.data, requirementOf[type]);
  if (E.isLeft(parsed)) return parsed;
  if (!isLegalTransition(state.status, type))
    return E.left(ticketIllegalTransition(state.status, type));
  if (state.lastAt !== undefined && Date.parse(now) < Date.parse(state.lastAt))
    return E.left(timeReversed(now, state.lastAt));
  if (type === 'ReceiveTicket')
    return receiveTicket(parsed.right as TicketCommandData['ReceiveTicket'], ctx, now);
  const { intake, ticketId } = state;
  if (intake === undefined || ticketId === undefined)
    return E.left(ticketIllegalTransition('none', type));
  return run(type, {
    data: parsed.right as TicketCommandData[typeof type],
    state,
    intake,
    ticketId,
    ctx,
    now,
  });
};
