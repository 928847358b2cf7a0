// Pure questions a read model asks of the facility state.
import { instantMs } from './dates.js';
import type { FacilityState, OpenTaskState, RepairOrderState } from './state.js';

/** An open task that is past its due date at the moment asked about. */
export interface OverdueTask extends OpenTaskState {
  /** Whole days since the task became overdue (0 on the first overdue day). */
  readonly daysOverdue: number;
}

const DAY_MS = 86_400_000;

/**
 * FAC-12: tasks not done by their due date, as of an instant (`…+08:00` or `…Z`); most
 * overdue first. A task is on time through the end of its due date in the calendar's zone.
 */
export const overdueTasks = (state: FacilityState, asOf: string): readonly OverdueTask[] => {
  const at = instantMs(asOf);
  if (Number.isNaN(at)) return [];
  return Object.values(state.openTasks)
    .filter((t) => instantMs(t.dueAt) <= at)
    .sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.taskId < b.taskId ? -1 : 1))
    .map((t) => ({ ...t, daysOverdue: Math.floor((at - instantMs(t.dueAt)) / DAY_MS) }));
};

/** FAC-06: open repair orders in the order work should take them (urgent first). */
export const facilityRepairQueue = (state: FacilityState): readonly RepairOrderState[] =>
  state.repairQueue.flatMap((id) => {
    const order = state.repairOrders[id];
    return order ? [order] : [];
  });
