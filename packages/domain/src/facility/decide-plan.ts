// FAC-03, FAC-04, FAC-12: maintenance plan items with the four fixed, their scheduled tasks
// and the completion that schedules the next one (fixed or floating).
import * as E from 'fp-ts/lib/Either.js';
import type { IsoDate } from '../calendar/work-calendar.js';
import type { DomainError, FieldPath } from '../kernel/errors.js';
import { parseWith } from '../kernel/validation.js';
import { FacilityCommandSchemas as C } from './commands.js';
import type { FacilityContext } from './context.js';
import { resolveCycle } from './cycles.js';
import { addCycles, overdueFrom } from './dates.js';
import {
  type Decision,
  event,
  isRecord,
  outOfRange,
  requireActive,
  today,
} from './decide-support.js';
import {
  duplicate,
  fourFixedMissing,
  fourFixedNames,
  things,
  unknownRef,
  wrongStatus,
} from './errors.js';
import type { FacilityEvent } from './events.js';
import { qualifiedWorkDate } from './qualification.js';
import type { FacilityPersonRef } from './schemas.js';
import { type FacilityState, type OpenTaskState, own, type PlanItemState } from './state.js';

/** Id of the n-th task of a plan item. */
export const facilityTaskId = (planItemId: string, occurrence: number): string =>
  `${planItemId}:${occurrence}`;

const isBlank = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (isRecord(value) && Object.keys(value).length === 0);

const scheduledEvent = (
  ctx: FacilityContext,
  classKey: string,
  item: Pick<PlanItemState, 'planItemId' | 'taskKind'>,
  occurrence: number,
  dueDate: IsoDate | undefined,
  basis: 'first' | 'previous-due' | 'completion',
  path: FieldPath,
): E.Either<DomainError, FacilityEvent> => {
  const dueAt = dueDate && overdueFrom(dueDate, ctx.calendar.timeZone);
  if (dueDate === undefined || dueAt === undefined) return E.left(outOfRange(path, dueDate ?? ''));
  return E.right(
    event('MaintenanceTaskScheduled', {
      taskId: facilityTaskId(item.planItemId, occurrence),
      planItemId: item.planItemId,
      taskKind: item.taskKind,
      classKey,
      occurrence,
      dueDate,
      dueAt,
      basis,
    }),
  );
};

/** FAC-03, FAC-04: adds a plan item (四定) and schedules its first task. */
export const addPlanItem = (
  data: unknown,
  state: FacilityState,
  ctx: FacilityContext,
): Decision => {
  const active = requireActive(state, 'AddMaintenancePlanItem');
  if (E.isLeft(active)) return active;
  const reg = active.right;
  if (isRecord(data))
    for (const field of Object.keys(fourFixedNames) as (keyof typeof fourFixedNames)[])
      if (isBlank(data[field])) return E.left(fourFixedMissing(field));
  const parsed = parseWith(C.AddMaintenancePlanItem, data, 'FAC-03');
  if (E.isLeft(parsed)) return parsed;
  const d = parsed.right;
  if (Object.hasOwn(state.planItems, d.planItemId))
    return E.left(duplicate('FAC-03', ['planItemId'], things.planItem, d.planItemId));
  const resolved = resolveCycle(ctx.policy.facility, reg.classKey, d.taskKind, d.schedule);
  if (E.isLeft(resolved)) return resolved;
  const { cycle, source } = resolved.right;
  const day = today(ctx);
  if (E.isLeft(day)) return day;
  const firstDueDate = d.schedule.firstDueDate ?? addCycles(day.right, cycle, 1);
  if (firstDueDate === undefined)
    return E.left(outOfRange(['schedule', 'firstDueDate'], day.right));
  const scheduled = scheduledEvent(ctx, reg.classKey, d, 1, firstDueDate, 'first', [
    'schedule',
    'firstDueDate',
  ]);
  if (E.isLeft(scheduled)) return scheduled;
  return E.right([
    event('MaintenancePlanItemAdded', {
      planItemId: d.planItemId,
      taskKind: d.taskKind,
      title: d.title,
      classKey: reg.classKey,
      person: d.person,
      post: d.post,
      schedule: {
        mode: d.schedule.mode,
        cycle,
        cycleSource: source,
        riskLevel: d.schedule.riskLevel,
        firstDueDate,
      },
      responsibility: d.responsibility,
      addedAt: ctx.now,
    }),
    scheduled.right,
  ]);
};

/** FAC-03: retires a plan item; its open task will not fall due. */
export const retirePlanItem = (
  data: unknown,
  state: FacilityState,
  ctx: FacilityContext,
): Decision => {
  const active = requireActive(state, 'RetireMaintenancePlanItem');
  if (E.isLeft(active)) return active;
  const parsed = parseWith(C.RetireMaintenancePlanItem, data, 'FAC-03');
  if (E.isLeft(parsed)) return parsed;
  const { planItemId, reason } = parsed.right;
  const item = Object.hasOwn(state.planItems, planItemId) ? state.planItems[planItemId] : undefined;
  if (item === undefined)
    return E.left(unknownRef('FAC-03', ['planItemId'], things.planItem, planItemId));
  if (item.retired)
    return E.left(wrongStatus('FAC-03', ['planItemId'], things.planItem, 'retired', 'retire'));
  return E.right([
    event('MaintenancePlanItemRetired', {
      planItemId,
      reason,
      cancelledTaskIds: item.openTaskId === undefined ? [] : [item.openTaskId],
      retiredAt: ctx.now,
    }),
  ]);
};

/** The open task with this id, or the FAC-12 error. */
export const findOpenTask = (
  state: FacilityState,
  taskId: string,
  path: FieldPath,
): E.Either<DomainError, OpenTaskState> => {
  const task = Object.hasOwn(state.openTasks, taskId) ? state.openTasks[taskId] : undefined;
  return task === undefined
    ? E.left(unknownRef('FAC-12', path, things.task, taskId))
    : E.right(task);
};

/**
 * FAC-12: the events of a completed task and its successor. Fixed schedules count the next
 * due date from the first due date (so from the last due date, without month-end drift);
 * floating schedules from the completion day.
 */
export const completionEvents = (
  state: FacilityState,
  ctx: FacilityContext,
  classKey: string,
  task: OpenTaskState,
  done: {
    readonly completedAt: string;
    readonly completedOn: IsoDate;
    readonly performedBy: FacilityPersonRef;
    readonly recordId?: string | undefined;
    readonly notes?: string | undefined;
  },
): E.Either<DomainError, readonly FacilityEvent[]> => {
  const item = own(state.planItems, task.planItemId);
  const completed = event('MaintenanceTaskCompleted', {
    taskId: task.taskId,
    planItemId: task.planItemId,
    taskKind: task.taskKind,
    occurrence: task.occurrence,
    dueDate: task.dueDate,
    completedAt: done.completedAt,
    completedOn: done.completedOn,
    onTime: done.completedOn <= task.dueDate,
    performedBy: done.performedBy,
    recordId: done.recordId,
    notes: done.notes,
  });
  if (item === undefined || item.retired) return E.right([completed]);
  const next = task.occurrence + 1;
  const fixed = item.mode === 'fixed';
  const dueDate = fixed
    ? addCycles(item.firstDueDate, item.cycle, next - 1)
    : addCycles(done.completedOn, item.cycle, 1);
  const scheduled = scheduledEvent(
    ctx,
    classKey,
    item,
    next,
    dueDate,
    fixed ? 'previous-due' : 'completion',
    ['taskId'],
  );
  return E.isLeft(scheduled) ? scheduled : E.right([completed, scheduled.right]);
};

/** FAC-08, FAC-12: records that a scheduled task was done and schedules the next. */
export const completeTask = (
  data: unknown,
  state: FacilityState,
  ctx: FacilityContext,
): Decision => {
  const active = requireActive(state, 'CompleteMaintenanceTask');
  if (E.isLeft(active)) return active;
  const parsed = parseWith(C.CompleteMaintenanceTask, data, 'FAC-12');
  if (E.isLeft(parsed)) return parsed;
  const d = parsed.right;
  const task = findOpenTask(state, d.taskId, ['taskId']);
  if (E.isLeft(task)) return task;
  const workDate = qualifiedWorkDate(ctx, active.right.classKey, {
    at: d.performedAt,
    atPath: ['performedAt'],
    performerId: d.performedBy.id,
    performerPath: ['performedBy'],
  });
  if (E.isLeft(workDate)) return workDate;
  return completionEvents(state, ctx, active.right.classKey, task.right, {
    completedAt: d.performedAt,
    completedOn: workDate.right,
    performedBy: d.performedBy,
    notes: d.notes,
  });
};
