import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import { parseWith } from '../kernel/validation.js';
import { ServiceTypeSchema } from './catalogue.js';
import type { TicketCommandData } from './commands.js';
import type { TicketContext } from './context.js';
import {
  type Decided,
  deadline,
  emit,
  type Handler,
  minutesBetween,
  opt,
} from './decide-support.js';
import { ticketRule } from './errors.js';

/** TKT-01, TKT-02, TKT-06, TKT-07: a request is received and its first-responsible owner set. */
export const receiveTicket = (
  data: TicketCommandData['ReceiveTicket'],
  ctx: TicketContext,
  now: string,
): Decided => {
  const catalogue: unknown = ctx.serviceCatalogue;
  const raw =
    typeof catalogue === 'object' &&
    catalogue !== null &&
    Object.hasOwn(catalogue, data.serviceType)
      ? (catalogue as Record<string, unknown>)[data.serviceType]
      : undefined;
  if (raw === undefined)
    return E.left(
      ticketRule(
        'TICKET_UNKNOWN_SERVICE_TYPE',
        'TKT-06',
        ['serviceType'],
        `服务事项「${data.serviceType}」不在服务目录中`,
        `service type '${data.serviceType}' is not in the service catalogue`,
      ),
    );
  return pipe(
    parseWith(ServiceTypeSchema, raw, 'TKT-06'),
    E.mapLeft((e) => ({
      ...e,
      code: 'TICKET_INVALID_CATALOGUE_ENTRY',
      path: ['serviceType', ...e.path],
    })),
    E.flatMap((type) => {
      const max = ctx.policy.ticket.finalApprovalMaxWorkdays;
      if (type.approvalLimitWorkdays > max)
        return E.left(
          ticketRule(
            'TICKET_APPROVAL_LIMIT_ABOVE_MAX',
            'TKT-03',
            ['serviceType'],
            `服务事项「${data.serviceType}」的审批时限 ${type.approvalLimitWorkdays} 个工作日超过上限 ${max} 个工作日`,
            `service type '${data.serviceType}' allows ${type.approvalLimitWorkdays} working days for final approval, above the maximum of ${max}`,
          ),
        );
      const provided = new Set(data.materials.map((m) => m.kind));
      return emit('TicketReceived', {
        ticketId: data.ticketId,
        at: now,
        channel: data.channel,
        applicant: data.applicant,
        ...opt('agent', data.agent),
        serviceType: data.serviceType,
        serviceTypeName: type.name,
        category: type.category,
        approvalLimitWorkdays: type.approvalLimitWorkdays,
        requiresFinalApproval: type.requiresFinalApproval,
        facilityFault: type.facilityFault,
        ...opt('facilityId', data.facilityId),
        nature: data.nature,
        ...opt('repeatOf', data.repeatOf),
        reason: data.reason,
        materials: data.materials,
        missingMaterials: type.requiredMaterials.filter((k) => !provided.has(k)),
        communityId: data.communityId,
        centreId: data.centreId ?? ctx.actor.unit,
        ...opt('windowId', data.windowId),
        firstResponsibleStaffId: ctx.actor.id,
      });
    }),
  );
};

/** TKT-09: a window queue number is taken (the wait starts). */
export const takeQueueNumber: Handler<'TakeQueueNumber'> = ({
  data,
  state,
  intake,
  ticketId,
  now,
}) => {
  if (intake.channel !== 'window')
    return E.left(
      ticketRule(
        'TICKET_QUEUE_NOT_AT_WINDOW',
        'TKT-09',
        ['queueNumber'],
        '只有窗口受理的工单才取号排队',
        'only tickets received at a window take a queue number',
      ),
    );
  if (state.queue !== undefined)
    return E.left(
      ticketRule(
        'TICKET_QUEUE_NUMBER_ALREADY_TAKEN',
        'TKT-09',
        ['queueNumber'],
        `已取号 ${state.queue.number}`,
        `queue number ${state.queue.number} was already taken`,
      ),
    );
  return emit('QueueNumberTaken', {
    ticketId,
    at: now,
    queueNumber: data.queueNumber,
    centreId: intake.centreId,
  });
};

/** TKT-09: the queue number is called to a window (the wait ends). */
export const callQueueNumber: Handler<'CallQueueNumber'> = ({
  data,
  state,
  intake,
  ticketId,
  ctx,
  now,
}) => {
  const queue = state.queue;
  if (queue === undefined)
    return E.left(
      ticketRule(
        'TICKET_QUEUE_NUMBER_NOT_TAKEN',
        'TKT-09',
        [],
        '尚未取号，无法叫号',
        'no queue number was taken, so none can be called',
      ),
    );
  if (queue.calledAt !== undefined)
    return E.left(
      ticketRule(
        'TICKET_QUEUE_NUMBER_ALREADY_CALLED',
        'TKT-09',
        [],
        `号码 ${queue.number} 已叫号`,
        `queue number ${queue.number} was already called`,
      ),
    );
  const waitMinutes = minutesBetween(queue.takenAt, now);
  return emit('QueueNumberCalled', {
    ticketId,
    at: now,
    queueNumber: queue.number,
    windowId: data.windowId,
    centreId: intake.centreId,
    takenAt: queue.takenAt,
    waitMinutes,
    withinTarget: waitMinutes <= ctx.policy.ticket.windowWaitMinutes,
    staffId: ctx.actor.id,
  });
};

/** TKT-09: the first response to the applicant (K-03). */
export const recordFirstResponse: Handler<'RecordFirstResponse'> = ({
  data,
  state,
  intake,
  ticketId,
  ctx,
  now,
}) => {
  if (state.firstResponseAt !== undefined)
    return E.left(
      ticketRule(
        'TICKET_FIRST_RESPONSE_ALREADY_RECORDED',
        'TKT-09',
        [],
        '首次响应已记录',
        'the first response was already recorded',
      ),
    );
  const minutes = minutesBetween(intake.receivedAt, now);
  return emit('FirstResponseRecorded', {
    ticketId,
    at: now,
    receivedAt: intake.receivedAt,
    minutes,
    withinTarget: minutes <= ctx.policy.ticket.firstResponseMinutes,
    staffId: ctx.actor.id,
    channel: intake.channel,
    centreId: intake.centreId,
    ...opt('note', data.note),
  });
};

/** TKT-03: acceptance starts the review clock and the service type's completion clock. */
export const acceptTicket: Handler<'AcceptTicket'> = ({ intake, ticketId, ctx, now }) =>
  pipe(
    E.Do,
    E.bind('review', () => deadline(ctx, now, ctx.policy.ticket.initialReviewWorkdays)),
    E.bind('completion', () => deadline(ctx, now, intake.approvalLimitWorkdays)),
    E.flatMap(({ review, completion }) =>
      emit('TicketAccepted', {
        ticketId,
        at: now,
        staffId: ctx.actor.id,
        serviceType: intake.serviceType,
        centreId: intake.centreId,
        reviewDeadline: review,
        completionDeadline: completion,
      }),
    ),
  );
