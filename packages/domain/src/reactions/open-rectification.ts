import type { EventEnvelope } from '../kernel/envelope.js';
import type { RectificationCommand } from '../rectification/commands.js';
import { rectificationStreamId } from '../rectification/decider.js';
import { deriveReactionId, type ReactionCommand, reactionMeta } from './reaction.js';

type OpenData = Extract<RectificationCommand, { type: 'OpenRectification' }>['data'];

/**
 * AUD-02: the command by which `reaction` opens a rectification for `envelope`. The id is
 * derived from the causing event (`<idPrefix>-…`), so a replay opens the same case.
 */
export const openRectification = (
  envelope: EventEnvelope,
  reaction: string,
  idPrefix: string,
  data: Omit<OpenData, 'rectificationId'>,
  index = 0,
): ReactionCommand => {
  const rectificationId = deriveReactionId(idPrefix, envelope.eventId, reaction);
  return {
    reaction,
    aggregate: 'rectification',
    streamId: rectificationStreamId(rectificationId),
    command: { type: 'OpenRectification', data: { rectificationId, ...data } },
    meta: reactionMeta(envelope, reaction, index),
  };
};
