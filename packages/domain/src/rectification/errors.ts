import type { Forbidden, IllegalTransition, RuleViolation } from '../kernel/errors.js';
import { forbidden, illegalTransition, ruleViolation } from '../kernel/errors.js';

/** AUD-02: the rectification is not in a state that allows the command. */
export const rectificationStepNotAllowed = (from: string, attempted: string): IllegalTransition =>
  illegalTransition({
    code: 'RECTIFICATION_STEP_NOT_ALLOWED',
    requirement: 'AUD-02',
    from,
    attempted,
  });

/** AUD-02: a submission needs measures. */
export const rectificationMeasuresMissing = (): RuleViolation =>
  ruleViolation({
    code: 'RECTIFICATION_MEASURES_MISSING',
    requirement: 'AUD-02',
    path: [],
    zh: '尚未制定整改措施，不能提交验收',
    en: 'no rectification measures are set, so it cannot be submitted',
  });

/** SAT-02: the source must be verified before the work is submitted. */
export const rectificationVerificationPending = (): RuleViolation =>
  ruleViolation({
    code: 'RECTIFICATION_VERIFICATION_PENDING',
    requirement: 'SAT-02',
    path: [],
    zh: '差评等来源尚未核实，不能提交验收',
    en: 'the source (e.g. a bad rating) is not verified yet, so the work cannot be submitted',
  });

/** SAT-02: the source is verified once. */
export const rectificationAlreadyVerified = (): RuleViolation =>
  ruleViolation({
    code: 'RECTIFICATION_ALREADY_VERIFIED',
    requirement: 'SAT-02',
    path: [],
    zh: '整改来源已核实',
    en: 'the source is already verified',
  });

/** AUD-02: only the supervising department accepts, rejects or reopens. */
export const rectificationNotSupervisor = (
  actorId: string,
  role: string,
  required: string,
): Forbidden =>
  forbidden({
    code: 'RECTIFICATION_SUPERVISOR_ONLY',
    requirement: 'AUD-02',
    actorId,
    zh: `整改验收须由监督部门（角色「${required}」）进行，当前角色为「${role}」`,
    en: `only the supervising department (role '${required}') may do this; actor role is '${role}'`,
  });

/** AUD-02: the responsible unit cannot accept its own rectification. */
export const rectificationSelfAcceptance = (actorId: string, unit: string): Forbidden =>
  forbidden({
    code: 'RECTIFICATION_SELF_ACCEPTANCE',
    requirement: 'AUD-02',
    actorId,
    zh: `责任单位「${unit}」不能验收自己的整改`,
    en: `the responsible unit '${unit}' cannot accept its own rectification`,
  });
