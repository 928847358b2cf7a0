import type { IllegalTransition, RuleViolation } from '../kernel/errors.js';
import { illegalTransition, ruleViolation } from '../kernel/errors.js';
import type { RequirementId } from '../kernel/requirement.js';

/** The supervision is not in a state that allows the command. */
export const auditStepNotAllowed = (
  from: string,
  attempted: string,
  requirement: RequirementId = 'AUD-01',
): IllegalTransition =>
  illegalTransition({ code: 'AUDIT_STEP_NOT_ALLOWED', requirement, from, attempted });

/** AUD-01: the checklist has no such item. */
export const auditUnknownChecklistItem = (itemId: string): RuleViolation =>
  ruleViolation({
    code: 'AUDIT_UNKNOWN_CHECKLIST_ITEM',
    requirement: 'AUD-01',
    path: ['itemId'],
    zh: `检查表中没有检查项「${itemId}」`,
    en: `checklist item '${itemId}' is not on the checklist`,
  });

/** AUD-01: each item is checked once. */
export const auditItemAlreadyChecked = (itemId: string): RuleViolation =>
  ruleViolation({
    code: 'AUDIT_ITEM_ALREADY_CHECKED',
    requirement: 'AUD-01',
    path: ['itemId'],
    zh: `检查项「${itemId}」已有检查结果`,
    en: `checklist item '${itemId}' already has a result`,
  });

/** AUD-02: finding ids are unique within a supervision. */
export const auditDuplicateFinding = (findingId: string): RuleViolation =>
  ruleViolation({
    code: 'AUDIT_DUPLICATE_FINDING',
    requirement: 'AUD-02',
    path: ['findingId'],
    zh: `问题「${findingId}」已记录`,
    en: `finding '${findingId}' is already recorded`,
  });

/** AUD-01: a supervision closes only when every checklist item has a result. */
export const auditChecklistIncomplete = (missing: readonly string[]): RuleViolation =>
  ruleViolation({
    code: 'AUDIT_CHECKLIST_INCOMPLETE',
    requirement: 'AUD-01',
    path: [],
    zh: `尚有检查项未检查：${missing.join('、')}`,
    en: `checklist items without a result: ${missing.join(', ')}`,
  });

/** AUD-03: the comprehensive evaluation is a periodic supervision. */
export const auditEvaluationNotPeriodic = (kind: string): RuleViolation =>
  ruleViolation({
    code: 'AUDIT_EVALUATION_NOT_PERIODIC',
    requirement: 'AUD-03',
    path: [],
    zh: `综合评价须在定期督查中进行，本次督查为「${kind}」`,
    en: `a comprehensive evaluation belongs to a periodic supervision, not a '${kind}' one`,
  });

/** AUD-03: the period index does not exist for the policy's evaluation cycle. */
export const auditEvaluationPeriodInvalid = (index: number, periods: number): RuleViolation =>
  ruleViolation({
    code: 'AUDIT_EVALUATION_PERIOD_INVALID',
    requirement: 'AUD-03',
    path: ['period', 'index'],
    zh: `评价周期序号 ${index} 无效：每年只有 ${periods} 个评价周期`,
    en: `evaluation period ${index} does not exist: a year has ${periods} evaluation periods`,
  });

/** AUD-03: one comprehensive evaluation per supervision. */
export const auditAlreadyEvaluated = (): RuleViolation =>
  ruleViolation({
    code: 'AUDIT_ALREADY_EVALUATED',
    requirement: 'AUD-03',
    path: [],
    zh: '本次督查已记录综合评价',
    en: 'this supervision already has its comprehensive evaluation',
  });

/** SAT-05: results are published once per supervision. */
export const auditAlreadyPublished = (): RuleViolation =>
  ruleViolation({
    code: 'AUDIT_ALREADY_PUBLISHED',
    requirement: 'SAT-05',
    path: [],
    zh: '本次督查结果已公示',
    en: 'the supervision results are already published',
  });
