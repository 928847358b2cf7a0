import type { FieldPath, IllegalTransition, RuleViolation } from '../kernel/errors.js';
import { illegalTransition, ruleViolation } from '../kernel/errors.js';
import type { RequirementId } from '../kernel/requirement.js';

/** CMP-04: the closed loop cannot skip or repeat a step. */
export const complaintStepNotAllowed = (
  from: string,
  attempted: string,
  requirement: RequirementId = 'CMP-04',
): IllegalTransition =>
  illegalTransition({ code: 'COMPLAINT_STEP_NOT_ALLOWED', requirement, from, attempted });

/** CMP-02: the grade is not one of the policy's grades. */
export const complaintUnknownGrade = (gradeId: string, known: readonly string[]): RuleViolation =>
  ruleViolation({
    code: 'COMPLAINT_UNKNOWN_GRADE',
    requirement: 'CMP-02',
    path: ['gradeId'],
    zh: `投诉等级「${gradeId}」不在政策规定的等级中（${known.join('、')}）`,
    en: `grade '${gradeId}' is not one of the policy's grades (${known.join(', ')})`,
  });

/** CMP-02: a grade that escalates must be escalated before it is assigned. */
export const complaintEscalationRequired = (gradeId: string): RuleViolation =>
  ruleViolation({
    code: 'COMPLAINT_ESCALATION_REQUIRED',
    requirement: 'CMP-02',
    path: [],
    zh: `「${gradeId}」等级的投诉须先上报上级部门或第三方，方可交办`,
    en: `a '${gradeId}' complaint must be escalated to a higher department or a third party before it is assigned`,
  });

/** CMP-04: closing needs the return visit first when the policy requires one. */
export const complaintReturnVisitRequired = (path: FieldPath = []): RuleViolation =>
  ruleViolation({
    code: 'COMPLAINT_RETURN_VISIT_REQUIRED',
    requirement: 'CMP-04',
    path,
    zh: '须先完成回访，方可办结投诉',
    en: 'the return visit must be recorded before the complaint is closed',
  });

/** CMP-06: the complaint is already confidential. */
export const complaintAlreadyConfidential = (): RuleViolation =>
  ruleViolation({
    code: 'COMPLAINT_ALREADY_CONFIDENTIAL',
    requirement: 'CMP-06',
    path: [],
    zh: '该投诉已标记为保密',
    en: 'the complaint is already confidential',
  });
