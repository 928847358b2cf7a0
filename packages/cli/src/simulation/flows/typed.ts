import type { Actor } from '@civic-ledger/domain';
import type { FlowStep } from '../flow.js';

/**
 * A typed step builder for one aggregate's commands: `step(at, actor, 'AcceptTicket', {})`
 * checks the command's data against the aggregate's command type at compile time, so the
 * simulation follows the schemas as they change (the decider still validates at run time).
 */
export const stepsOf =
  <C extends { readonly type: string; readonly data: unknown }>() =>
  <T extends C['type']>(
    at: number,
    actor: Actor,
    type: T,
    data: Extract<C, { readonly type: T }>['data'],
    context?: Readonly<Record<string, unknown>>,
  ): FlowStep => ({ at, actor, type, data, ...(context ? { context } : {}) });
