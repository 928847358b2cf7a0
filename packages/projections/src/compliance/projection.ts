import {
  type ComplaintEvent,
  defaultPolicy,
  type FacilityEvent,
  type Policy,
  type RectificationEvent,
  type StaffEvent,
  type StaffState,
  type StoredEvent,
  staffDecider,
  type TicketEvent,
  type TriggerKind,
} from '@civic-ledger/domain';
import { envelopeOf, idOf } from '../kernel/events.js';
import { instantMs } from '../kernel/instants.js';
import { plusDays } from '../kernel/periods.js';
import type { Projection } from '../kernel/projection.js';
import { snapshot } from '../kernel/snapshot.js';

/** Something with a deadline that has not been met yet. */
export interface OpenDeadline {
  readonly id: string;
  readonly dueDate: string;
  /** Overdue from this instant on. */
  readonly dueAt: string;
  /** Who answers for it: facility, centre, unit. */
  readonly owner: string;
  readonly detail?: string;
}

export interface ComplianceState {
  /** FAC-12: scheduled maintenance tasks not done yet. */
  readonly tasks: Map<string, OpenDeadline>;
  /** TKT-03: initial reviews not done yet, by ticket. */
  readonly reviews: Map<string, OpenDeadline>;
  /** CMP-03: complaints not answered yet. */
  readonly complaintAnswers: Map<string, OpenDeadline>;
  /** AUD-02: rectifications not accepted yet. */
  readonly rectifications: Map<string, OpenDeadline>;
  /** STF-02, STF-04: each staff member's state as the Staff aggregate folds it. */
  readonly staff: Map<string, StaffState>;
}

/** Everything past its deadline at a moment. */
export interface Overdue {
  readonly at: string;
  readonly tasks: readonly OpenDeadline[];
  readonly reviews: readonly OpenDeadline[];
  readonly complaintAnswers: readonly OpenDeadline[];
  readonly rectifications: readonly OpenDeadline[];
}

export interface ExpiringCertificate {
  readonly staffId: string;
  readonly kind: string;
  readonly number: string;
  readonly validUntil: string;
  /** `expired` when the date is already past `validUntil` (a staff member still registered). */
  readonly state: 'expiring' | 'expired';
}

export interface SecondedTrigger {
  readonly staffId: string;
  readonly sendingUnit: string;
  readonly triggers: readonly TriggerKind[];
}

export interface ComplianceQueries {
  /**
   * What is past its deadline at instant `at` (FAC-12, TKT-03, CMP-03, AUD-02). For "as of"
   * a past moment, build the projection as of that moment and ask with the same instant.
   */
  overdue(at: string): Overdue;
  /** STF-02: certificates of registered staff expiring within `withinDays` of `date` (default from policy), or expired. */
  expiringCertificates(date: string, withinDays?: number): readonly ExpiringCertificate[];
  /** STF-04: seconded staff who reached a return-to-sending-unit trigger and have not left. */
  secondedTriggers(): readonly SecondedTrigger[];
}

const open = (
  id: string,
  deadline: { dueDate: string; dueAt: string },
  owner: string,
  detail?: string,
): OpenDeadline => ({
  id,
  dueDate: deadline.dueDate,
  dueAt: deadline.dueAt,
  owner,
  ...(detail !== undefined ? { detail } : {}),
});

const applyFacility = (s: ComplianceState, stored: StoredEvent, facilityId: string): void => {
  const e = envelopeOf<FacilityEvent>(stored);
  // Task ids are unique within one facility only (`<planItemId>:<n>`): key by both.
  const taskKey = (taskId: string): string => `${facilityId}/${taskId}`;
  switch (e.type) {
    case 'MaintenanceTaskScheduled':
      s.tasks.set(taskKey(e.data.taskId), open(e.data.taskId, e.data, facilityId, e.data.taskKind));
      return;
    case 'MaintenanceTaskCompleted':
      s.tasks.delete(taskKey(e.data.taskId));
      return;
    case 'FacilityDecommissioned':
    case 'MaintenancePlanItemRetired':
      for (const id of e.data.cancelledTaskIds) s.tasks.delete(taskKey(id));
      return;
    default:
      return;
  }
};

const applyTicket = (s: ComplianceState, stored: StoredEvent): void => {
  const e = envelopeOf<TicketEvent>(stored);
  const id = e.data.ticketId;
  switch (e.type) {
    case 'TicketAccepted':
      s.reviews.set(id, open(id, e.data.reviewDeadline, e.data.centreId, e.data.serviceType));
      return;
    case 'SupplementRequested':
    case 'ReviewExtended': {
      const current = s.reviews.get(id);
      if (current)
        s.reviews.set(id, {
          ...current,
          dueDate: e.data.reviewDeadline.dueDate,
          dueAt: e.data.reviewDeadline.dueAt,
        });
      return;
    }
    case 'TicketReviewed':
      s.reviews.delete(id);
      return;
    default:
      return;
  }
};

const applyComplaint = (s: ComplianceState, stored: StoredEvent): void => {
  const e = envelopeOf<ComplaintEvent>(stored);
  if (e.type === 'ComplaintReceived')
    s.complaintAnswers.set(
      e.data.complaintId,
      open(e.data.complaintId, e.data.answerDeadline, e.data.unitId),
    );
  else if (e.type === 'ComplaintAnswered') s.complaintAnswers.delete(e.data.complaintId);
};

const applyRectification = (s: ComplianceState, stored: StoredEvent): void => {
  const e = envelopeOf<RectificationEvent>(stored);
  const id = e.data.rectificationId;
  switch (e.type) {
    case 'RectificationOpened':
    case 'RectificationReopened':
      s.rectifications.set(
        id,
        open(id, e.data.deadline, e.data.responsibleUnitId, e.data.source.kind),
      );
      return;
    case 'RectificationAccepted':
      s.rectifications.delete(id);
      return;
    case 'RectificationSourceVerified':
      if (!e.data.founded) s.rectifications.delete(id);
      return;
    default:
      return;
  }
};

const pastDue = (items: Map<string, OpenDeadline>, at: number): OpenDeadline[] =>
  [...items.values()]
    .filter((d) => at >= instantMs(d.dueAt))
    .sort((a, b) => instantMs(a.dueAt) - instantMs(b.dueAt));

/**
 * The compliance read model: overdue maintenance (FAC-12), reviews (TKT-03), complaint
 * answers (CMP-03) and rectifications (AUD-02); certificates about to expire (STF-02);
 * seconded staff who reached a trigger (STF-04).
 */
export const createComplianceProjection = (
  options: { readonly policy?: Policy } = {},
): Projection<ComplianceState, ComplianceQueries> => {
  const policy = options.policy ?? defaultPolicy;
  return {
    name: 'compliance',
    version: 1,
    filter: { streamPrefixes: ['facility-', 'ticket-', 'complaint-', 'rectification-', 'staff-'] },
    init: () => ({
      tasks: new Map(),
      reviews: new Map(),
      complaintAnswers: new Map(),
      rectifications: new Map(),
      staff: new Map(),
    }),
    apply: (state, stored) => {
      const { streamId } = stored.envelope;
      const facilityId = idOf(streamId, 'facility-');
      const staffId = idOf(streamId, 'staff-');
      if (facilityId !== undefined) applyFacility(state, stored, facilityId);
      else if (streamId.startsWith('ticket-')) applyTicket(state, stored);
      else if (streamId.startsWith('complaint-')) applyComplaint(state, stored);
      else if (streamId.startsWith('rectification-')) applyRectification(state, stored);
      else if (staffId !== undefined) {
        const e = envelopeOf<StaffEvent>(stored);
        const current = state.staff.get(staffId) ?? staffDecider.initialState;
        state.staff.set(
          staffId,
          staffDecider.evolve(current, { type: e.type, data: e.data } as StaffEvent),
        );
      }
      return state;
    },
    queries: (state) => ({
      overdue: (at) => {
        const t = instantMs(at);
        return snapshot({
          at,
          tasks: pastDue(state.tasks, t),
          reviews: pastDue(state.reviews, t),
          complaintAnswers: pastDue(state.complaintAnswers, t),
          rectifications: pastDue(state.rectifications, t),
        });
      },
      expiringCertificates: (date, withinDays = policy.staff.certificateExpiryWarningDays) => {
        const until = plusDays(date, withinDays);
        const out: ExpiringCertificate[] = [];
        for (const [staffId, s] of state.staff) {
          if (s.status === 'departed' || s.status === 'unregistered') continue;
          for (const c of s.certificates) {
            if (c.revokedOn !== undefined && c.revokedOn <= date) continue;
            // A certificate renewed under the same kind stays valid: only the latest of a kind counts.
            const latest = s.certificates
              .filter((o) => o.kind === c.kind && (o.revokedOn === undefined || o.revokedOn > date))
              .reduce((a, b) => (b.validUntil > a.validUntil ? b : a), c);
            if (latest !== c || c.validUntil > until) continue;
            out.push({
              staffId,
              kind: c.kind,
              number: c.number,
              validUntil: c.validUntil,
              state: c.validUntil < date ? 'expired' : 'expiring',
            });
          }
        }
        return out.sort((a, b) => a.validUntil.localeCompare(b.validUntil));
      },
      secondedTriggers: () =>
        [...state.staff].flatMap(([staffId, s]) =>
          s.secondment && s.status !== 'departed' && s.triggersReached.length > 0
            ? [{ staffId, sendingUnit: s.secondment.sendingUnit, triggers: [...s.triggersReached] }]
            : [],
        ),
    }),
  };
};

/** The compliance read model with the default policy. */
export const complianceProjection = createComplianceProjection();
