import type { ReserveEvent } from './events.js';
import type { ReserveState } from './state.js';

/** Folds one reserve-capacity event into the state. */
export const evolveReserve = (state: ReserveState, event: ReserveEvent): ReserveState => {
  switch (event.type) {
    case 'ReserveCapacityRecorded': {
      const { recordId, facilityId, kind, measuredAt, belowMinimum } = event.data;
      return {
        facilityId,
        recordIds: [...state.recordIds, recordId],
        kinds: { ...state.kinds, [kind]: { lastMeasuredAt: measuredAt, belowMinimum } },
      };
    }
    // The breach and restoration are read from the record itself; these events are for readers.
    default:
      return state;
  }
};
