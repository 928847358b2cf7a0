import { TicketEventSchemas } from '../ticket/events.js';
import { openRectification } from './open-rectification.js';
import type { Reaction } from './reaction.js';

const NAME = 'bad-rating';

/**
 * SAT-02, AUD-02: a bad rating (差评) opens a rectification that must first verify the rating
 * (核实), then rectify within `policy.audit.rectificationWorkdays`. The return visit is the
 * ticket's own obligation: its `TicketRated` event already makes a return visit due and the
 * ticket cannot close without one, and no command could make the visit for a person.
 */
export const badRatingReaction: Reaction = (envelope) => {
  if (envelope.type !== 'TicketRated') return [];
  const parsed = TicketEventSchemas.TicketRated.safeParse(envelope.data);
  if (!parsed.success || !parsed.data.bad) return [];
  const rating = parsed.data;
  return [
    openRectification(envelope, NAME, 'RB', {
      source: { kind: 'bad-rating', id: rating.ticketId, streamId: envelope.streamId },
      responsibleUnitId: rating.unitId ?? rating.windowId ?? rating.centreId,
      // The rating's comment is personal data and stays on the ticket.
      issue: `差评核实整改：工单 ${rating.ticketId}（${rating.serviceType}）评价为第 ${rating.level} 级`,
      verificationRequired: true,
    }),
  ];
};
