import type { RequirementId } from './requirement.js';

/** A message in both languages the users read: Simplified Chinese and English. */
export interface BilingualMessage {
  readonly zh: string;
  readonly en: string;
}

/** Path of the offending field inside the command (`['applicant', 'idNumber']`). */
export type FieldPath = readonly (string | number)[];

/** One field-level problem found while validating input. */
export interface ValidationIssue {
  readonly path: FieldPath;
  readonly rule: string;
  readonly message: BilingualMessage;
}

interface ErrorBase {
  /** Stable machine-readable code, e.g. `TICKET_REVIEW_LIMIT_EXCEEDED`. */
  readonly code: string;
  readonly requirement: RequirementId;
  readonly path: FieldPath;
  readonly message: BilingualMessage;
}

/** Input that does not match the command's schema (X-05). */
export interface ValidationError extends ErrorBase {
  readonly kind: 'validation';
  readonly issues: readonly ValidationIssue[];
}

/** A valid command that a business rule forbids in the current state. */
export interface RuleViolation extends ErrorBase {
  readonly kind: 'rule';
}

/** A transition that is not allowed from the current state (TKT-08, CMP-04 …). */
export interface IllegalTransition extends ErrorBase {
  readonly kind: 'transition';
  readonly from: string;
  readonly attempted: string;
}

/** The stream moved on while the command was decided, and retries ran out. */
export interface ConcurrencyConflict extends ErrorBase {
  readonly kind: 'conflict';
  readonly streamId: string;
  readonly expectedVersion: number;
  readonly actualVersion: number;
}

/** The command needs an aggregate that does not exist (yet). */
export interface NotFound extends ErrorBase {
  readonly kind: 'not-found';
  readonly streamId: string;
}

/** The actor may not issue this command (role, unit or separation of duties). */
export interface Forbidden extends ErrorBase {
  readonly kind: 'forbidden';
  readonly actorId: string;
}

/** Every error a decider or the command handler can return; discriminated by `kind`. */
export type DomainError =
  | ValidationError
  | RuleViolation
  | IllegalTransition
  | ConcurrencyConflict
  | NotFound
  | Forbidden;

interface ErrorInput {
  readonly code: string;
  readonly requirement: RequirementId;
  readonly path?: FieldPath;
  readonly zh: string;
  readonly en: string;
}

const base = (input: ErrorInput): ErrorBase => ({
  code: input.code,
  requirement: input.requirement,
  path: input.path ?? [],
  message: { zh: input.zh, en: input.en },
});

/** Builds a {@link RuleViolation}. */
export const ruleViolation = (input: ErrorInput): RuleViolation => ({
  kind: 'rule',
  ...base(input),
});

/** Builds an {@link IllegalTransition} naming the current state and the attempted step. */
export const illegalTransition = (
  input: Omit<ErrorInput, 'zh' | 'en'> & {
    readonly from: string;
    readonly attempted: string;
    readonly zh?: string;
    readonly en?: string;
  },
): IllegalTransition => ({
  kind: 'transition',
  from: input.from,
  attempted: input.attempted,
  ...base({
    ...input,
    zh: input.zh ?? `当前状态「${input.from}」不允许执行「${input.attempted}」`,
    en: input.en ?? `'${input.attempted}' is not allowed in state '${input.from}'`,
  }),
});

/** Builds a {@link NotFound}. */
export const notFound = (
  input: Omit<ErrorInput, 'zh' | 'en'> & { readonly streamId: string },
): NotFound => ({
  kind: 'not-found',
  streamId: input.streamId,
  ...base({
    ...input,
    zh: `记录「${input.streamId}」不存在`,
    en: `'${input.streamId}' does not exist`,
  }),
});

/** Builds a {@link Forbidden}. */
export const forbidden = (input: ErrorInput & { readonly actorId: string }): Forbidden => ({
  kind: 'forbidden',
  actorId: input.actorId,
  ...base(input),
});

/** Renders an error as one line in the chosen language (for logs and the CLI). */
export const formatDomainError = (error: DomainError, lang: 'zh' | 'en' = 'en'): string => {
  const where = error.path.length > 0 ? ` @ ${error.path.join('.')}` : '';
  const details =
    error.kind === 'validation' && error.issues.length > 1
      ? `; ${error.issues
          .slice(1)
          .map((i) => `${i.path.join('.')}: ${i.message[lang]}`)
          .join('; ')}`
      : '';
  return `[${error.requirement} ${error.code}]${where}: ${error.message[lang]}${details}`;
};
