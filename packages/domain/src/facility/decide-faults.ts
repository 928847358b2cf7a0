// FAC-06, FAC-09, FAC-13: faults (from usage, inspections or citizen tickets), repair
// orders with "urgent first", replacement assessments, and usage / operation records.
import * as E from 'fp-ts/lib/Either.js';
import { IdSchema } from '../kernel/schemas.js';
import { parseWith } from '../kernel/validation.js';
import { FacilityCommandSchemas as C } from './commands.js';
import type { FacilityContext } from './context.js';
import { wholeYearsBetween } from './dates.js';
import { type Decision, event, requireActive, today, workDateOf } from './decide-support.js';
import { duplicate, rule, things, unknownRef, wrongStatus } from './errors.js';
import type { FacilityEvent } from './events.js';
import { qualifiedWorkDate } from './qualification.js';
import type { FacilityState, RepairOrderState } from './state.js';

const sourceRefOf = (d: { readonly source: string } & Record<string, unknown>): string =>
  String(d.source === 'ticket' ? d.ticketId : d.source === 'usage' ? d.usageRecordId : d.recordId);

/**
 * FAC-09: reports a fault. Idempotent per source: a second report from the same ticket,
 * inspection record or usage record appends nothing, so reactions may retry safely.
 */
export const reportFault = (
  data: unknown,
  state: FacilityState,
  ctx: FacilityContext,
): Decision => {
  const active = requireActive(state, 'ReportFault');
  if (E.isLeft(active)) return active;
  const parsed = parseWith(C.ReportFault, data, 'FAC-09');
  if (E.isLeft(parsed)) return parsed;
  const d = parsed.right;
  const ref = sourceRefOf(d);
  if (Object.values(state.faults).some((f) => f.source === d.source && f.sourceRef === ref))
    return E.right([]);
  const faultId = d.faultId ?? `${d.source}-${ref}`;
  if (!IdSchema.safeParse(faultId).success)
    return E.left(
      rule(
        'FACILITY_FAULT_ID_REQUIRED',
        'FAC-09',
        ['faultId'],
        '来源编号过长，无法生成故障编号，请给出 faultId',
        'the source reference is too long to derive a fault id; give a faultId',
      ),
    );
  if (Object.hasOwn(state.faults, faultId))
    return E.left(duplicate('FAC-09', ['faultId'], things.fault, faultId));
  if (d.source === 'inspection' && !Object.hasOwn(state.records, d.recordId))
    return E.left(unknownRef('FAC-09', ['recordId'], things.record, d.recordId));
  if (d.source === 'usage' && !state.usageRecordIds.includes(d.usageRecordId))
    return E.left(unknownRef('FAC-09', ['usageRecordId'], things.usageRecord, d.usageRecordId));
  return E.right([event('FaultReported', { ...d, faultId, reportedAt: ctx.now })]);
};

const findFault = (state: FacilityState, faultId: string) =>
  Object.hasOwn(state.faults, faultId) ? state.faults[faultId] : undefined;

/** FAC-09: closes a fault that needs no repair. */
export const dismissFault = (
  data: unknown,
  state: FacilityState,
  ctx: FacilityContext,
): Decision => {
  const active = requireActive(state, 'DismissFault');
  if (E.isLeft(active)) return active;
  const parsed = parseWith(C.DismissFault, data, 'FAC-09');
  if (E.isLeft(parsed)) return parsed;
  const d = parsed.right;
  const fault = findFault(state, d.faultId);
  if (fault === undefined)
    return E.left(unknownRef('FAC-09', ['faultId'], things.fault, d.faultId));
  if (fault.status !== 'open')
    return E.left(wrongStatus('FAC-09', ['faultId'], things.fault, fault.status, 'dismiss'));
  return E.right([event('FaultDismissed', { ...d, dismissedAt: ctx.now })]);
};

/** FAC-06, FAC-13: orders a repair; a replacement records its assessment. */
export const orderRepair = (
  data: unknown,
  state: FacilityState,
  ctx: FacilityContext,
): Decision => {
  const active = requireActive(state, 'OrderRepair');
  if (E.isLeft(active)) return active;
  const reg = active.right;
  const parsed = parseWith(C.OrderRepair, data, 'FAC-06');
  if (E.isLeft(parsed)) return parsed;
  const d = parsed.right;
  if (Object.hasOwn(state.repairOrders, d.repairOrderId))
    return E.left(duplicate('FAC-06', ['repairOrderId'], things.repairOrder, d.repairOrderId));
  const fault = findFault(state, d.faultId);
  if (fault === undefined)
    return E.left(unknownRef('FAC-06', ['faultId'], things.fault, d.faultId));
  if (fault.status !== 'open')
    return E.left(wrongStatus('FAC-06', ['faultId'], things.fault, fault.status, 'order repair'));
  if (
    d.repairClass !== 'replacement' &&
    ctx.policy.facility.replaceOrRemoveClasses.includes(reg.classKey)
  )
    return E.left(
      rule(
        'FACILITY_REPLACE_OR_REMOVE',
        'FAC-13',
        ['repairClass'],
        `「${reg.classKey}」类设施损坏须更换或撤除，不能「${d.repairClass}」维修`,
        `broken '${reg.classKey}' must be replaced or removed, not given a '${d.repairClass}' repair`,
      ),
    );
  if (d.repairClass === 'replacement' && d.assessment === undefined)
    return E.left(
      rule(
        'FACILITY_ASSESSMENT_REQUIRED',
        'FAC-06',
        ['assessment'],
        '更换决定须记录评估：损坏程度、使用年限、维护记录、用户反馈、维修与更换成本',
        'a replacement needs its assessment: damage, age, maintenance history, user feedback, repair vs replacement cost',
      ),
    );
  const day = today(ctx);
  if (E.isLeft(day)) return day;
  const a = d.assessment;
  const assessment = a && {
    damageDegree: a.damageDegree,
    damageDescription: a.damageDescription,
    ageInServiceYears: wholeYearsBetween(reg.constructionDate, day.right),
    maintenanceHistory: {
      ...state.history,
      notes: a.maintenanceHistoryNotes,
    },
    userFeedback: a.userFeedback,
    repairCost: a.repairCost,
    replacementCost: a.replacementCost,
    justification: a.justification,
  };
  return E.right([
    event('RepairOrdered', {
      repairOrderId: d.repairOrderId,
      faultId: d.faultId,
      repairClass: d.repairClass,
      priority: d.priority,
      assignee: d.assignee,
      orderedAt: ctx.now,
      dueDate: d.dueDate,
      assessment,
    }),
  ]);
};

const findOrder = (state: FacilityState, id: string): RepairOrderState | undefined =>
  Object.hasOwn(state.repairOrders, id) ? state.repairOrders[id] : undefined;

/** FAC-06 先急后缓: a routine order may not start while an urgent one waits. */
const urgentFirst = (state: FacilityState, order: RepairOrderState) => {
  if (order.priority === 'urgent') return undefined;
  const waiting = state.repairQueue.find(
    (id) =>
      state.repairOrders[id]?.priority === 'urgent' && state.repairOrders[id]?.status === 'ordered',
  );
  return waiting === undefined
    ? undefined
    : rule(
        'FACILITY_URGENT_REPAIR_FIRST',
        'FAC-06',
        ['repairOrderId'],
        `紧急维修单「${waiting}」尚未开始，须先急后缓`,
        `urgent repair order '${waiting}' has not started; urgent repairs come first`,
      );
};

/** FAC-06, FAC-08: work on a repair order starts. */
export const startRepair = (
  data: unknown,
  state: FacilityState,
  ctx: FacilityContext,
): Decision => {
  const active = requireActive(state, 'StartRepair');
  if (E.isLeft(active)) return active;
  const parsed = parseWith(C.StartRepair, data, 'FAC-06');
  if (E.isLeft(parsed)) return parsed;
  const d = parsed.right;
  const order = findOrder(state, d.repairOrderId);
  if (order === undefined)
    return E.left(unknownRef('FAC-06', ['repairOrderId'], things.repairOrder, d.repairOrderId));
  if (order.status !== 'ordered')
    return E.left(
      wrongStatus('FAC-06', ['repairOrderId'], things.repairOrder, order.status, 'start'),
    );
  const first = urgentFirst(state, order);
  if (first) return E.left(first);
  const workDate = qualifiedWorkDate(ctx, active.right.classKey, {
    at: d.startedAt,
    atPath: ['startedAt'],
    performerId: d.performedBy.id,
    performerPath: ['performedBy'],
  });
  if (E.isLeft(workDate)) return workDate;
  return E.right([event('RepairStarted', d)]);
};

/** FAC-06, FAC-08: the repair is done and its fault resolved. */
export const completeRepair = (
  data: unknown,
  state: FacilityState,
  ctx: FacilityContext,
): Decision => {
  const active = requireActive(state, 'CompleteRepair');
  if (E.isLeft(active)) return active;
  const parsed = parseWith(C.CompleteRepair, data, 'FAC-06');
  if (E.isLeft(parsed)) return parsed;
  const d = parsed.right;
  const order = findOrder(state, d.repairOrderId);
  if (order === undefined)
    return E.left(unknownRef('FAC-06', ['repairOrderId'], things.repairOrder, d.repairOrderId));
  if (order.status !== 'ordered' && order.status !== 'in-progress')
    return E.left(
      wrongStatus('FAC-06', ['repairOrderId'], things.repairOrder, order.status, 'complete'),
    );
  if (order.status === 'ordered') {
    const first = urgentFirst(state, order);
    if (first) return E.left(first);
  }
  const workDate = qualifiedWorkDate(ctx, active.right.classKey, {
    at: d.performedAt,
    atPath: ['performedAt'],
    performerId: d.performedBy.id,
    performerPath: ['performedBy'],
  });
  if (E.isLeft(workDate)) return workDate;
  return E.right([
    event('RepairCompleted', {
      repairOrderId: d.repairOrderId,
      faultId: order.faultId,
      repairClass: order.repairClass,
      completedAt: d.performedAt,
      performedBy: d.performedBy,
      outcome: d.outcome,
      cost: d.cost,
    }),
    event('FaultResolved', {
      faultId: order.faultId,
      repairOrderId: d.repairOrderId,
      resolvedAt: ctx.now,
    }),
  ]);
};

/** FAC-09: a usage / operation record; a fault seen in use is reported with it. */
export const recordUsage = (
  data: unknown,
  state: FacilityState,
  ctx: FacilityContext,
): Decision => {
  const active = requireActive(state, 'RecordUsage');
  if (E.isLeft(active)) return active;
  const parsed = parseWith(C.RecordUsage, data, 'FAC-09');
  if (E.isLeft(parsed)) return parsed;
  const d = parsed.right;
  if (state.usageRecordIds.includes(d.usageRecordId))
    return E.left(duplicate('FAC-09', ['usageRecordId'], things.usageRecord, d.usageRecordId));
  if (d.user.id === undefined && d.user.name === undefined)
    return E.left(
      rule(
        'FACILITY_USAGE_USER_REQUIRED',
        'FAC-09',
        ['user'],
        '使用记录须写明使用人员（编号或姓名）',
        'a usage record names its user (id or name)',
      ),
    );
  const when = workDateOf(ctx, d.usedAt, ['usedAt']);
  if (E.isLeft(when)) return when;
  if (d.fault && Object.hasOwn(state.faults, d.fault.faultId))
    return E.left(duplicate('FAC-09', ['fault', 'faultId'], things.fault, d.fault.faultId));
  const events: FacilityEvent[] = [
    event('UsageRecorded', {
      usageRecordId: d.usageRecordId,
      user: d.user,
      usedAt: d.usedAt,
      state: d.state,
      operation: d.operation,
      durationMinutes: d.durationMinutes,
      faultId: d.fault?.faultId,
    }),
  ];
  if (d.fault)
    events.push(
      event('FaultReported', {
        faultId: d.fault.faultId,
        source: 'usage',
        usageRecordId: d.usageRecordId,
        description: d.fault.description,
        urgency: d.fault.urgency,
        reportedAt: ctx.now,
      }),
    );
  return E.right(events);
};
