// FAC-05, FAC-13: inspection / maintenance records, their signature and review; an abnormal
// result opens a fault.
import * as E from 'fp-ts/lib/Either.js';
import { parseWith } from '../kernel/validation.js';
import { FacilityCommandSchemas as C } from './commands.js';
import type { FacilityContext } from './context.js';
import { addYearsTo } from './dates.js';
import { completionEvents, findOpenTask } from './decide-plan.js';
import {
  type Decision,
  event,
  isRecord,
  outOfRange,
  requireActive,
  requireRegistered,
} from './decide-support.js';
import {
  duplicate,
  reviewerRole,
  rule,
  selfReview,
  things,
  unknownRef,
  wrongStatus,
} from './errors.js';
import type { FacilityEvent } from './events.js';
import { qualifiedWorkDate } from './qualification.js';
import type { FacilityState } from './state.js';

/** FAC-05, FAC-08, FAC-12, FAC-13: a signed record; sets the condition, may open a fault. */
export const recordInspection = (
  data: unknown,
  state: FacilityState,
  ctx: FacilityContext,
): Decision => {
  const active = requireActive(state, 'RecordInspection');
  if (E.isLeft(active)) return active;
  const reg = active.right;
  if (isRecord(data) && data.condition === undefined)
    return E.left(
      rule(
        'FACILITY_CONDITION_REQUIRED',
        'FAC-13',
        ['condition'],
        '每次巡检都须判定设施是否完好',
        'every inspection states whether the facility is intact',
      ),
    );
  const parsed = parseWith(C.RecordInspection, data, 'FAC-05');
  if (E.isLeft(parsed)) return parsed;
  const d = parsed.right;
  if (Object.hasOwn(state.records, d.recordId))
    return E.left(duplicate('FAC-05', ['recordId'], things.record, d.recordId));
  if (Object.hasOwn(state.recordNumbers, d.recordNumber))
    return E.left(duplicate('FAC-05', ['recordNumber'], things.recordNumber, d.recordNumber));
  const signer = d.personnel.find((p) => p.id === d.maintainerId);
  if (signer === undefined)
    return E.left(
      rule(
        'FACILITY_SIGNER_NOT_IN_PERSONNEL',
        'FAC-05',
        ['maintainerId'],
        `签字的维护人员「${d.maintainerId}」不在本次作业人员中`,
        `the signing maintainer '${d.maintainerId}' is not among the personnel`,
      ),
    );
  if (d.supersedesRecordId !== undefined) {
    const old = Object.hasOwn(state.records, d.supersedesRecordId)
      ? state.records[d.supersedesRecordId]
      : undefined;
    if (old === undefined)
      return E.left(
        unknownRef('FAC-05', ['supersedesRecordId'], things.record, d.supersedesRecordId),
      );
    if (old.status !== 'returned')
      return E.left(
        wrongStatus('FAC-05', ['supersedesRecordId'], things.record, old.status, 'supersede'),
      );
  }
  const task = d.taskId === undefined ? undefined : findOpenTask(state, d.taskId, ['taskId']);
  if (task && E.isLeft(task)) return task;
  const workDate = qualifiedWorkDate(ctx, reg.classKey, {
    at: d.performedAt,
    atPath: ['performedAt'],
    performerId: signer.id,
    performerPath: ['maintainerId'],
  });
  if (E.isLeft(workDate)) return workDate;
  const faultId = d.result === 'abnormal' ? (d.faultId ?? `${d.recordId}-fault`) : undefined;
  if (faultId !== undefined && Object.hasOwn(state.faults, faultId))
    return E.left(duplicate('FAC-05', ['faultId'], things.fault, faultId));
  const retentionYears = ctx.policy.archive.maintenanceRecordRetentionYears;
  const retainUntil = addYearsTo(workDate.right, retentionYears);
  if (retainUntil === undefined) return E.left(outOfRange(['performedAt'], d.performedAt));

  const events: FacilityEvent[] = [
    event('FacilityInspected', {
      recordId: d.recordId,
      recordNumber: d.recordNumber,
      taskId: d.taskId,
      facility: {
        name: reg.name,
        number: reg.number,
        location: reg.location,
        classKey: reg.classKey,
      },
      performedAt: d.performedAt,
      personnel: d.personnel,
      content: d.content,
      result: d.result,
      condition: d.condition,
      findings: d.findings,
      signedBy: signer,
      signedAt: ctx.now,
      retentionYears,
      retainUntil,
      faultId,
      supersedesRecordId: d.supersedesRecordId,
    }),
  ];
  if (faultId !== undefined)
    events.push(
      event('FaultReported', {
        faultId,
        source: 'inspection',
        recordId: d.recordId,
        description: d.findings ?? d.content,
        urgency: d.faultUrgency,
        reportedAt: ctx.now,
      }),
    );
  if (task) {
    const done = completionEvents(state, ctx, reg.classKey, task.right, {
      completedAt: d.performedAt,
      completedOn: workDate.right,
      performedBy: signer,
      recordId: d.recordId,
    });
    if (E.isLeft(done)) return done;
    events.push(...done.right);
  }
  return E.right(events);
};

/** FAC-05: the department head reviews a signed record; never the people who did the work. */
export const reviewRecord = (
  data: unknown,
  state: FacilityState,
  ctx: FacilityContext,
): Decision => {
  const registered = requireRegistered(state);
  if (E.isLeft(registered)) return registered;
  const parsed = parseWith(C.ReviewMaintenanceRecord, data, 'FAC-05');
  if (E.isLeft(parsed)) return parsed;
  const d = parsed.right;
  const record = Object.hasOwn(state.records, d.recordId) ? state.records[d.recordId] : undefined;
  if (record === undefined)
    return E.left(unknownRef('FAC-05', ['recordId'], things.record, d.recordId));
  if (record.status !== 'signed')
    return E.left(
      wrongStatus(
        'FAC-05',
        ['recordId'],
        things.record,
        record.status,
        'review',
        'FACILITY_RECORD_NOT_AWAITING_REVIEW',
      ),
    );
  if (ctx.actor.id === record.signedById || record.personnelIds.includes(ctx.actor.id))
    return E.left(selfReview('FAC-05', ctx.actor.id, things.record));
  const roles = ctx.policy.facility.recordReviewerRoles;
  if (!roles.includes(ctx.actor.role))
    return E.left(reviewerRole('FAC-05', ctx.actor.id, ctx.actor.role, roles));
  return E.right([
    event('MaintenanceRecordReviewed', {
      recordId: d.recordId,
      recordNumber: record.recordNumber,
      decision: d.decision,
      comment: d.comment,
      reviewer: ctx.actor,
      reviewedAt: ctx.now,
      final: d.decision === 'approved',
    }),
  ]);
};
