import type { Actor } from '@civic-ledger/domain';

/** One command of a simulated case: when, by whom, what. */
export interface FlowStep {
  readonly at: number;
  readonly actor: Actor;
  readonly type: string;
  readonly data: unknown;
  /** What the decider's context needs beyond the basics (a performer's certificates …). */
  readonly context?: Readonly<Record<string, unknown>>;
}

/**
 * A case as a generator of its commands in time order (a ticket from intake to archive).
 * The simulation interleaves many of them by time; only open cases are held in memory.
 */
export type Flow = Generator<FlowStep, void, undefined>;

/** An aggregate the simulation drives. */
export type SimAggregate =
  | 'ticket'
  | 'complaint'
  | 'survey'
  | 'staff'
  | 'facility'
  | 'audit'
  | 'rectification'
  | 'incident'
  | 'archive';

/** A flow bound to its stream. */
export interface Case {
  readonly aggregate: SimAggregate;
  readonly streamId: string;
  readonly flow: Flow;
}

/** A command the simulation issues, ready for the command handler (or the fast path). */
export interface SimCommand {
  readonly aggregate: SimAggregate;
  readonly streamId: string;
  readonly type: string;
  readonly data: unknown;
  readonly actor: Actor;
  /** Simulated instant, ISO with +08:00. */
  readonly occurredAt: string;
  readonly commandId: string;
  readonly correlationId: string;
  /** True for the last command of its case: the driver may forget the stream's state. */
  readonly last: boolean;
  readonly context?: Readonly<Record<string, unknown>>;
}
