import type { ComplaintEvent } from './events.js';
import type { ComplaintState } from './state.js';

/** Folds one complaint event into the state. */
export const evolveComplaint = (state: ComplaintState, event: ComplaintEvent): ComplaintState => {
  switch (event.type) {
    case 'ComplaintReceived':
      return {
        ...state,
        status: 'received',
        complaintId: event.data.complaintId,
        unitId: event.data.unitId,
        respondent: event.data.respondent,
        firstResponsibleId: event.data.firstResponsibleId,
        receivedAt: event.data.receivedAt,
        dueAt: event.data.answerDeadline.dueAt,
        confidential: event.data.confidential,
      };
    case 'ComplaintClassified':
      return {
        ...state,
        status: 'classified',
        gradeId: event.data.gradeId,
        escalationRequired: event.data.escalationRequired,
      };
    case 'ComplaintEscalated':
      return { ...state, escalated: true };
    case 'ComplaintAssigned':
      return {
        ...state,
        status: 'assigned',
        handlerId: event.data.handlerId,
        assignedUnitId: event.data.unitId,
      };
    case 'ComplaintInvestigated':
      return { ...state, status: 'investigated', verified: event.data.verified };
    case 'ComplaintAnswered':
      return { ...state, status: 'answered', onTime: event.data.onTime };
    case 'ComplaintReturnVisited':
      return { ...state, status: 'return-visited', returnVisited: true };
    case 'ComplaintClosed':
      return { ...state, status: 'closed' };
    case 'ComplaintMarkedConfidential':
      return { ...state, confidential: true };
    default:
      return state;
  }
};
