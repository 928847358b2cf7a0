import type { Deadline } from '../calendar/work-calendar.js';
import type { ServiceCategory } from './catalogue.js';
import type { TicketEventType } from './events.js';
import type { TicketStatus } from './status.js';
import type { TicketChannel, TicketNature } from './vocabulary.js';

/** What the ticket was received as; no personal data: the applicant stays in the event. */
export interface TicketIntake {
  readonly channel: TicketChannel;
  readonly serviceType: string;
  readonly category: ServiceCategory;
  readonly approvalLimitWorkdays: number;
  readonly requiresFinalApproval: boolean;
  readonly facilityFault: boolean;
  readonly facilityId?: string;
  readonly nature: TicketNature;
  readonly repeatOf?: string;
  readonly communityId: string;
  readonly centreId: string;
  readonly windowId?: string;
  /** 首问负责制 (TKT-07): accountable until closure. */
  readonly firstResponsibleStaffId: string;
  readonly receivedAt: string;
}

/** One step of the ticket's history, for the progress view (TKT-05). */
export interface TicketStep {
  readonly type: TicketEventType;
  readonly at: string;
}

/**
 * The ticket's state, folded from its events. Every field is always present — `undefined`
 * when it is not set — so that every state `evolve` makes has one shape: with optional
 * fields added in the order a ticket's events happened to set them, tickets had dozens of
 * shapes and every fold step ran through V8's slow, megamorphic paths (3× slower replay).
 */
export interface TicketState {
  readonly status: TicketStatus;
  readonly ticketId: string | undefined;
  readonly intake: TicketIntake | undefined;
  /** Kinds of material handed in so far, and those the service type still needs (TKT-02). */
  readonly materials: readonly string[];
  readonly missingMaterials: readonly string[];
  readonly queue:
    | {
        readonly number: string;
        readonly takenAt: string;
        readonly calledAt?: string;
      }
    | undefined;
  readonly firstResponseAt: string | undefined;
  readonly acceptedAt: string | undefined;
  /** The review deadline in force (TKT-03). */
  readonly reviewDeadline: Deadline | undefined;
  /** Departments of a joint review that have not given their opinion yet. */
  readonly pendingJointDepartments: readonly string[];
  readonly finalApproved: boolean;
  /** Where the completion clock started: acceptance, or the latest reopening. */
  readonly completionClockStartedAt: string | undefined;
  /** The completion deadline in force (TKT-03, K-05). */
  readonly completionDeadline: Deadline | undefined;
  /** Status to return to when a unit returns the ticket (退单). */
  readonly readyStatus: 'approved' | 'finalApproved' | 'reopened' | undefined;
  readonly unitId: string | undefined;
  readonly returnDeadline: Deadline | undefined;
  readonly pendingExtension:
    | { readonly workdays: number; readonly requestedBy: string }
    | undefined;
  readonly supervisions: number;
  readonly completedAt: string | undefined;
  readonly lastReturnVisitResolved: boolean | undefined;
  /** A bad rating asks for verification and a return visit (SAT-02). */
  readonly returnVisitDue: boolean;
  readonly verificationRequired: boolean;
  readonly rating:
    | { readonly level: number; readonly bad: boolean; readonly at: string }
    | undefined;
  readonly reopenedForRating: boolean;
  readonly reopenCount: number;
  /** The time of the latest event: a command may not happen before it. */
  readonly lastAt: string | undefined;
  readonly history: readonly TicketStep[];
}

/** The state before the first event. */
export const initialTicketState: TicketState = {
  status: 'none',
  ticketId: undefined,
  intake: undefined,
  materials: [],
  missingMaterials: [],
  queue: undefined,
  firstResponseAt: undefined,
  acceptedAt: undefined,
  reviewDeadline: undefined,
  pendingJointDepartments: [],
  finalApproved: false,
  completionClockStartedAt: undefined,
  completionDeadline: undefined,
  readyStatus: undefined,
  unitId: undefined,
  returnDeadline: undefined,
  pendingExtension: undefined,
  supervisions: 0,
  completedAt: undefined,
  lastReturnVisitResolved: undefined,
  returnVisitDue: false,
  verificationRequired: false,
  rating: undefined,
  reopenedForRating: false,
  reopenCount: 0,
  lastAt: undefined,
  history: [],
};
