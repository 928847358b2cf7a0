// Constructors of the facility's domain errors: stable codes, requirement ids, field paths,
// messages in Chinese and English.
import {
  type DomainError,
  type FieldPath,
  forbidden,
  illegalTransition,
  notFound,
  ruleViolation,
  type ValidationError,
} from '../kernel/errors.js';
import type { RequirementId } from '../kernel/requirement.js';

/** A thing the facility stream holds, named in both languages for messages. */
export interface Thing {
  readonly zh: string;
  readonly en: string;
}

export const things = {
  planItem: { zh: '维护计划项', en: 'plan item' },
  task: { zh: '维护任务', en: 'maintenance task' },
  record: { zh: '巡检/维护记录', en: 'maintenance record' },
  recordNumber: { zh: '记录编号', en: 'record number' },
  fault: { zh: '故障', en: 'fault' },
  repairOrder: { zh: '维修单', en: 'repair order' },
  usageRecord: { zh: '使用记录', en: 'usage record' },
  renovation: { zh: '更新改造项目', en: 'renovation project' },
  safetyRecord: { zh: '安全与应急记录', en: 'safety record' },
  report: { zh: '维护报告', en: 'maintenance report' },
  document: { zh: '技术资料', en: 'technical document' },
} as const satisfies Record<string, Thing>;

/** The command needs a registered facility. */
export const notRegistered = (): DomainError =>
  notFound({ code: 'FACILITY_NOT_REGISTERED', requirement: 'FAC-02', streamId: 'facility' });

export const alreadyRegistered = (facilityId: string): DomainError =>
  ruleViolation({
    code: 'FACILITY_ALREADY_REGISTERED',
    requirement: 'FAC-02',
    path: ['facilityId'],
    zh: `设施「${facilityId}」已登记`,
    en: `facility '${facilityId}' is already registered`,
  });

export const decommissioned = (attempted: string): DomainError =>
  illegalTransition({
    code: 'FACILITY_DECOMMISSIONED',
    requirement: 'FAC-02',
    from: 'decommissioned',
    attempted,
    zh: `设施已停用，不能执行「${attempted}」`,
    en: `the facility is decommissioned; '${attempted}' is not allowed`,
  });

/** An id that is already taken inside the facility stream. */
export const duplicate = (
  requirement: RequirementId,
  path: FieldPath,
  what: Thing,
  id: string,
): DomainError =>
  ruleViolation({
    code: 'FACILITY_DUPLICATE_ID',
    requirement,
    path,
    zh: `${what.zh}「${id}」已存在`,
    en: `${what.en} '${id}' already exists`,
  });

/** A reference to something the facility stream does not hold. */
export const unknownRef = (
  requirement: RequirementId,
  path: FieldPath,
  what: Thing,
  id: string,
): DomainError =>
  ruleViolation({
    code: 'FACILITY_UNKNOWN_REFERENCE',
    requirement,
    path,
    zh: `${what.zh}「${id}」不存在`,
    en: `${what.en} '${id}' does not exist`,
  });

/** A step that the thing's current status does not allow. */
export const wrongStatus = (
  requirement: RequirementId,
  path: FieldPath,
  what: Thing,
  from: string,
  attempted: string,
  code = 'FACILITY_ILLEGAL_TRANSITION',
): DomainError =>
  illegalTransition({
    code,
    requirement,
    path,
    from,
    attempted,
    zh: `${what.zh}当前状态「${from}」不允许「${attempted}」`,
    en: `${what.en} in state '${from}' does not allow '${attempted}'`,
  });

/** A rule of the facility standard that the command breaks. */
export const rule = (
  code: string,
  requirement: RequirementId,
  path: FieldPath,
  zh: string,
  en: string,
): DomainError => ruleViolation({ code, requirement, path, zh, en });

/** The four fixed 四定 of a plan item (FAC-03). */
export const fourFixedNames = {
  person: { zh: '定人', en: 'person' },
  post: { zh: '定岗', en: 'post' },
  schedule: { zh: '定时', en: 'schedule' },
  responsibility: { zh: '定责', en: 'responsibility' },
} as const;

/** FAC-03: a plan item lacks one of the four fixed. */
export const fourFixedMissing = (field: keyof typeof fourFixedNames): ValidationError => {
  const name = fourFixedNames[field];
  const message = {
    zh: `维护计划项缺少「${name.zh}」（四定：定人、定岗、定时、定责）`,
    en: `the plan item lacks its ${name.en} (four fixed: person, post, schedule, responsibility)`,
  };
  return {
    kind: 'validation',
    code: 'FACILITY_FOUR_FIXED_MISSING',
    requirement: 'FAC-03',
    path: [field],
    message,
    issues: [{ path: [field], rule: 'four-fixed', message }],
  };
};

/** Separation of duties: reviewers may not review their own work. */
export const selfReview = (requirement: RequirementId, actorId: string, what: Thing) =>
  forbidden({
    code: 'FACILITY_SELF_REVIEW',
    requirement,
    actorId,
    zh: `${what.zh}不能由本人审核`,
    en: `a ${what.en} cannot be reviewed by the person who wrote or signed it`,
  });

/** The actor's role may not review. */
export const reviewerRole = (
  requirement: RequirementId,
  actorId: string,
  role: string,
  allowed: readonly string[],
) =>
  forbidden({
    code: 'FACILITY_REVIEWER_ROLE',
    requirement,
    actorId,
    zh: `角色「${role}」无审核权限（需要：${allowed.join('、')}）`,
    en: `role '${role}' may not review (needs one of: ${allowed.join(', ')})`,
  });
