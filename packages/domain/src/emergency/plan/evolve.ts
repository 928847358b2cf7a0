import type { EmergencyPlanEvent } from './events.js';
import type { EmergencyPlanState } from './state.js';

/** Folds one emergency-plan event into the state. */
export const evolveEmergencyPlan = (
  state: EmergencyPlanState,
  event: EmergencyPlanEvent,
): EmergencyPlanState => {
  switch (event.type) {
    case 'EmergencyPlanAdopted': {
      const { planId, facilityClass, version, adoptedOn } = event.data;
      return { ...state, adopted: true, planId, facilityClass, version, adoptedOn };
    }
    case 'EmergencyPlanRevised':
      return { ...state, version: event.data.version };
    case 'DrillRecorded':
      return { ...state, drillIds: [...state.drillIds, event.data.drillId] };
    default:
      return state;
  }
};
