import type { ImprovementEvent } from './events.js';
import type { ImprovementState } from './state.js';

const fresh = (milestones: readonly { readonly id: string; readonly dueDate: string }[]) =>
  milestones.map((m) => ({ id: m.id, dueDate: m.dueDate, completed: false }));

/** Folds one improvement-plan event into the state. */
export const evolveImprovement = (
  state: ImprovementState,
  event: ImprovementEvent,
): ImprovementState => {
  switch (event.type) {
    case 'ImprovementPlanned':
      return {
        status: 'planned',
        planId: event.data.planId,
        cycle: event.data.cycle,
        milestones: fresh(event.data.milestones),
      };
    case 'ImprovementStarted':
      return { ...state, status: 'doing' };
    case 'ImprovementMilestoneCompleted':
      return {
        ...state,
        milestones: state.milestones.map((m) =>
          m.id === event.data.milestoneId ? { ...m, completed: true } : m,
        ),
      };
    case 'ImprovementChecked':
      return { ...state, status: 'checked' };
    case 'ImprovementActed':
      return event.data.decision === 'standardise'
        ? { ...state, status: 'closed' }
        : {
            ...state,
            status: 'planned',
            cycle: state.cycle + 1,
            milestones: fresh(event.data.nextMilestones ?? []),
          };
    default:
      return state;
  }
};
