// FAC-10, FAC-11: safety & emergency records and maintenance reports, each with its review.
import * as E from 'fp-ts/lib/Either.js';
import type { DomainError } from '../kernel/errors.js';
import { parseWith } from '../kernel/validation.js';
import { FacilityCommandSchemas as C } from './commands.js';
import type { FacilityContext } from './context.js';
import { addYearsTo } from './dates.js';
import {
  type Decision,
  event,
  outOfRange,
  requireActive,
  requireRegistered,
  today,
  workDateOf,
} from './decide-support.js';
import {
  duplicate,
  reviewerRole,
  rule,
  selfReview,
  type Thing,
  things,
  unknownRef,
  wrongStatus,
} from './errors.js';
import type { FacilityState, ReviewableState } from './state.js';

/** FAC-10: adds a safety / emergency record; a drill carries its evaluation. */
export const recordSafety = (
  data: unknown,
  state: FacilityState,
  ctx: FacilityContext,
): Decision => {
  const active = requireActive(state, 'RecordSafetyRecord');
  if (E.isLeft(active)) return active;
  const parsed = parseWith(C.RecordSafetyRecord, data, 'FAC-10');
  if (E.isLeft(parsed)) return parsed;
  const d = parsed.right;
  if (Object.hasOwn(state.safetyRecords, d.safetyRecordId))
    return E.left(duplicate('FAC-10', ['safetyRecordId'], things.safetyRecord, d.safetyRecordId));
  if (d.kind === 'drill' && d.evaluation === undefined)
    return E.left(
      rule(
        'FACILITY_DRILL_EVALUATION_REQUIRED',
        'FAC-10',
        ['evaluation'],
        '应急演练记录须包含演练评估',
        'a drill record needs its evaluation',
      ),
    );
  if (d.kind !== 'emergency-plan') {
    const when = workDateOf(ctx, d.occurredAt, ['occurredAt']);
    if (E.isLeft(when)) return when;
  }
  return E.right([
    event('SafetyRecordAdded', { ...d, recordedBy: ctx.actor, recordedAt: ctx.now }),
  ]);
};

/** Who may review what, and that nobody reviews their own writing. */
const checkReviewer = (
  ctx: FacilityContext,
  item: ReviewableState,
  roles: readonly string[],
  requirement: 'FAC-10' | 'FAC-11',
  what: Thing,
  path: readonly string[],
): DomainError | undefined => {
  if (item.status !== 'awaiting-review')
    return wrongStatus(
      requirement,
      path,
      what,
      item.status,
      'review',
      'FACILITY_NOT_AWAITING_REVIEW',
    );
  if (ctx.actor.id === item.authorId) return selfReview(requirement, ctx.actor.id, what);
  if (!roles.includes(ctx.actor.role))
    return reviewerRole(requirement, ctx.actor.id, ctx.actor.role, roles);
  return undefined;
};

/** FAC-10: the review of a safety / emergency record. */
export const reviewSafety = (
  data: unknown,
  state: FacilityState,
  ctx: FacilityContext,
): Decision => {
  const registered = requireRegistered(state);
  if (E.isLeft(registered)) return registered;
  const parsed = parseWith(C.ReviewSafetyRecord, data, 'FAC-10');
  if (E.isLeft(parsed)) return parsed;
  const d = parsed.right;
  const item = Object.hasOwn(state.safetyRecords, d.safetyRecordId)
    ? state.safetyRecords[d.safetyRecordId]
    : undefined;
  if (item === undefined)
    return E.left(unknownRef('FAC-10', ['safetyRecordId'], things.safetyRecord, d.safetyRecordId));
  const refused = checkReviewer(
    ctx,
    item,
    ctx.policy.facility.recordReviewerRoles,
    'FAC-10',
    things.safetyRecord,
    ['safetyRecordId'],
  );
  if (refused) return E.left(refused);
  return E.right([
    event('SafetyRecordReviewed', { ...d, reviewer: ctx.actor, reviewedAt: ctx.now }),
  ]);
};

/** FAC-11: drafts a maintenance report over the facility's records. */
export const draftReport = (
  data: unknown,
  state: FacilityState,
  ctx: FacilityContext,
): Decision => {
  const active = requireActive(state, 'DraftMaintenanceReport');
  if (E.isLeft(active)) return active;
  const reg = active.right;
  const parsed = parseWith(C.DraftMaintenanceReport, data, 'FAC-11');
  if (E.isLeft(parsed)) return parsed;
  const d = parsed.right;
  if (Object.hasOwn(state.reports, d.reportId))
    return E.left(duplicate('FAC-11', ['reportId'], things.report, d.reportId));
  if (d.period.to < d.period.from)
    return E.left(
      rule(
        'FACILITY_REPORT_PERIOD_INVALID',
        'FAC-11',
        ['period', 'to'],
        `报告期结束日 ${d.period.to} 早于开始日 ${d.period.from}`,
        `the report period ends (${d.period.to}) before it starts (${d.period.from})`,
      ),
    );
  const records = [];
  for (const [i, recordNumber] of d.recordNumbers.entries()) {
    const recordId = Object.hasOwn(state.recordNumbers, recordNumber)
      ? state.recordNumbers[recordNumber]
      : undefined;
    const record = recordId === undefined ? undefined : state.records[recordId];
    if (recordId === undefined || record === undefined)
      return E.left(unknownRef('FAC-11', ['recordNumbers', i], things.recordNumber, recordNumber));
    records.push({ recordNumber, recordId, retainUntil: record.retainUntil });
  }
  const day = today(ctx);
  if (E.isLeft(day)) return day;
  const retentionYears = ctx.policy.archive.maintenanceRecordRetentionYears;
  const retainUntil = addYearsTo(day.right, retentionYears);
  if (retainUntil === undefined) return E.left(outOfRange([], ctx.now));
  return E.right([
    event('MaintenanceReportDrafted', {
      reportId: d.reportId,
      facility: {
        name: reg.name,
        number: reg.number,
        location: reg.location,
        classKey: reg.classKey,
      },
      period: d.period,
      overview: d.overview,
      content: d.content,
      results: d.results,
      conclusion: d.conclusion,
      records,
      retentionYears,
      retainUntil,
      responsiblePerson: d.responsiblePerson,
      attachments: d.attachments,
      draftedBy: ctx.actor,
      draftedAt: ctx.now,
    }),
  ]);
};

const findReport = (state: FacilityState, reportId: string) =>
  Object.hasOwn(state.reports, reportId) ? state.reports[reportId] : undefined;

/** FAC-11: the maintenance head reviews the report before it is submitted. */
export const reviewReport = (
  data: unknown,
  state: FacilityState,
  ctx: FacilityContext,
): Decision => {
  const registered = requireRegistered(state);
  if (E.isLeft(registered)) return registered;
  const parsed = parseWith(C.ReviewMaintenanceReport, data, 'FAC-11');
  if (E.isLeft(parsed)) return parsed;
  const d = parsed.right;
  const report = findReport(state, d.reportId);
  if (report === undefined)
    return E.left(unknownRef('FAC-11', ['reportId'], things.report, d.reportId));
  const refused = checkReviewer(
    ctx,
    report,
    ctx.policy.facility.reportReviewerRoles,
    'FAC-11',
    things.report,
    ['reportId'],
  );
  if (refused) return E.left(refused);
  return E.right([
    event('MaintenanceReportReviewed', { ...d, reviewer: ctx.actor, reviewedAt: ctx.now }),
  ]);
};

/** FAC-11: only an approved report is submitted. */
export const submitReport = (
  data: unknown,
  state: FacilityState,
  ctx: FacilityContext,
): Decision => {
  const registered = requireRegistered(state);
  if (E.isLeft(registered)) return registered;
  const parsed = parseWith(C.SubmitMaintenanceReport, data, 'FAC-11');
  if (E.isLeft(parsed)) return parsed;
  const d = parsed.right;
  const report = findReport(state, d.reportId);
  if (report === undefined)
    return E.left(unknownRef('FAC-11', ['reportId'], things.report, d.reportId));
  if (report.status !== 'approved')
    return E.left(
      wrongStatus(
        'FAC-11',
        ['reportId'],
        things.report,
        report.status,
        'submit',
        'FACILITY_REPORT_NOT_APPROVED',
      ),
    );
  return E.right([event('MaintenanceReportSubmitted', { ...d, submittedAt: ctx.now })]);
};
