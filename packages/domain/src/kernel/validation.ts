import * as E from 'fp-ts/lib/Either.js';
import { z } from 'zod';
import type { ValidationError, ValidationIssue } from './errors.js';
import type { RequirementId } from './requirement.js';

const zh = z.locales.zhCN();
const en = z.locales.en();

/**
 * Parameters a custom refinement puts on its issue so that the error can be told in both
 * languages and name its rule: `ctx.addIssue({ code: 'custom', message: en, params: bilingual(...) })`.
 */
export interface BilingualIssueParams {
  readonly zh: string;
  readonly rule: string;
}

/** Parameters for a custom zod issue carrying a Chinese message and a rule name. */
export const bilingual = (rule: string, zhMessage: string): BilingualIssueParams => ({
  zh: zhMessage,
  rule,
});

const isBilingual = (params: unknown): params is BilingualIssueParams =>
  typeof params === 'object' &&
  params !== null &&
  typeof (params as { zh?: unknown }).zh === 'string' &&
  typeof (params as { rule?: unknown }).rule === 'string';

const toIssue = (issue: z.core.$ZodIssue): ValidationIssue => {
  const params = issue.code === 'custom' ? issue.params : undefined;
  if (isBilingual(params)) {
    return {
      path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
      rule: params.rule,
      message: { zh: params.zh, en: issue.message },
    };
  }
  const raw = issue as unknown as z.core.$ZodRawIssue;
  const say = (locale: typeof zh): string => {
    const text = locale.localeError(raw);
    return typeof text === 'string' ? text : (text?.message ?? issue.message);
  };
  return {
    path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    rule: issue.code,
    message: { zh: say(zh), en: say(en) },
  };
};

/** Turns a zod error into a {@link ValidationError} for the given requirement. */
export const fromZodError = (
  error: z.ZodError,
  requirement: RequirementId = 'X-05',
  code = 'INVALID_INPUT',
): ValidationError => {
  const issues = error.issues.map(toIssue);
  const first = issues[0];
  const where = first && first.path.length > 0 ? first.path.join('.') : '(root)';
  return {
    kind: 'validation',
    code,
    requirement,
    path: first?.path ?? [],
    message: {
      zh: `字段 ${where} 无效：${first?.message.zh ?? '输入无效'}`,
      en: `field ${where} is invalid: ${first?.message.en ?? 'invalid input'}`,
    },
    issues,
  };
};

// One options object for every parse (zod copies it into its own context).
const PARSE_OPTIONS = { reportInput: true } as const;

/** Validates `input` against `schema`; a failure becomes a typed {@link ValidationError}. */
export const parseWith = <S extends z.ZodType>(
  schema: S,
  input: unknown,
  requirement: RequirementId = 'X-05',
): E.Either<ValidationError, z.output<S>> => {
  const result = schema.safeParse(input, PARSE_OPTIONS);
  return result.success ? E.right(result.data) : E.left(fromZodError(result.error, requirement));
};
