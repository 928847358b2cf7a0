import type { Either } from 'fp-ts/lib/Either.js';
import type { DomainError } from './errors.js';

/**
 * A pure aggregate: `decide` turns a command into events or a typed error, `evolve` folds
 * events into state. Neither does I/O or reads the clock; time arrives in the context.
 */
export interface Decider<C, E, S, Ctx> {
  readonly initialState: S;
  decide(command: C, state: S, ctx: Ctx): Either<DomainError, readonly E[]>;
  evolve(state: S, event: E): S;
}

/** Folds events into state from the decider's initial state. */
export const fold = <E, S>(
  decider: Pick<Decider<unknown, E, S, unknown>, 'initialState' | 'evolve'>,
  events: Iterable<E>,
): S => {
  let state = decider.initialState;
  for (const event of events) state = decider.evolve(state, event);
  return state;
};
