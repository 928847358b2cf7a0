import type { TicketEvent } from './events.js';
import { initialTicketState, type TicketState } from './state.js';

type Key = keyof TicketState;

type Draft = { -readonly [K in Key]: TicketState[K] };

/** What one event changes: top-level fields only, each replaced, never changed in place. */
type Changes = Partial<Draft>;

const unchanged: Changes = Object.freeze({});

/**
 * The fields one event sets. A field is cleared by setting it to undefined, never by
 * deleting it, so every state keeps the one shape of `initialTicketState` (see
 * `TicketState`). Nested values (queue, intake, lists) are replaced, never mutated: a state
 * copied one level deep is then a state of its own.
 */
const changesOf = (state: TicketState, event: TicketEvent): Changes => {
  switch (event.type) {
    case 'TicketReceived': {
      const d = event.data;
      return {
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
      return { queue: { number: event.data.queueNumber, takenAt: event.data.at } };
    case 'QueueNumberCalled':
      return state.queue ? { queue: { ...state.queue, calledAt: event.data.at } } : unchanged;
    case 'FirstResponseRecorded':
      return { firstResponseAt: event.data.at };
    case 'TicketAccepted':
      return {
        status: 'underReview',
        acceptedAt: event.data.at,
        reviewDeadline: event.data.reviewDeadline,
        completionClockStartedAt: event.data.at,
        completionDeadline: event.data.completionDeadline,
      };
    case 'SupplementRequested':
      return {
        status: event.data.kind === 'materials' ? 'awaitingSupplement' : state.status,
        reviewDeadline: event.data.reviewDeadline,
      };
    case 'SupplementReceived':
      return {
        status: 'underReview',
        materials: [...state.materials, ...event.data.materials.map((m) => m.kind)],
        missingMaterials: event.data.missingMaterials,
      };
    case 'ReviewExtended':
      return { reviewDeadline: event.data.reviewDeadline };
    case 'JointReviewStarted':
      return { pendingJointDepartments: event.data.departments };
    case 'JointReviewOpinionRecorded':
      return { pendingJointDepartments: event.data.pendingDepartments };
    case 'TicketReviewed':
      return event.data.outcome === 'approve'
        ? { status: 'approved', readyStatus: 'approved' }
        : { status: 'rejected' };
    case 'FinalApprovalGranted':
      return {
        status: 'finalApproved',
        finalApproved: true,
        readyStatus: 'finalApproved',
      };
    case 'TicketDispatched':
      return {
        status: 'dispatched',
        unitId: event.data.unitId,
        returnDeadline: event.data.returnDeadline,
      };
    case 'TicketSignedFor':
      return { status: 'inProgress' };
    case 'TicketReturnedByUnit':
      return {
        status: state.readyStatus ?? 'approved',
        unitId: undefined,
        returnDeadline: undefined,
        pendingExtension: undefined,
      };
    case 'ExtensionRequested':
      return {
        pendingExtension: { workdays: event.data.workdays, requestedBy: event.data.requestedBy },
      };
    case 'ExtensionApproved':
      return {
        pendingExtension: undefined,
        completionDeadline: event.data.completionDeadline,
      };
    case 'ExtensionDeclined':
      return { pendingExtension: undefined };
    case 'TicketSupervised':
      return { supervisions: state.supervisions + 1 };
    case 'TicketCompleted':
      return {
        status: 'completed',
        completedAt: event.data.at,
        pendingExtension: undefined,
        lastReturnVisitResolved: undefined,
      };
    case 'ReturnVisitMade':
      return {
        status: state.status === 'completed' ? 'visited' : state.status,
        lastReturnVisitResolved: event.data.resolved,
        returnVisitDue: false,
      };
    case 'TicketClosed':
      return { status: 'closed' };
    case 'TicketReopened':
      return {
        status: 'reopened',
        unitId: undefined,
        returnDeadline: undefined,
        lastReturnVisitResolved: undefined,
        readyStatus: 'reopened',
        reopenCount: event.data.reopenCount,
        reopenedForRating: state.reopenedForRating || event.data.ground === 'unsatisfied-rating',
        completionClockStartedAt: event.data.at,
        completionDeadline: event.data.completionDeadline,
      };
    case 'TicketArchived':
      return { status: 'archived' };
    case 'TicketRated':
      return {
        rating: { level: event.data.level, bad: event.data.bad, at: event.data.at },
        returnVisitDue: state.returnVisitDue || event.data.bad,
        verificationRequired: state.verificationRequired || event.data.verificationRequired,
      };
  }
};

/**
 * Folds one ticket event into a state of its own: writes the event's changes and the time
 * into `state` and grows its history (TKT-05), all in place. For a read model that owns its
 * ticket states (applicant progress): a replay folds millions of ticket events, and a copy
 * of the whole state for each one was most of that read model's cost. `state` must not be
 * shared with anyone (a decider's state, a query's answer): start from `ownTicketState()`.
 */
export const evolveTicketInPlace = (state: TicketState, event: TicketEvent): TicketState => {
  const draft = Object.assign(state as Draft, changesOf(state, event));
  draft.lastAt = event.data.at;
  (draft.history as TicketState['history'][number][]).push({
    type: event.type,
    at: event.data.at,
  });
  return draft;
};

/**
 * A copy of `state` (by default the state before the first event) that
 * `evolveTicketInPlace` may write into: one level deep, with a history of its own, is a state
 * of its own, since the changes replace nested values and never mutate them (`changesOf`).
 */
export const ownTicketState = (state: TicketState = initialTicketState): TicketState => ({
  ...state,
  history: [...state.history],
});

/** Folds one ticket event into the state (the decider's `evolve`): into a copy of its own. */
export const evolveTicket = (state: TicketState, event: TicketEvent): TicketState =>
  evolveTicketInPlace(ownTicketState(state), event);
