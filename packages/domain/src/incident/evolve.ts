import type { IncidentEvent } from './events.js';
import type { IncidentState } from './state.js';

/** Folds one incident event into the state. */
export const evolveIncident = (state: IncidentState, event: IncidentEvent): IncidentState => {
  const s = { ...state, lastAt: event.data.at };
  switch (event.type) {
    case 'IncidentWarningIssued': {
      const { incidentId, level, lead, affectedFacilities } = event.data;
      return { ...s, stage: 'warning', incidentId, level, lead, affectedFacilities };
    }
    case 'IncidentResponseStarted':
      return { ...s, stage: 'response-started' };
    case 'IncidentHandlingStarted':
      return { ...s, stage: 'handling' };
    case 'IncidentInformationReleased':
      return event.data.followUp ? s : { ...s, stage: 'information-released' };
    case 'IncidentRecoveryStarted':
      return { ...s, stage: 'recovery-assessment' };
    case 'IncidentClosed':
      return { ...s, stage: 'closed' };
    case 'IncidentLevelChanged':
      return { ...s, level: event.data.to };
    case 'IncidentLeadChanged':
      return { ...s, lead: event.data.to };
    case 'IncidentFacilitiesAdded':
      return { ...s, affectedFacilities: [...s.affectedFacilities, ...event.data.facilityIds] };
    default:
      return state;
  }
};
