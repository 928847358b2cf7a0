import {
  type FieldPath,
  type IllegalTransition,
  illegalTransition,
  type RuleViolation,
  ruleViolation,
} from '../kernel/errors.js';
import type { RequirementId } from '../kernel/requirement.js';
import type { StaffStatus } from './state.js';

const STATUS_ZH: Readonly<Record<StaffStatus, string>> = {
  unregistered: '未登记',
  registered: '已登记',
  'on-post': '在岗',
  'off-post': '离岗',
  departed: '已离任',
};

/** A command that the staff member's status does not allow (e.g. on post twice). */
export const staffTransition = (
  code: string,
  requirement: RequirementId,
  from: StaffStatus,
  attempted: string,
): IllegalTransition =>
  illegalTransition({
    code,
    requirement,
    from,
    attempted,
    zh: `人员当前状态「${STATUS_ZH[from]}」不允许执行「${attempted}」`,
    en: `'${attempted}' is not allowed while the staff member is '${from}'`,
  });

/** A date after today (in the calendar's zone): facts are recorded once they happened. */
export const dateInFuture = (
  requirement: RequirementId,
  path: FieldPath,
  date: string,
  today: string,
): RuleViolation =>
  ruleViolation({
    code: 'STAFF_DATE_IN_FUTURE',
    requirement,
    path,
    zh: `日期 ${date} 晚于今天（${today}），不能记录尚未发生的事实`,
    en: `date ${date} is after today (${today}); only facts that happened can be recorded`,
  });

/** A date before another date the record already holds. */
export const dateTooEarly = (
  code: string,
  requirement: RequirementId,
  path: FieldPath,
  date: string,
  notBefore: string,
  what: { readonly zh: string; readonly en: string },
): RuleViolation =>
  ruleViolation({
    code,
    requirement,
    path,
    zh: `日期 ${date} 早于${what.zh}（${notBefore}）`,
    en: `date ${date} is before ${what.en} (${notBefore})`,
  });

/** An id (training, assessment, record) already used on this staff member. */
export const duplicateRecord = (
  code: string,
  requirement: RequirementId,
  path: FieldPath,
  id: string,
): RuleViolation =>
  ruleViolation({
    code,
    requirement,
    path,
    zh: `编号「${id}」已记录过`,
    en: `'${id}' is already recorded`,
  });

/** STF-02: the certificate named by kind and number is not on record. */
export const certificateNotFound = (kind: string, number: string): RuleViolation =>
  ruleViolation({
    code: 'STAFF_CERTIFICATE_NOT_FOUND',
    requirement: 'STF-02',
    path: ['number'],
    zh: `未找到证书（${kind} ${number}）`,
    en: `no certificate ${kind} ${number} on record`,
  });

/** STF-02: the certificate is recorded already (renew it instead). */
export const certificateExists = (kind: string, number: string): RuleViolation =>
  ruleViolation({
    code: 'STAFF_CERTIFICATE_ALREADY_RECORDED',
    requirement: 'STF-02',
    path: ['number'],
    zh: `证书（${kind} ${number}）已登记，如需延期请办理换证`,
    en: `certificate ${kind} ${number} is already recorded; renew it instead`,
  });

/** STF-02: a revoked certificate can be neither renewed nor revoked again. */
export const certificateRevoked = (kind: string, number: string): RuleViolation =>
  ruleViolation({
    code: 'STAFF_CERTIFICATE_REVOKED',
    requirement: 'STF-02',
    path: ['number'],
    zh: `证书（${kind} ${number}）已被吊销`,
    en: `certificate ${kind} ${number} has been revoked`,
  });

/** STF-02: a renewal must extend the validity. */
export const renewalNotLater = (validUntil: string, current: string): RuleViolation =>
  ruleViolation({
    code: 'STAFF_CERTIFICATE_RENEWAL_NOT_LATER',
    requirement: 'STF-02',
    path: ['validUntil'],
    zh: `新的有效期截止日 ${validUntil} 须晚于当前截止日 ${current}`,
    en: `the new validUntil ${validUntil} must be after the current ${current}`,
  });

/** STF-01: a role change to the role already held. */
export const roleUnchanged = (role: string): RuleViolation =>
  ruleViolation({
    code: 'STAFF_ROLE_UNCHANGED',
    requirement: 'STF-01',
    path: ['role'],
    zh: `岗位已是「${role}」`,
    en: `the role is already '${role}'`,
  });

/** STF-04: seconded and centre roles are not interchangeable; a secondment is its own record. */
export const roleCrossesSecondment = (from: string, to: string): RuleViolation =>
  ruleViolation({
    code: 'STAFF_ROLE_CROSSES_SECONDMENT',
    requirement: 'STF-04',
    path: ['role'],
    zh: `岗位「${from}」不能改为「${to}」：派驻人员须单独登记派驻信息`,
    en: `role '${from}' cannot change to '${to}': seconded staff are registered with their secondment`,
  });

/** STF-04: only seconded staff end a secondment. */
export const notSeconded = (): RuleViolation =>
  ruleViolation({
    code: 'STAFF_NOT_SECONDED',
    requirement: 'STF-04',
    path: [],
    zh: '该人员不是部门派驻人员',
    en: 'the staff member is not seconded',
  });

/** STF-04: leaving before the minimum term needs a recorded reason. */
export const earlyEndReasonRequired = (endDate: string, minTermEndsOn: string): RuleViolation =>
  ruleViolation({
    code: 'STAFF_EARLY_END_REASON_REQUIRED',
    requirement: 'STF-04',
    path: ['earlyEndReason'],
    zh: `派驻人员应连续工作不少于规定年限（至 ${minTermEndsOn}），${endDate} 提前离任须填写原因`,
    en: `seconded staff serve the minimum term (until ${minTermEndsOn}); ending on ${endDate} needs an early-end reason`,
  });

/** STF-04: nobody named to take over, and no reason why. */
export const successorRequired = (): RuleViolation =>
  ruleViolation({
    code: 'STAFF_SUCCESSOR_REQUIRED',
    requirement: 'STF-04',
    path: ['successorStaffId'],
    zh: '按“先进后出”原则须指定接替人员，或说明无人接替的原因',
    en: "'in before out': name the successor, or give the reason there is none",
  });

/** STF-04: the successor named is the leaving person. */
export const successorIsSelf = (): RuleViolation =>
  ruleViolation({
    code: 'STAFF_SUCCESSOR_IS_SELF',
    requirement: 'STF-04',
    path: ['successorStaffId'],
    zh: '接替人员不能是离任人员本人',
    en: 'the successor cannot be the person who leaves',
  });

/** STF-04: the caller did not put the successor's status in the context. */
export const successorStatusUnknown = (successorId: string): RuleViolation =>
  ruleViolation({
    code: 'STAFF_SUCCESSOR_STATUS_UNKNOWN',
    requirement: 'STF-04',
    path: ['successorStaffId'],
    zh: `未提供接替人员「${successorId}」的在岗状态，无法核对“先进后出”`,
    en: `the on-post status of successor '${successorId}' was not given; 'in before out' cannot be checked`,
  });

/** STF-04 先进后出: the successor must be on post before the predecessor leaves. */
export const successorNotOnPost = (successorId: string, endDate: string): RuleViolation =>
  ruleViolation({
    code: 'STAFF_SUCCESSOR_NOT_ON_POST',
    requirement: 'STF-04',
    path: ['successorStaffId'],
    zh: `按“先进后出”原则，接替人员「${successorId}」须在 ${endDate} 前到岗`,
    en: `'in before out': successor '${successorId}' must be on post by ${endDate}`,
  });
