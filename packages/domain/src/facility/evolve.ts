// Folds facility events into state. Pure and total: an event it does not know leaves the
// state as it is (upcasters bring old events to the current shape before they get here).
import type { FacilityEvent } from './events.js';
import { type FacilityState, type FaultState, own, type RepairOrderState } from './state.js';

const rank = { urgent: 0, routine: 1 } as const;

/** FAC-06 先急后缓: open orders, urgent first, then oldest first, then by id. */
const queueOf = (orders: FacilityState['repairOrders']): readonly string[] =>
  Object.values(orders)
    .filter((o) => o.status === 'ordered' || o.status === 'in-progress')
    .sort(
      (a, b) =>
        rank[a.priority] - rank[b.priority] ||
        (a.orderedAt < b.orderedAt ? -1 : a.orderedAt > b.orderedAt ? 1 : 0) ||
        (a.repairOrderId < b.repairOrderId ? -1 : a.repairOrderId > b.repairOrderId ? 1 : 0),
    )
    .map((o) => o.repairOrderId);

const withOrder = (state: FacilityState, order: RepairOrderState): FacilityState => {
  const repairOrders = { ...state.repairOrders, [order.repairOrderId]: order };
  return { ...state, repairOrders, repairQueue: queueOf(repairOrders) };
};

const without = <T>(record: Readonly<Record<string, T>>, keys: readonly string[]) => {
  const out = { ...record };
  for (const key of keys) delete out[key];
  return out;
};

/** Applies one facility event to the state. */
export const evolveFacility = (state: FacilityState, event: FacilityEvent): FacilityState => {
  switch (event.type) {
    case 'FacilityRegistered': {
      const { facilityId, technicalDocuments, registeredAt: _at, ...registration } = event.data;
      return { ...state, status: 'active', facilityId, registration, technicalDocuments };
    }
    case 'TechnicalDocumentAttached':
      return { ...state, technicalDocuments: [...state.technicalDocuments, event.data.document] };
    case 'FacilityRegistrationCorrected': {
      if (state.registration === undefined) return state;
      const registration: Record<string, unknown> = { ...state.registration };
      for (const key of event.data.changed) {
        const after = (event.data.after as Record<string, unknown>)[key];
        if (after === undefined) delete registration[key];
        else registration[key] = after;
      }
      return { ...state, registration: registration as FacilityState['registration'] & object };
    }
    case 'FacilityDecommissioned': {
      const repairOrders = { ...state.repairOrders };
      for (const id of event.data.cancelledRepairOrderIds) {
        const order = own(repairOrders, id);
        if (order) repairOrders[id] = { ...order, status: 'cancelled' };
      }
      const planItems = Object.fromEntries(
        Object.entries(state.planItems).map(([id, item]) => {
          const { openTaskId: _open, ...rest } = item;
          return [id, rest];
        }),
      );
      return {
        ...state,
        status: 'decommissioned',
        planItems,
        openTasks: without(state.openTasks, event.data.cancelledTaskIds),
        repairOrders,
        repairQueue: queueOf(repairOrders),
      };
    }
    case 'MaintenancePlanItemAdded': {
      const d = event.data;
      return {
        ...state,
        planItems: {
          ...state.planItems,
          [d.planItemId]: {
            planItemId: d.planItemId,
            taskKind: d.taskKind,
            title: d.title,
            person: d.person,
            post: d.post,
            responsibility: d.responsibility,
            mode: d.schedule.mode,
            cycle: d.schedule.cycle,
            firstDueDate: d.schedule.firstDueDate,
            occurrences: 0,
            retired: false,
          },
        },
      };
    }
    case 'MaintenancePlanItemRetired': {
      const item = own(state.planItems, event.data.planItemId);
      if (item === undefined) return state;
      const { openTaskId: _open, ...rest } = item;
      return {
        ...state,
        planItems: { ...state.planItems, [item.planItemId]: { ...rest, retired: true } },
        openTasks: without(state.openTasks, event.data.cancelledTaskIds),
      };
    }
    case 'MaintenanceTaskScheduled': {
      const d = event.data;
      const item = own(state.planItems, d.planItemId);
      return {
        ...state,
        planItems: item
          ? {
              ...state.planItems,
              [d.planItemId]: { ...item, openTaskId: d.taskId, occurrences: d.occurrence },
            }
          : state.planItems,
        openTasks: {
          ...state.openTasks,
          [d.taskId]: {
            taskId: d.taskId,
            planItemId: d.planItemId,
            taskKind: d.taskKind,
            occurrence: d.occurrence,
            dueDate: d.dueDate,
            dueAt: d.dueAt,
          },
        },
      };
    }
    case 'MaintenanceTaskCompleted': {
      const item = own(state.planItems, event.data.planItemId);
      let planItems = state.planItems;
      if (item && item.openTaskId === event.data.taskId) {
        const { openTaskId: _open, ...rest } = item;
        planItems = { ...state.planItems, [item.planItemId]: rest };
      }
      return { ...state, planItems, openTasks: without(state.openTasks, [event.data.taskId]) };
    }
    case 'FacilityInspected': {
      const d = event.data;
      const records = {
        ...state.records,
        [d.recordId]: {
          recordId: d.recordId,
          recordNumber: d.recordNumber,
          signedById: d.signedBy.id,
          personnelIds: d.personnel.map((p) => p.id),
          performedAt: d.performedAt,
          retainUntil: d.retainUntil,
          status: 'signed' as const,
        },
      };
      const old =
        d.supersedesRecordId === undefined ? undefined : own(records, d.supersedesRecordId);
      if (old) records[old.recordId] = { ...old, status: 'superseded' };
      return {
        ...state,
        records,
        recordNumbers: { ...state.recordNumbers, [d.recordNumber]: d.recordId },
        condition: d.condition,
        conditionSetAt: d.performedAt,
        history: {
          ...state.history,
          inspections: state.history.inspections + 1,
          lastInspectionAt: d.performedAt,
        },
      };
    }
    case 'MaintenanceRecordReviewed': {
      const record = own(state.records, event.data.recordId);
      if (record === undefined) return state;
      return {
        ...state,
        records: {
          ...state.records,
          [record.recordId]: {
            ...record,
            status: event.data.decision === 'approved' ? 'final' : 'returned',
          },
        },
      };
    }
    case 'FaultReported': {
      const d = event.data;
      const sourceRef =
        d.source === 'ticket' ? d.ticketId : d.source === 'usage' ? d.usageRecordId : d.recordId;
      return {
        ...state,
        faults: {
          ...state.faults,
          [d.faultId]: {
            faultId: d.faultId,
            source: d.source,
            sourceRef: sourceRef ?? '',
            urgency: d.urgency,
            status: 'open',
          },
        },
        history: { ...state.history, faults: state.history.faults + 1 },
      };
    }
    case 'FaultDismissed':
    case 'FaultResolved':
    case 'RepairOrdered': {
      const fault = own(state.faults, event.data.faultId);
      const status: FaultState['status'] =
        event.type === 'FaultDismissed'
          ? 'dismissed'
          : event.type === 'FaultResolved'
            ? 'resolved'
            : 'repair-ordered';
      const next = fault
        ? { ...state, faults: { ...state.faults, [fault.faultId]: { ...fault, status } } }
        : state;
      if (event.type !== 'RepairOrdered') return next;
      const d = event.data;
      return withOrder(next, {
        repairOrderId: d.repairOrderId,
        faultId: d.faultId,
        repairClass: d.repairClass,
        priority: d.priority,
        orderedAt: d.orderedAt,
        status: 'ordered',
      });
    }
    case 'RepairStarted':
    case 'RepairCompleted': {
      const order = own(state.repairOrders, event.data.repairOrderId);
      if (order === undefined) return state;
      const completed = event.type === 'RepairCompleted';
      const next = withOrder(state, { ...order, status: completed ? 'completed' : 'in-progress' });
      return completed
        ? { ...next, history: { ...next.history, repairs: next.history.repairs + 1 } }
        : next;
    }
    case 'UsageRecorded':
      return { ...state, usageRecordIds: [...state.usageRecordIds, event.data.usageRecordId] };
    case 'RenovationProjectOpened':
      return {
        ...state,
        renovations: {
          ...state.renovations,
          [event.data.projectId]: { projectId: event.data.projectId, kind: event.data.kind },
        },
      };
    case 'RenovationStageCompleted': {
      const project = own(state.renovations, event.data.projectId);
      if (project === undefined) return state;
      return {
        ...state,
        renovations: {
          ...state.renovations,
          [project.projectId]: { ...project, stage: event.data.stage },
        },
      };
    }
    case 'SafetyRecordAdded':
      return {
        ...state,
        safetyRecords: {
          ...state.safetyRecords,
          [event.data.safetyRecordId]: {
            authorId: event.data.recordedBy.id,
            status: 'awaiting-review',
          },
        },
      };
    case 'SafetyRecordReviewed': {
      const item = own(state.safetyRecords, event.data.safetyRecordId);
      if (item === undefined) return state;
      return {
        ...state,
        safetyRecords: {
          ...state.safetyRecords,
          [event.data.safetyRecordId]: { ...item, status: event.data.decision },
        },
      };
    }
    case 'MaintenanceReportDrafted':
      return {
        ...state,
        reports: {
          ...state.reports,
          [event.data.reportId]: { authorId: event.data.draftedBy.id, status: 'awaiting-review' },
        },
      };
    case 'MaintenanceReportReviewed':
    case 'MaintenanceReportSubmitted': {
      const report = own(state.reports, event.data.reportId);
      if (report === undefined) return state;
      const status =
        event.type === 'MaintenanceReportSubmitted' ? 'submitted' : event.data.decision;
      return {
        ...state,
        reports: { ...state.reports, [event.data.reportId]: { ...report, status } },
      };
    }
    default:
      return state;
  }
};
