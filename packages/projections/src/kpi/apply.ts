import type {
  ComplaintEvent,
  FacilityEvent,
  RectificationEvent,
  StaffEvent,
  StoredEvent,
  SurveyEvent,
  TicketEvent,
  WorkCalendar,
} from '@civic-ledger/domain';
import { envelopeOf, idOf, push } from '../kernel/events.js';
import { addFact, dayNumber, internId } from '../kernel/fact-table.js';
import type { FacilityFact, KpiState, StaffFact } from './facts.js';
import { NO_BASE, unitListIdOf } from './unit-ids.js';
import { internUnits, unitKeys, unitListId } from './units.js';

type DateOf = WorkCalendar['dateOf'];

const facilityUnits = (classKey: string, operatingUnit: string) =>
  unitKeys(['facility-class', classKey], ['department', operatingUnit]);

const applyFacility = (
  s: KpiState,
  stored: StoredEvent,
  facilityId: string,
  dateOf: DateOf,
): void => {
  const e = envelopeOf<FacilityEvent>(stored);
  const f = s.facilities.get(facilityId);
  // Task ids are unique within one facility only (`<planItemId>:<n>`): key by both.
  const taskKey = (taskId: string): string => `${facilityId}/${taskId}`;
  const cancel = (ids: readonly string[]) => {
    for (const id of ids) {
      const t = s.tasks.get(taskKey(id));
      if (t) s.tasks.set(taskKey(id), { ...t, cancelled: true });
    }
  };
  switch (e.type) {
    case 'FacilityRegistered':
      s.facilities.set(facilityId, {
        units: facilityUnits(e.data.classKey, e.data.operatingUnit),
        registeredOn: dateOf(e.data.registeredAt),
        conditions: [],
      });
      return;
    case 'FacilityRegistrationCorrected': {
      if (!f) return;
      const classKey = e.data.after.classKey;
      const unit = e.data.after.operatingUnit;
      if (classKey === undefined && unit === undefined) return;
      const current = (kind: string) =>
        f.units.find((u) => u.startsWith(`${kind}:`))?.split(':')[1];
      s.facilities.set(facilityId, {
        ...f,
        units: facilityUnits(
          classKey ?? current('facility-class') ?? '',
          unit ?? current('department') ?? '',
        ),
      });
      return;
    }
    case 'FacilityDecommissioned':
      if (f) s.facilities.set(facilityId, { ...f, decommissionedOn: e.data.effectiveDate });
      cancel(e.data.cancelledTaskIds);
      return;
    case 'MaintenancePlanItemRetired':
      cancel(e.data.cancelledTaskIds);
      return;
    case 'MaintenanceTaskScheduled':
      s.tasks.set(taskKey(e.data.taskId), {
        units: f?.units ?? unitKeys(['facility-class', e.data.classKey]),
        dueDate: e.data.dueDate,
        cancelled: false,
      });
      return;
    case 'MaintenanceTaskCompleted': {
      const t = s.tasks.get(taskKey(e.data.taskId));
      if (t)
        s.tasks.set(taskKey(e.data.taskId), {
          ...t,
          completedOn: e.data.completedOn,
          onTime: e.data.onTime,
        });
      return;
    }
    case 'FacilityInspected':
      if (f) {
        const fact: FacilityFact = f;
        push(fact.conditions, {
          on: dateOf(e.data.performedAt),
          intact: e.data.condition === 'intact',
        });
      }
      return;
    default:
      return;
  }
};

/** The day number of an instant's local date (a function of its own: no closure per event). */
const dayOf = (dateOf: DateOf, instant: string): number => dayNumber(dateOf(instant));

/** The units of a fact at a service window: centre, window, department (when named) and staff. */
const deskUnits = (
  s: KpiState,
  centreId: string | undefined,
  windowId: string | undefined,
  departmentId: string | undefined,
  staffId: string | undefined,
): number =>
  unitListIdOf(
    s.unitLists,
    NO_BASE,
    undefined,
    'centre',
    centreId,
    'window',
    windowId,
    'department',
    departmentId,
    'staff',
    staffId,
  );

const applyTicket = (s: KpiState, stored: StoredEvent, dateOf: DateOf): void => {
  const e = envelopeOf<TicketEvent>(stored);
  const id = e.data.ticketId;
  const ticket = s.openTickets.get(id);
  const units = ticket?.units ?? unitListId(s.unitLists, []);
  switch (e.type) {
    case 'TicketReceived': {
      const received = deskUnits(
        s,
        e.data.centreId,
        e.data.windowId,
        undefined,
        e.data.firstResponsibleStaffId,
      );
      // A first response recorded before the receipt (a cut log) still counts once.
      s.openTickets.set(id, { units: received, responded: ticket?.responded ?? false });
      addFact(s.received, [dayOf(dateOf, e.data.at), received, e.data.nature === 'repeat' ? 1 : 0]);
      return;
    }
    case 'QueueNumberCalled':
      addFact(s.waits, [
        dayOf(dateOf, e.data.at),
        deskUnits(s, e.data.centreId, e.data.windowId, undefined, e.data.staffId),
        e.data.waitMinutes,
      ]);
      return;
    case 'FirstResponseRecorded': {
      // One first response per ticket; dated by receipt, as K-03 measures from receipt.
      if (ticket?.responded) return;
      s.openTickets.set(id, { units, responded: true });
      addFact(s.firstResponses, [
        dayOf(dateOf, e.data.receivedAt),
        unitListIdOf(s.unitLists, units, undefined, 'centre', e.data.centreId),
        e.data.minutes,
      ]);
      return;
    }
    case 'TicketReviewed':
      addFact(s.reviews, [dayOf(dateOf, e.data.at), units, e.data.withinLimit ? 1 : 0]);
      return;
    case 'TicketCompleted': {
      const community = e.data.communityId;
      addFact(s.completions, [
        dayOf(dateOf, e.data.at),
        // The staff of the receipt gives way to the first responsible staff of the completion.
        unitListIdOf(
          s.unitLists,
          units,
          'staff',
          'centre',
          e.data.centreId,
          'department',
          e.data.unitId,
          'staff',
          e.data.firstResponsibleStaffId,
        ),
        e.data.withinLimit ? 1 : 0,
        internId(s.communities, community, () => community),
      ]);
      return;
    }
    case 'TicketRated':
      addFact(s.ratings, [
        dayOf(dateOf, e.data.at),
        deskUnits(
          s,
          e.data.centreId,
          e.data.windowId,
          e.data.unitId,
          e.data.firstResponsibleStaffId,
        ),
        e.data.good ? 1 : 0,
      ]);
      return;
    case 'TicketArchived':
      // Archived is terminal (TKT-08): no KPI event can follow, so its row is let go.
      s.openTickets.delete(id);
      return;
    default:
      return;
  }
};

/** The units of a complaint: the receiving unit (centre or department) and whom it is about. */
const complaintUnits = (
  unitId: string,
  respondent: { kind: 'staff' | 'window' | 'unit'; id: string; unitId?: string | undefined },
) =>
  internUnits([
    ...new Set(
      unitKeys(
        ['centre', unitId],
        ['department', unitId],
        [respondent.kind === 'unit' ? 'department' : respondent.kind, respondent.id],
        ['department', respondent.unitId],
      ),
    ),
  ]);

const applyComplaint = (s: KpiState, stored: StoredEvent, dateOf: DateOf): void => {
  const e = envelopeOf<ComplaintEvent>(stored);
  switch (e.type) {
    case 'ComplaintReceived':
      s.complaints.set(e.data.complaintId, {
        on: dateOf(e.data.receivedAt),
        units: complaintUnits(e.data.unitId, e.data.respondent),
      });
      return;
    case 'ComplaintAnswered':
      s.complaintAnswers.push({
        on: dateOf(e.data.answeredAt),
        onTime: e.data.onTime,
        units: s.complaints.get(e.data.complaintId)?.units ?? unitKeys(['centre', e.data.unitId]),
      });
      return;
    default:
      return;
  }
};

const applySurvey = (s: KpiState, stored: StoredEvent, dateOf: DateOf): void => {
  const e = envelopeOf<SurveyEvent>(stored);
  if (e.type !== 'SurveyClosed') return;
  s.surveys.set(e.data.surveyId, {
    surveyId: e.data.surveyId,
    units: unitKeys(['centre', e.data.unitId], ['department', e.data.unitId]),
    closedOn: dateOf(e.data.closedAt),
    quarter: e.data.period,
    issued: e.data.questionnairesIssued,
    responses: e.data.responses,
  });
};

const applyStaff = (s: KpiState, stored: StoredEvent, staffId: string): void => {
  const e = envelopeOf<StaffEvent>(stored);
  const f = s.staff.get(staffId);
  const withUnit = (fact: StaffFact, unit: string): StaffFact => ({
    ...fact,
    units: unitKeys(['staff', staffId], ['centre', unit], ['department', unit]),
  });
  if (e.type === 'StaffRegistered') {
    s.staff.set(
      staffId,
      withUnit({ units: [], posts: [], certificates: [], trainings: [] }, e.data.unit),
    );
    return;
  }
  if (!f) return;
  switch (e.type) {
    case 'StaffRoleChanged':
      s.staff.set(staffId, withUnit(f, e.data.unit));
      return;
    case 'StaffPutOnPost':
      push(f.posts, { on: e.data.date, onPost: true });
      s.staff.set(staffId, withUnit(f, e.data.unit));
      return;
    case 'StaffTakenOffPost':
      push(f.posts, { on: e.data.date, onPost: false });
      return;
    case 'CertificateRecorded':
      s.staff.set(staffId, {
        ...f,
        certificates: [
          ...f.certificates,
          {
            kind: e.data.kind,
            number: e.data.number,
            validFrom: e.data.validFrom,
            validUntil: e.data.validUntil,
          },
        ],
      });
      return;
    case 'CertificateRenewed':
      s.staff.set(staffId, {
        ...f,
        // The renewal counts from the day it was made: as of an earlier date the old expiry holds.
        certificates: [
          ...f.certificates,
          {
            kind: e.data.kind,
            number: e.data.number,
            validFrom: e.data.renewedOn,
            validUntil: e.data.validUntil,
          },
        ],
      });
      return;
    case 'CertificateRevoked':
      s.staff.set(staffId, {
        ...f,
        certificates: f.certificates.map((c) =>
          c.kind === e.data.kind && c.number === e.data.number && c.revokedOn === undefined
            ? { ...c, revokedOn: e.data.revokedOn }
            : c,
        ),
      });
      return;
    case 'TrainingRecorded':
      if (e.data.passed !== false) push(f.trainings, e.data.trainedOn);
      return;
    default:
      return;
  }
};

const applyRectification = (s: KpiState, stored: StoredEvent, dateOf: DateOf): void => {
  const e = envelopeOf<RectificationEvent>(stored);
  const id = e.data.rectificationId;
  const r = s.rectifications.get(id);
  switch (e.type) {
    case 'RectificationOpened':
      s.rectifications.set(id, {
        units: unitKeys(
          ['department', e.data.responsibleUnitId],
          ['centre', e.data.responsibleUnitId],
        ),
        dismissed: false,
        rounds: [{ dueDate: e.data.deadline.dueDate }],
      });
      return;
    case 'RectificationSourceVerified':
      if (r && !e.data.founded) s.rectifications.set(id, { ...r, dismissed: true });
      return;
    case 'RectificationAccepted':
      if (r)
        s.rectifications.set(id, {
          ...r,
          rounds: r.rounds.map((round, i) =>
            i === r.rounds.length - 1
              ? { ...round, acceptedOn: dateOf(e.data.acceptedAt), onTime: e.data.onTime }
              : round,
          ),
        });
      return;
    case 'RectificationReopened':
      if (r)
        s.rectifications.set(id, {
          ...r,
          rounds: [...r.rounds, { dueDate: e.data.deadline.dueDate }],
        });
      return;
    default:
      return;
  }
};

/** Folds one event into the KPI facts; events of other aggregates pass through untouched. */
export const applyKpiFacts = (state: KpiState, stored: StoredEvent, dateOf: DateOf): KpiState => {
  const { streamId } = stored.envelope;
  const facilityId = idOf(streamId, 'facility-');
  if (facilityId !== undefined) {
    state.fedBy.add('facility');
    applyFacility(state, stored, facilityId, dateOf);
  } else if (streamId.startsWith('ticket-')) {
    state.fedBy.add('ticket');
    applyTicket(state, stored, dateOf);
  } else if (streamId.startsWith('complaint-')) {
    state.fedBy.add('complaint');
    applyComplaint(state, stored, dateOf);
  } else if (streamId.startsWith('survey-')) {
    state.fedBy.add('survey');
    applySurvey(state, stored, dateOf);
  } else if (streamId.startsWith('rectification-')) {
    state.fedBy.add('rectification');
    applyRectification(state, stored, dateOf);
  } else {
    const staffId = idOf(streamId, 'staff-');
    if (staffId !== undefined) {
      state.fedBy.add('staff');
      applyStaff(state, stored, staffId);
    }
  }
  return state;
};
