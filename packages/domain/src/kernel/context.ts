import type { WorkCalendar } from '../calendar/work-calendar.js';
import type { Policy } from '../policy/policy.js';
import type { Actor } from './envelope.js';

/**
 * What every decider receives besides the command and the state. Aggregates extend it with
 * what they need (e.g. the performer's certificates); deciders never look anything up.
 */
export interface DecideContext {
  readonly policy: Policy;
  readonly calendar: WorkCalendar;
  readonly actor: Actor;
  /** The instant the command happened (ISO with offset); deciders take time only from here. */
  readonly now: string;
}
