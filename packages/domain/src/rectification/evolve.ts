import type { RectificationEvent } from './events.js';
import type { RectificationState } from './state.js';

/** Folds one rectification event into the state. */
export const evolveRectification = (
  state: RectificationState,
  event: RectificationEvent,
): RectificationState => {
  switch (event.type) {
    case 'RectificationOpened':
      return {
        ...state,
        status: 'open',
        rectificationId: event.data.rectificationId,
        source: event.data.source,
        responsibleUnitId: event.data.responsibleUnitId,
        deadline: event.data.deadline,
        hasMeasures: (event.data.measures ?? []).length > 0,
        verificationRequired: event.data.verificationRequired,
      };
    case 'RectificationSourceVerified':
      return { ...state, verified: true, status: event.data.founded ? state.status : 'dismissed' };
    case 'RectificationMeasuresSet':
      return { ...state, hasMeasures: true };
    case 'RectificationProgressReported':
      return state;
    case 'RectificationSubmitted':
      return { ...state, status: 'submitted' };
    case 'RectificationAccepted':
      return { ...state, status: 'accepted' };
    case 'RectificationRejected':
      return { ...state, status: 'open' };
    case 'RectificationReopened':
      return {
        ...state,
        status: 'open',
        reboundCount: event.data.reboundCount,
        deadline: event.data.deadline,
      };
    default:
      return state;
  }
};
