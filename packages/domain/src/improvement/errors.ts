import type { FieldPath, IllegalTransition, RuleViolation } from '../kernel/errors.js';
import { illegalTransition, ruleViolation } from '../kernel/errors.js';

/** AUD-04: PDCA runs in order: plan, do, check, act. */
export const improvementStepNotAllowed = (from: string, attempted: string): IllegalTransition =>
  illegalTransition({
    code: 'IMPROVEMENT_STEP_NOT_ALLOWED',
    requirement: 'AUD-04',
    from,
    attempted,
  });

/** AUD-04: a milestone cannot be due before the plan is made. */
export const improvementMilestoneInPast = (
  dueDate: string,
  today: string,
  path: FieldPath,
): RuleViolation =>
  ruleViolation({
    code: 'IMPROVEMENT_MILESTONE_IN_PAST',
    requirement: 'AUD-04',
    path,
    zh: `里程碑截止日期 ${dueDate} 早于制定计划之日 ${today}`,
    en: `milestone due ${dueDate} is before the plan date ${today}`,
  });

/** AUD-04: the plan has no such milestone. */
export const improvementUnknownMilestone = (milestoneId: string): RuleViolation =>
  ruleViolation({
    code: 'IMPROVEMENT_UNKNOWN_MILESTONE',
    requirement: 'AUD-04',
    path: ['milestoneId'],
    zh: `本轮计划中没有里程碑「${milestoneId}」`,
    en: `milestone '${milestoneId}' is not in this cycle's plan`,
  });

/** AUD-04: a milestone is completed once. */
export const improvementMilestoneDone = (milestoneId: string): RuleViolation =>
  ruleViolation({
    code: 'IMPROVEMENT_MILESTONE_ALREADY_DONE',
    requirement: 'AUD-04',
    path: ['milestoneId'],
    zh: `里程碑「${milestoneId}」已完成`,
    en: `milestone '${milestoneId}' is already completed`,
  });
