import type { TicketEvent } from './events.js';
import type { TicketState } from './state.js';

type Key = keyof TicketState;

type Draft = { -readonly [K in Key]: TicketState[K] };

// A field is cleared by setting it to undefined, never by deleting it: every state keeps the
// one shape of `initialTicketState` (see `TicketState`), and `delete` would also turn the
// object into a slow dictionary.
const without = (state: TicketState, ...keys: readonly Key[]): TicketState => {
  const out: Record<string, unknown> = { ...state };
  for (const k of keys) out[k] = undefined;
  return out as unknown as TicketState;
};

const step = (state: TicketState, event: TicketEvent): TicketState => {
  switch (event.type) {
    case 'TicketReceived': {
      const d = event.data;
      return {
        ...state,
        status: 'received',
        ticketId: d.ticketId,
        intake: {
          channel: d.channel,
          serviceType: d.serviceType,
          category: d.category,
          approvalLimitWorkdays: d.approvalLimitWorkdays,
          requiresFinalApproval: d.requiresFinalApproval,
          facilityFault: d.facilityFault,
          ...(d.facilityId === undefined ? {} : { facilityId: d.facilityId }),
          nature: d.nature,
          ...(d.repeatOf === undefined ? {} : { repeatOf: d.repeatOf }),
          communityId: d.communityId,
          centreId: d.centreId,
          ...(d.windowId === undefined ? {} : { windowId: d.windowId }),
          firstResponsibleStaffId: d.firstResponsibleStaffId,
          receivedAt: d.at,
        },
        materials: d.materials.map((m) => m.kind),
        missingMaterials: d.missingMaterials,
      };
    }
    case 'QueueNumberTaken':
      return { ...state, queue: { number: event.data.queueNumber, takenAt: event.data.at } };
    case 'QueueNumberCalled':
      return state.queue ? { ...state, queue: { ...state.queue, calledAt: event.data.at } } : state;
    case 'FirstResponseRecorded':
      return { ...state, firstResponseAt: event.data.at };
    case 'TicketAccepted':
      return {
        ...state,
        status: 'underReview',
        acceptedAt: event.data.at,
        reviewDeadline: event.data.reviewDeadline,
        completionClockStartedAt: event.data.at,
        completionDeadline: event.data.completionDeadline,
      };
    case 'SupplementRequested':
      return {
        ...state,
        status: event.data.kind === 'materials' ? 'awaitingSupplement' : state.status,
        reviewDeadline: event.data.reviewDeadline,
      };
    case 'SupplementReceived':
      return {
        ...state,
        status: 'underReview',
        materials: [...state.materials, ...event.data.materials.map((m) => m.kind)],
        missingMaterials: event.data.missingMaterials,
      };
    case 'ReviewExtended':
      return { ...state, reviewDeadline: event.data.reviewDeadline };
    case 'JointReviewStarted':
      return { ...state, pendingJointDepartments: event.data.departments };
    case 'JointReviewOpinionRecorded':
      return { ...state, pendingJointDepartments: event.data.pendingDepartments };
    case 'TicketReviewed':
      return event.data.outcome === 'approve'
        ? { ...state, status: 'approved', readyStatus: 'approved' }
        : { ...state, status: 'rejected' };
    case 'FinalApprovalGranted':
      return {
        ...state,
        status: 'finalApproved',
        finalApproved: true,
        readyStatus: 'finalApproved',
      };
    case 'TicketDispatched':
      return {
        ...state,
        status: 'dispatched',
        unitId: event.data.unitId,
        returnDeadline: event.data.returnDeadline,
      };
    case 'TicketSignedFor':
      return { ...state, status: 'inProgress' };
    case 'TicketReturnedByUnit':
      return {
        ...without(state, 'unitId', 'returnDeadline', 'pendingExtension'),
        status: state.readyStatus ?? 'approved',
      };
    case 'ExtensionRequested':
      return {
        ...state,
        pendingExtension: { workdays: event.data.workdays, requestedBy: event.data.requestedBy },
      };
    case 'ExtensionApproved':
      return {
        ...without(state, 'pendingExtension'),
        completionDeadline: event.data.completionDeadline,
      };
    case 'ExtensionDeclined':
      return without(state, 'pendingExtension');
    case 'TicketSupervised':
      return { ...state, supervisions: state.supervisions + 1 };
    case 'TicketCompleted':
      return {
        ...without(state, 'pendingExtension', 'lastReturnVisitResolved'),
        status: 'completed',
        completedAt: event.data.at,
      };
    case 'ReturnVisitMade':
      return {
        ...state,
        status: state.status === 'completed' ? 'visited' : state.status,
        lastReturnVisitResolved: event.data.resolved,
        returnVisitDue: false,
      };
    case 'TicketClosed':
      return { ...state, status: 'closed' };
    case 'TicketReopened':
      return {
        ...without(state, 'unitId', 'returnDeadline', 'lastReturnVisitResolved'),
        status: 'reopened',
        readyStatus: 'reopened',
        reopenCount: event.data.reopenCount,
        reopenedForRating: state.reopenedForRating || event.data.ground === 'unsatisfied-rating',
        completionClockStartedAt: event.data.at,
        completionDeadline: event.data.completionDeadline,
      };
    case 'TicketArchived':
      return { ...state, status: 'archived' };
    case 'TicketRated':
      return {
        ...state,
        rating: { level: event.data.level, bad: event.data.bad, at: event.data.at },
        returnVisitDue: state.returnVisitDue || event.data.bad,
        verificationRequired: state.verificationRequired || event.data.verificationRequired,
      };
  }
};

/**
 * Folds one ticket event into the state; records it in the history (TKT-05). `step` returns
 * a new object for every event that changes anything, and nothing else holds it yet, so the
 * time and history are set on it rather than on one more copy of the whole state.
 */
export const evolveTicket = (state: TicketState, event: TicketEvent): TicketState => {
  const next = step(state, event);
  const out = (next === state ? { ...state } : next) as Draft;
  out.lastAt = event.data.at;
  out.history = [...state.history, { type: event.type, at: event.data.at }];
  return out;
};
