import type { FieldPath } from '../../kernel/errors.js';
import {
  type IllegalTransition,
  illegalTransition,
  type RuleViolation,
  ruleViolation,
} from '../../kernel/errors.js';

/** EMG-03: a plan adopted twice, or a revision / drill of a plan never adopted. */
export const planTransition = (adopted: boolean, attempted: string): IllegalTransition =>
  illegalTransition({
    code: adopted ? 'EMERGENCY_PLAN_ALREADY_ADOPTED' : 'EMERGENCY_PLAN_NOT_ADOPTED',
    requirement: 'EMG-03',
    from: adopted ? 'adopted' : 'none',
    attempted,
    zh: adopted ? '应急预案已发布' : '应急预案尚未发布',
    en: adopted ? 'the emergency plan is already adopted' : 'the emergency plan is not adopted yet',
  });

/** EMG-03: a revision that keeps the version. */
export const versionUnchanged = (version: string): RuleViolation =>
  ruleViolation({
    code: 'EMERGENCY_PLAN_VERSION_UNCHANGED',
    requirement: 'EMG-03',
    path: ['version'],
    zh: `修订后的版本号须不同于当前版本「${version}」`,
    en: `a revision needs a version other than the current '${version}'`,
  });

/** EMG-03: a drill id already recorded on this plan. */
export const drillDuplicate = (drillId: string): RuleViolation =>
  ruleViolation({
    code: 'EMERGENCY_DRILL_DUPLICATE',
    requirement: 'EMG-03',
    path: ['drillId'],
    zh: `演练「${drillId}」已记录`,
    en: `drill '${drillId}' is already recorded`,
  });

/** EMG-03: a date outside what the plan allows (before adoption, or in the future). */
export const planDate = (
  code: 'EMERGENCY_DATE_BEFORE_ADOPTION' | 'EMERGENCY_DATE_IN_FUTURE',
  path: FieldPath,
  date: string,
  bound: string,
): RuleViolation =>
  ruleViolation({
    code,
    requirement: 'EMG-03',
    path,
    zh:
      code === 'EMERGENCY_DATE_IN_FUTURE'
        ? `日期 ${date} 晚于今天（${bound}）`
        : `日期 ${date} 早于预案发布日期（${bound}）`,
    en:
      code === 'EMERGENCY_DATE_IN_FUTURE'
        ? `date ${date} is after today (${bound})`
        : `date ${date} is before the plan was adopted (${bound})`,
  });
