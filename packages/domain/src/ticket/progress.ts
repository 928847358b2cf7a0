import type { TicketEventType } from './events.js';
import type { TicketState } from './state.js';
import { type TicketStatus, ticketStatusLabels } from './status.js';

type Label = { readonly zh: string; readonly en: string };

// Steps the applicant sees; internal steps (a department's opinion, supervision, a refused
// extension) are left out of the applicant's view.
const stepLabels: Partial<Record<TicketEventType, Label>> = {
  TicketReceived: { zh: '已登记', en: 'received' },
  QueueNumberTaken: { zh: '已取号', en: 'queue number taken' },
  QueueNumberCalled: { zh: '已叫号', en: 'queue number called' },
  FirstResponseRecorded: { zh: '已首次响应', en: 'first response given' },
  TicketAccepted: { zh: '已受理', en: 'accepted' },
  SupplementRequested: { zh: '需补正材料或调查', en: 'supplement or investigation requested' },
  SupplementReceived: { zh: '已补正材料', en: 'supplementary materials received' },
  ReviewExtended: { zh: '审核时限已延长', en: 'review time extended' },
  JointReviewStarted: { zh: '多部门联合审核', en: 'joint review by several departments' },
  TicketReviewed: { zh: '已审核', en: 'reviewed' },
  FinalApprovalGranted: { zh: '已审批', en: 'finally approved' },
  TicketDispatched: { zh: '已派单', en: 'dispatched' },
  TicketSignedFor: { zh: '承办单位已签收', en: 'signed for by the handling unit' },
  TicketReturnedByUnit: {
    zh: '已退单，重新派单中',
    en: 'returned by the unit, to be re-dispatched',
  },
  ExtensionApproved: { zh: '办理时限已延长', en: 'handling time extended' },
  TicketCompleted: { zh: '已办结', en: 'completed' },
  ReturnVisitMade: { zh: '已回访', en: 'return visit made' },
  TicketClosed: { zh: '已结案', en: 'closed' },
  TicketReopened: { zh: '重办', en: 'reopened' },
  TicketArchived: { zh: '已归档', en: 'archived' },
  TicketRated: { zh: '已评价', en: 'rated' },
};

/** The applicant-facing view of a ticket (TKT-05): no personal data, staff only by id. */
export interface TicketProgress {
  readonly ticketId?: string;
  readonly status: TicketStatus;
  readonly statusLabel: Label;
  readonly serviceType?: string;
  readonly steps: readonly {
    readonly step: TicketEventType;
    readonly label: Label;
    readonly at: string;
  }[];
  /** The deadline the ticket is working to now, if any. */
  readonly currentDeadline?: {
    readonly kind: 'review' | 'completion';
    readonly dueDate: string;
    readonly dueAt: string;
    readonly provisional: boolean;
  };
  readonly responsible?: {
    /** 首问负责人 (TKT-07), by staff id only. */
    readonly firstResponsibleStaffId: string;
    readonly centreId: string;
    readonly unitId?: string;
  };
  readonly rated: boolean;
}

const reviewing: readonly TicketStatus[] = ['underReview', 'awaitingSupplement'];
const handling: readonly TicketStatus[] = [
  'approved',
  'finalApproved',
  'dispatched',
  'inProgress',
  'reopened',
];

/** The applicant's view of a ticket's progress (TKT-05): status, steps, deadline, who is responsible. */
export const ticketProgress = (state: TicketState): TicketProgress => {
  const inForce = reviewing.includes(state.status)
    ? { kind: 'review' as const, d: state.reviewDeadline }
    : handling.includes(state.status)
      ? { kind: 'completion' as const, d: state.completionDeadline }
      : undefined;
  const intake = state.intake;
  return {
    ...(state.ticketId === undefined ? {} : { ticketId: state.ticketId }),
    status: state.status,
    statusLabel: ticketStatusLabels[state.status],
    ...(intake === undefined ? {} : { serviceType: intake.serviceType }),
    steps: state.history.flatMap((h) => {
      const label = stepLabels[h.type];
      return label ? [{ step: h.type, label, at: h.at }] : [];
    }),
    ...(inForce?.d === undefined
      ? {}
      : {
          currentDeadline: {
            kind: inForce.kind,
            dueDate: inForce.d.dueDate,
            dueAt: inForce.d.dueAt,
            provisional: inForce.d.provisional,
          },
        }),
    ...(intake === undefined
      ? {}
      : {
          responsible: {
            firstResponsibleStaffId: intake.firstResponsibleStaffId,
            centreId: intake.centreId,
            ...(state.unitId === undefined ? {} : { unitId: state.unitId }),
          },
        }),
    rated: state.rating !== undefined,
  };
};
