import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import { isOnTime } from '../calendar/deadline-schema.js';
import type { Deadline } from '../calendar/work-calendar.js';
import type { DomainError } from '../kernel/errors.js';
import { deadline, emit, type Handler, opt } from './decide-support.js';
import { ticketForbidden, ticketRule } from './errors.js';

const notAccepted = (): DomainError =>
  ticketRule(
    'TICKET_NOT_ACCEPTED',
    'TKT-03',
    [],
    '工单尚未受理，审核时限未开始',
    'the ticket was not accepted, so no review clock runs',
  );

// Acceptance always sets both; a state without them was not accepted (a defect, not input).
const clock = (state: {
  readonly acceptedAt: string | undefined;
  readonly reviewDeadline: Deadline | undefined;
}): E.Either<DomainError, { acceptedAt: string; current: Deadline }> =>
  state.acceptedAt === undefined || state.reviewDeadline === undefined
    ? E.left(notAccepted())
    : E.right({ acceptedAt: state.acceptedAt, current: state.reviewDeadline });

/** TKT-03: supplementary materials or an investigation extend the review to the extended limit. */
export const requestSupplement: Handler<'RequestSupplement'> = ({
  data,
  state,
  ticketId,
  ctx,
  now,
}) => {
  const items = data.items ?? (data.kind === 'materials' ? [...state.missingMaterials] : []);
  if (data.kind === 'materials' && items.length === 0)
    return E.left(
      ticketRule(
        'TICKET_SUPPLEMENT_NOTHING_TO_REQUEST',
        'TKT-02',
        ['items'],
        '未说明需补正的材料，且没有缺少的材料',
        'no materials were named and none are missing',
      ),
    );
  const extendedWorkdays = ctx.policy.ticket.extendedReviewWorkdays;
  return pipe(
    clock(state),
    E.flatMap(({ acceptedAt, current }) =>
      current.workdays < extendedWorkdays
        ? pipe(
            deadline(ctx, acceptedAt, extendedWorkdays),
            E.map((d) => ({ reviewDeadline: d, extended: true })),
          )
        : E.right({ reviewDeadline: current, extended: false }),
    ),
    E.flatMap(({ reviewDeadline, extended }) =>
      emit('SupplementRequested', {
        ticketId,
        at: now,
        kind: data.kind,
        items,
        note: data.note,
        staffId: ctx.actor.id,
        extended,
        reviewDeadline,
      }),
    ),
  );
};

/** TKT-08: the applicant hands in the materials asked for. */
export const provideSupplement: Handler<'ProvideSupplement'> = ({
  data,
  state,
  ticketId,
  ctx,
  now,
}) => {
  const provided = new Set(data.materials.map((m) => m.kind));
  return emit('SupplementReceived', {
    ticketId,
    at: now,
    materials: data.materials,
    missingMaterials: state.missingMaterials.filter((k) => !provided.has(k)),
    staffId: ctx.actor.id,
  });
};

/** TKT-03: a further extension needs the centre head's approval and a recorded reason. */
export const extendReview: Handler<'ExtendReview'> = ({ data, state, ticketId, ctx, now }) => {
  const role = ctx.policy.ticket.furtherExtensionApproverRole;
  if (ctx.actor.role !== role)
    return E.left(
      ticketForbidden(
        'TICKET_REVIEW_EXTENSION_NEEDS_APPROVER',
        'TKT-03',
        ctx.actor.id,
        `审核时限再延长须由「${role}」批准，当前角色为「${ctx.actor.role}」`,
        `a further review extension needs the approval of role '${role}', not '${ctx.actor.role}'`,
      ),
    );
  const extendedWorkdays = ctx.policy.ticket.extendedReviewWorkdays;
  return pipe(
    clock(state),
    E.flatMap(({ acceptedAt, current }) =>
      current.workdays < extendedWorkdays
        ? E.left(
            ticketRule(
              'TICKET_REVIEW_NOT_YET_EXTENDED',
              'TKT-03',
              ['workdays'],
              `需先因补正材料或调查延长至 ${extendedWorkdays} 个工作日，方可再延长`,
              `the review must first be extended to ${extendedWorkdays} working days for supplements or an investigation`,
            ),
          )
        : pipe(
            deadline(ctx, acceptedAt, current.workdays + data.workdays),
            E.flatMap((reviewDeadline) =>
              emit('ReviewExtended', {
                ticketId,
                at: now,
                workdays: data.workdays,
                reason: data.reason,
                approverId: ctx.actor.id,
                approverRole: ctx.actor.role,
                previousDeadline: current,
                reviewDeadline,
              }),
            ),
          ),
    ),
  );
};

/** TKT-08: a joint review by several departments (001 §2.3). */
export const startJointReview: Handler<'StartJointReview'> = ({
  data,
  state,
  ticketId,
  ctx,
  now,
}) =>
  state.pendingJointDepartments.length > 0
    ? E.left(
        ticketRule(
          'TICKET_JOINT_REVIEW_RUNNING',
          'TKT-08',
          ['departments'],
          '联合审核尚未结束',
          'a joint review is still waiting for opinions',
        ),
      )
    : emit('JointReviewStarted', {
        ticketId,
        at: now,
        departments: data.departments,
        staffId: ctx.actor.id,
      });

/** TKT-08: one department's opinion in the joint review. */
export const recordJointReviewOpinion: Handler<'RecordJointReviewOpinion'> = ({
  data,
  state,
  ticketId,
  ctx,
  now,
}) =>
  !state.pendingJointDepartments.includes(data.departmentId)
    ? E.left(
        ticketRule(
          'TICKET_NOT_A_PENDING_DEPARTMENT',
          'TKT-08',
          ['departmentId'],
          `部门「${data.departmentId}」不在待出具意见的联合审核部门中`,
          `department '${data.departmentId}' is not awaited in a joint review`,
        ),
      )
    : emit('JointReviewOpinionRecorded', {
        ticketId,
        at: now,
        departmentId: data.departmentId,
        opinion: data.opinion,
        ...opt('comment', data.comment),
        staffId: ctx.actor.id,
        pendingDepartments: state.pendingJointDepartments.filter((x) => x !== data.departmentId),
      });

/** TKT-03, TKT-04: the review outcome; a rejection carries its reason. */
export const reviewTicket: Handler<'ReviewTicket'> = ({
  data,
  state,
  intake,
  ticketId,
  ctx,
  now,
}) => {
  if (state.pendingJointDepartments.length > 0)
    return E.left(
      ticketRule(
        'TICKET_JOINT_REVIEW_PENDING',
        'TKT-08',
        ['outcome'],
        `联合审核尚缺部门意见：${state.pendingJointDepartments.join('、')}`,
        `the joint review still waits for: ${state.pendingJointDepartments.join(', ')}`,
      ),
    );
  if (data.outcome === 'approve' && state.missingMaterials.length > 0)
    return E.left(
      ticketRule(
        'TICKET_MATERIALS_MISSING',
        'TKT-02',
        ['outcome'],
        `材料不全，缺少：${state.missingMaterials.join('、')}`,
        `materials are missing: ${state.missingMaterials.join(', ')}`,
      ),
    );
  return pipe(
    clock(state),
    E.flatMap(({ current }) =>
      emit('TicketReviewed', {
        ticketId,
        at: now,
        outcome: data.outcome,
        ...(data.outcome === 'reject'
          ? { reasonCode: data.reasonCode, reasonText: data.reasonText }
          : opt('note', data.note)),
        reviewerId: ctx.actor.id,
        serviceType: intake.serviceType,
        centreId: intake.centreId,
        reviewDeadline: current,
        withinLimit: isOnTime(current, now),
      }),
    ),
  );
};

/** TKT-03: final approval, within the service type's limit (the deadline in force). */
export const grantFinalApproval: Handler<'GrantFinalApproval'> = ({
  data,
  state,
  ticketId,
  ctx,
  now,
}) =>
  state.completionDeadline === undefined
    ? E.left(notAccepted())
    : emit('FinalApprovalGranted', {
        ticketId,
        at: now,
        approverId: ctx.actor.id,
        ...opt('decisionRef', data.decisionRef),
        ...opt('note', data.note),
        completionDeadline: state.completionDeadline,
        withinLimit: isOnTime(state.completionDeadline, now),
      });
