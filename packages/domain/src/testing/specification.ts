// Helpers for specification-style tests of deciders: given events, when command, then
// events or error; `runSequence` for property tests.
import * as E from 'fp-ts/lib/Either.js';
import { chinaWorkCalendar } from '../calendar/china.js';
import type { DecideContext } from '../kernel/context.js';
import type { Decider } from '../kernel/decider.js';
import type { Actor } from '../kernel/envelope.js';
import type { DomainError } from '../kernel/errors.js';
import { defaultPolicy } from '../policy/policy.js';

/** A context with the default policy and national calendar; override what a test needs. */
export const testContext = <X extends object = object>(
  overrides: Partial<DecideContext> & X = {} as X,
): DecideContext & X => ({
  policy: defaultPolicy,
  calendar: chinaWorkCalendar,
  actor: { id: 'staff-001', role: 'window-staff', unit: 'centre-01' } satisfies Actor,
  now: '2026-11-20T09:00:00+08:00',
  ...overrides,
});

/** Folds `given` events, then decides `command`: the heart of a given / when / then test. */
export const given = <C, Ev, S, Ctx>(
  decider: Decider<C, Ev, S, Ctx>,
  events: readonly Ev[] = [],
) => {
  let state = decider.initialState;
  for (const e of events) state = decider.evolve(state, e);
  return {
    state,
    when: (command: C, ctx: Ctx): E.Either<DomainError, readonly Ev[]> =>
      decider.decide(command, state, ctx),
  };
};

export interface SequenceRun<Ev, S> {
  readonly state: S;
  readonly events: readonly Ev[];
  readonly errors: readonly DomainError[];
}

/**
 * Runs commands one after another as the command handler would (decide, then evolve every
 * produced event). Property tests use it to check that no sequence throws and that folding
 * the produced events from scratch gives the same state (`refold`).
 */
export const runSequence = <C, Ev, S, Ctx>(
  decider: Decider<C, Ev, S, Ctx>,
  steps: readonly { readonly command: C; readonly ctx: Ctx }[],
): SequenceRun<Ev, S> & { readonly refold: S } => {
  let state = decider.initialState;
  const events: Ev[] = [];
  const errors: DomainError[] = [];
  for (const { command, ctx } of steps) {
    const result = decider.decide(command, state, ctx);
    if (E.isLeft(result)) {
      errors.push(result.left);
      continue;
    }
    for (const e of result.right) {
      state = decider.evolve(state, e);
      events.push(e);
    }
  }
  let refold = decider.initialState;
  for (const e of events) refold = decider.evolve(refold, e);
  return { state, events, errors, refold };
};

/** The events of an accepted decision; throws (failing the test) with the error otherwise. */
export const eventsOf = <Ev>(result: E.Either<unknown, readonly Ev[]>): readonly Ev[] => {
  if (E.isLeft(result)) throw new Error(`expected events, got ${JSON.stringify(result.left)}`);
  return result.right;
};

/** The error of a refused decision; throws (failing the test) with the events otherwise. */
export const errorOf = <L>(result: E.Either<L, readonly unknown[]>): L => {
  if (E.isRight(result)) throw new Error(`expected an error, got ${JSON.stringify(result.right)}`);
  return result.left;
};

/**
 * The events of a given history decided step by step through the real decider; throws when
 * any step is refused, so that a fixture cannot silently lose a step.
 */
export const acceptedHistory = <C, Ev, S, Ctx>(
  decider: Decider<C, Ev, S, Ctx>,
  steps: readonly { readonly command: C; readonly ctx: Ctx }[],
): readonly Ev[] => {
  const run = runSequence(decider, steps);
  if (run.errors.length > 0)
    throw new Error(`given history refused: ${JSON.stringify(run.errors[0], null, 1)}`);
  return run.events;
};
