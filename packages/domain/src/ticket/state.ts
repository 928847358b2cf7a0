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

/** The ticket's state, folded from its events. */
export interface TicketState {
  readonly status: TicketStatus;
  readonly ticketId?: string;
  readonly intake?: TicketIntake;
  /** Kinds of material handed in so far, and those the service type still needs (TKT-02). */
  readonly materials: readonly string[];
  readonly missingMaterials: readonly string[];
  readonly queue?: {
    readonly number: string;
    readonly takenAt: string;
    readonly calledAt?: string;
  };
  readonly firstResponseAt?: string;
  readonly acceptedAt?: string;
  /** The review deadline in force (TKT-03). */
  readonly reviewDeadline?: Deadline;
  /** Departments of a joint review that have not given their opinion yet. */
  readonly pendingJointDepartments: readonly string[];
  readonly finalApproved: boolean;
  /** Where the completion clock started: acceptance, or the latest reopening. */
  readonly completionClockStartedAt?: string;
  /** The completion deadline in force (TKT-03, K-05). */
  readonly completionDeadline?: Deadline;
  /** Status to return to when a unit returns the ticket (退单). */
  readonly readyStatus?: 'approved' | 'finalApproved' | 'reopened';
  readonly unitId?: string;
  readonly returnDeadline?: Deadline;
  readonly pendingExtension?: { readonly workdays: number; readonly requestedBy: string };
  readonly supervisions: number;
  readonly completedAt?: string;
  readonly lastReturnVisitResolved?: boolean;
  /** A bad rating asks for verification and a return visit (SAT-02). */
  readonly returnVisitDue: boolean;
  readonly verificationRequired: boolean;
  readonly rating?: { readonly level: number; readonly bad: boolean; readonly at: string };
  readonly reopenedForRating: boolean;
  readonly reopenCount: number;
  /** The time of the latest event: a command may not happen before it. */
  readonly lastAt?: string;
  readonly history: readonly TicketStep[];
}

/** The state before the first event. */
export const initialTicketState: TicketState = {
  status: 'none',
  materials: [],
  missingMaterials: [],
  pendingJointDepartments: [],
  finalApproved: false,
  supervisions: 0,
  returnVisitDue: false,
  verificationRequired: false,
  reopenedForRating: false,
  reopenCount: 0,
  history: [],
};
