import { type Decider, type DomainEvent, ruleViolation } from '@civic-ledger/domain';
import * as E from 'fp-ts/lib/Either.js';

/** A minimal decider for kernel and store tests: a tally that can only grow. */
export type TallyCommand = { readonly type: 'Add'; readonly amount: number };
export type TallyEvent = DomainEvent<'Added', { readonly amount: number; readonly total: number }>;
export interface TallyState {
  readonly total: number;
  readonly count: number;
}

export const tally: Decider<TallyCommand, TallyEvent, TallyState, unknown> = {
  initialState: { total: 0, count: 0 },
  decide: (command, state) =>
    command.amount <= 0
      ? E.left(
          ruleViolation({
            code: 'TALLY_NOT_POSITIVE',
            requirement: 'X-05',
            path: ['amount'],
            zh: '数量必须为正',
            en: 'amount must be positive',
          }),
        )
      : E.right([
          { type: 'Added', data: { amount: command.amount, total: state.total + command.amount } },
        ]),
  evolve: (state, event) => ({ total: event.data.total, count: state.count + 1 }),
};

export const actor = { id: 'staff-001', role: 'window-staff', unit: 'centre-01' } as const;

/** A clock for tests: fixed start, one millisecond per call. */
export const testClock = (start = Date.parse('2026-11-20T01:00:00Z')) => {
  let t = start;
  return () => new Date(t++).toISOString();
};
