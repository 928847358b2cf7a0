import { facilityStreamId } from '../facility/decider.js';
import { TicketEventSchemas } from '../ticket/events.js';
import { type Reaction, reactionMeta } from './reaction.js';

const NAME = 'facility-fault-ticket';

/**
 * FAC-09, TKT-01: a citizen ticket of a facility-fault service type (报修) reports a fault on
 * the facility it names. The fault id defaults to `ticket-<ticketId>` in the facility, so a
 * second delivery is refused there as a duplicate too.
 */
export const facilityFaultTicketReaction: Reaction = (envelope) => {
  if (envelope.type !== 'TicketReceived') return [];
  const parsed = TicketEventSchemas.TicketReceived.safeParse(envelope.data);
  if (!parsed.success) return [];
  const ticket = parsed.data;
  if (!ticket.facilityFault || ticket.facilityId === undefined) return [];
  return [
    {
      reaction: NAME,
      aggregate: 'facility',
      streamId: facilityStreamId(ticket.facilityId),
      command: {
        type: 'ReportFault',
        data: {
          source: 'ticket',
          ticketId: ticket.ticketId,
          // The citizen's own words are personal free text and stay on the ticket.
          description: `市民工单 ${ticket.ticketId} 报修：${ticket.serviceTypeName.zh}`,
          urgency: ticket.nature === 'urgent' ? 'urgent' : 'routine',
        },
      },
      meta: reactionMeta(envelope, NAME),
    },
  ];
};
