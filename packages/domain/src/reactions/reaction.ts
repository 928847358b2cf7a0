import { createHash } from 'node:crypto';
import type { FacilityCommand } from '../facility/commands.js';
import type { EventEnvelope } from '../kernel/envelope.js';
import type { RectificationCommand } from '../rectification/commands.js';
import type { StaffCommand } from '../staff/commands.js';
import type { TicketCommand } from '../ticket/commands.js';

/** Why a caused command exists: its own id, the event that caused it, the conversation. */
export interface ReactionMeta {
  /** Derived from the causing event's id: a replayed event yields the same command id. */
  readonly commandId: string;
  /** The causing event's `eventId`. */
  readonly causationId: string;
  /** The causing event's `correlationId`: the whole chain stays one conversation. */
  readonly correlationId: string;
  /**
   * The causing event's `occurredAt`. The application layer decides the command with this as
   * `ctx.now`, so a deadline the command starts (a rectification's) counts from the cause, not
   * from whenever the reaction happened to run or be replayed.
   */
  readonly occurredAt: string;
}

interface Routed<A extends string, C> {
  /** The reaction that produced it (for logs and tests). */
  readonly reaction: string;
  readonly aggregate: A;
  readonly streamId: string;
  readonly command: C;
  readonly meta: ReactionMeta;
}

/** A command a reaction causes, routed to the aggregate (and stream) that must decide it. */
export type ReactionCommand =
  | Routed<'facility', FacilityCommand>
  | Routed<'staff', StaffCommand>
  | Routed<'rectification', RectificationCommand>
  | Routed<'ticket', TicketCommand>;

/** The aggregates reactions send commands to. */
export type ReactionAggregate = ReactionCommand['aggregate'];

/** A process manager step: pure, from one stored event to the commands it causes. */
export type Reaction = (envelope: EventEnvelope) => readonly ReactionCommand[];

const digest = (...parts: readonly string[]): string =>
  createHash('sha256').update(parts.join('\u0000')).digest('hex');

/**
 * A deterministic id for the `index`-th thing (command, new aggregate) a reaction derives from
 * an event: the same event always gives the same id, so replays are harmless.
 */
export const deriveReactionId = (
  prefix: string,
  causationId: string,
  reaction: string,
  index = 0,
): string => `${prefix}-${digest(causationId, reaction, String(index)).slice(0, 24)}`;

/** The meta of the `index`-th command `reaction` derives from `envelope`. */
export const reactionMeta = (
  envelope: EventEnvelope,
  reaction: string,
  index = 0,
): ReactionMeta => ({
  commandId: deriveReactionId('rx', envelope.eventId, reaction, index),
  causationId: envelope.eventId,
  correlationId: envelope.correlationId,
  occurredAt: envelope.occurredAt,
});
