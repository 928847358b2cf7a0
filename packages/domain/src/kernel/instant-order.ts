// Only what happened is recorded, and a stream's time only moves forward: shared rule
// errors for an instant after `ctx.now` or before the stream's previous instant.
import type { BilingualMessage, FieldPath, RuleViolation } from './errors.js';
import { ruleViolation } from './errors.js';
import type { RequirementId } from './requirement.js';

/** Code, requirement and field of one aggregate's instant rule. */
export interface InstantRule {
  readonly code: string;
  readonly requirement: RequirementId;
  readonly path: FieldPath;
}

/** How the instant and the previous one are named in messages (`测量时间` / `measuredAt`). */
export interface InstantNames {
  readonly instant: BilingualMessage;
  readonly previous: BilingualMessage;
}

const DEFAULT_NAMES: InstantNames = {
  instant: { zh: '时间', en: 'the time' },
  previous: { zh: '上一步骤', en: 'the previous step' },
};

/** True when instant `a` lies strictly after instant `b`. */
export const isAfterInstant = (a: string, b: string): boolean => Date.parse(a) > Date.parse(b);

const message = {
  future: (n: InstantNames, at: string, now: string) => ({
    zh: `${n.instant.zh} ${at} 晚于当前时间 ${now}`,
    en: `${n.instant.en} ${at} is after the current time ${now}`,
  }),
  beforePrevious: (n: InstantNames, at: string, previous: string) => ({
    zh: `${n.instant.zh} ${at} 早于${n.previous.zh}的时间 ${previous}`,
    en: `${n.instant.en} ${at} is before ${n.previous.en} at ${previous}`,
  }),
};

/** An instant after the context's `now`: only what happened is recorded. */
export const instantInFuture = (
  rule: InstantRule,
  at: string,
  now: string,
  names: InstantNames = DEFAULT_NAMES,
): RuleViolation => ruleViolation({ ...rule, ...message.future(names, at, now) });

/** An instant before the previous one of the stream: time moves forward. */
export const instantBeforePrevious = (
  rule: InstantRule,
  at: string,
  previous: string,
  names: InstantNames = DEFAULT_NAMES,
): RuleViolation => ruleViolation({ ...rule, ...message.beforePrevious(names, at, previous) });

/**
 * Checks `at` is neither after `now` nor before `previous` (when there is one); the first
 * broken rule, or undefined.
 */
export const checkInstantOrder = (
  at: string,
  bounds: { readonly now: string; readonly previous?: string | undefined },
  rules: { readonly future: InstantRule; readonly beforePrevious: InstantRule },
  names: InstantNames = DEFAULT_NAMES,
): RuleViolation | undefined => {
  if (isAfterInstant(at, bounds.now)) return instantInFuture(rules.future, at, bounds.now, names);
  if (bounds.previous !== undefined && isAfterInstant(bounds.previous, at))
    return instantBeforePrevious(rules.beforePrevious, at, bounds.previous, names);
  return undefined;
};
