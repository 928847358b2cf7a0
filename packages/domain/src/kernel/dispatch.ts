// The dispatch every decider shares: read `command.type`, refuse a type the aggregate does
// not know, validate `data` with that type's schema, run the type's handler. Input
// arrives untyped from other systems, so nothing here may throw.
import * as E from 'fp-ts/lib/Either.js';
import type { z } from 'zod';
import type { DecideContext } from './context.js';
import type { BilingualMessage, DomainError, ValidationError } from './errors.js';
import type { RequirementId } from './requirement.js';
import { parseWith } from './validation.js';

/** Zod schemas of command `data`, by command type (`<Name>CommandSchemas`). */
export type CommandSchemas = { readonly [type: string]: z.ZodType };

/** What a decider returns: the events, or why none. */
export type DecideResult<Ev> = E.Either<DomainError, readonly Ev[]>;

/** A decider's `decide`: the command, the state, the context in; events or an error out. */
export type DecideFunction<C, Ev, S, Ctx = DecideContext> = (
  command: C,
  state: S,
  ctx: Ctx,
) => DecideResult<Ev>;

/** Decides one validated command of a type: `data` is the output of that type's schema. */
export type CommandHandler<D, Ev, S, Ctx> = (data: D, state: S, ctx: Ctx) => DecideResult<Ev>;

/** One handler per command type, each typed by its schema's output. */
export type CommandHandlers<Schemas extends CommandSchemas, Ev, S, Ctx> = {
  readonly [K in keyof Schemas & string]: CommandHandler<z.output<Schemas[K]>, Ev, S, Ctx>;
};

// String() of a null-prototype object throws; name only what is safe to print, and briefly.
const describe = (type: unknown): string => {
  if (typeof type === 'string') return type.slice(0, 100);
  if (type === null || ['undefined', 'number', 'boolean', 'bigint'].includes(typeof type))
    return String(type);
  return `(${typeof type})`;
};

/** a command type the aggregate does not know; `path` is `['type']`. */
export const unknownCommand = (
  aggregate: BilingualMessage,
  type: unknown,
  code = 'UNKNOWN_COMMAND',
): ValidationError => {
  const name = describe(type);
  const message = {
    zh: `${aggregate.zh}不支持指令「${name}」`,
    en: `unknown ${aggregate.en} command '${name}'`,
  };
  return {
    kind: 'validation',
    code,
    requirement: 'X-05',
    path: ['type'],
    message,
    issues: [{ path: ['type'], rule: 'unknown-command', message }],
  };
};

/** A command split into a known type and its still unvalidated `data`. */
export interface ReadCommand<K extends string> {
  readonly type: K;
  readonly data: unknown;
}

/**
 * Reads `{ type, data }` from untyped input and checks `type` is one of `known`'s keys
 * (X-05). For deciders whose handlers validate `data` themselves.
 */
export const readCommand = <K extends string>(
  command: unknown,
  known: { readonly [P in K]: unknown },
  aggregate: BilingualMessage,
  code?: string,
): E.Either<ValidationError, ReadCommand<K>> => {
  const raw = typeof command === 'object' && command !== null ? command : undefined;
  const type = raw === undefined ? undefined : (raw as { readonly type?: unknown }).type;
  if (typeof type !== 'string' || !Object.hasOwn(known, type))
    return E.left(unknownCommand(aggregate, type, code));
  return E.right({ type: type as K, data: (raw as { readonly data?: unknown }).data });
};

/** How {@link createDecide} decides one aggregate's commands. */
export interface DecideSpec<Schemas extends CommandSchemas, Ev, S, Ctx> {
  /** The aggregate's name in both languages, for the unknown-command message. */
  readonly aggregate: BilingualMessage;
  /** The stable code of the unknown-command error; `UNKNOWN_COMMAND` unless given. */
  readonly unknownCode?: string;
  readonly schemas: Schemas;
  /** The requirement each type's input validation enforces (one id for all, or by type). */
  readonly requirementOf: RequirementId | { readonly [K in keyof Schemas & string]: RequirementId };
  readonly handlers: CommandHandlers<Schemas, Ev, S, Ctx>;
  /** Checked before `data` is validated (a state that refuses the type whatever the input). */
  readonly precondition?: (
    type: keyof Schemas & string,
    state: S,
    ctx: Ctx,
  ) => DomainError | undefined;
  /** Checked after `data` is validated, before the handler runs. */
  readonly guard?: (type: keyof Schemas & string, state: S, ctx: Ctx) => DomainError | undefined;
  /** Applied to the handler's events (e.g. `plainEvents`). */
  readonly finish?: (events: readonly Ev[]) => readonly Ev[];
}

/**
 * Builds a `decide` from one handler per command type: unknown types are refused,
 * `data` is validated with the type's schema (`parseWith`), then the handler runs. Never throws.
 */
export const createDecide =
  <Schemas extends CommandSchemas, Ev, S, Ctx>(spec: DecideSpec<Schemas, Ev, S, Ctx>) =>
  (command: unknown, state: S, ctx: Ctx): DecideResult<Ev> => {
    type K = keyof Schemas & string;
    const read = readCommand<K>(command, spec.schemas, spec.aggregate, spec.unknownCode);
    if (E.isLeft(read)) return read;
    const { type, data } = read.right;
    const refused = spec.precondition?.(type, state, ctx);
    if (refused !== undefined) return E.left(refused);
    const requirement =
      typeof spec.requirementOf === 'string' ? spec.requirementOf : spec.requirementOf[type];
    const parsed = parseWith(spec.schemas[type] as z.ZodType, data, requirement);
    if (E.isLeft(parsed)) return parsed;
    const guarded = spec.guard?.(type, state, ctx);
    if (guarded !== undefined) return E.left(guarded);
    // The schema looked up by `type` is the one of the handler; TypeScript cannot correlate the two.
    const handler = spec.handlers[type] as CommandHandler<unknown, Ev, S, Ctx>;
    const decided = handler(parsed.right, state, ctx);
    return spec.finish && E.isRight(decided) ? E.right(spec.finish(decided.right)) : decided;
  };

/**
 * A guard for the steps of a state machine: `inStep(state, allowed, attempted, decide)` runs
 * `decide` only when `state.status` is one of `allowed`, else returns `refuse(from, attempted)`.
 */
export const stepGuard =
  <S extends { readonly status: string }, Ev, K extends string = string>(
    refuse: (from: S['status'], attempted: K) => DomainError,
  ) =>
  (
    state: S,
    allowed: readonly S['status'][],
    attempted: K,
    decide: () => DecideResult<Ev>,
  ): DecideResult<Ev> =>
    allowed.includes(state.status) ? decide() : E.left(refuse(state.status, attempted));
