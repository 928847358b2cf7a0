import type { EventEnvelope } from '../kernel/envelope.js';
import type { Reaction, ReactionCommand } from './reaction.js';

/** Runs reactions over events, each event once. */
export interface Reactor {
  /** The commands `envelope` causes; an event already handled causes nothing again. */
  react(envelope: EventEnvelope): readonly ReactionCommand[];
  /** Causation ids (event ids) handled so far, e.g. to persist beside a checkpoint. */
  handled(): readonly string[];
}

/**
 * Combines reactions and remembers the causation ids it has handled, so a redelivered or
 * replayed event causes nothing twice. The memory is a convenience: the command ids are
 * derived from the event, so after a restart (`alreadyHandled` lost) the command handler's
 * idempotency by `commandId` still refuses the duplicates.
 */
export const createReactor = (
  reactions: readonly Reaction[],
  alreadyHandled: Iterable<string> = [],
): Reactor => {
  const seen = new Set(alreadyHandled);
  return {
    react: (envelope) => {
      if (seen.has(envelope.eventId)) return [];
      const commands = reactions.flatMap((reaction) => reaction(envelope));
      seen.add(envelope.eventId);
      return commands;
    },
    handled: () => [...seen],
  };
};
