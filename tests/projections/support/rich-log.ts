import {
  acceptRectification,
  completeTask,
  completeTicket,
  deadline,
  inspect,
  openRectification,
  rateTicket,
  receiveTicket,
  registerFacility,
  scheduleTask,
} from './fixtures.js';
import { createLog } from './log.js';

/**
 * A log that touches every read model: facilities, tickets, complaints, surveys, staff,
 * rectifications and case-file management, with backdated facts (occurredAt before the
 * previous event's) and a recording clock that only moves forward.
 */
export const richLog = () => {
  let t = Date.parse('2026-12-01T00:00:00Z');
  const clock = () => {
    t += 60_000;
    return new Date(t).toISOString();
  };
  const log = createLog({ clock });
  registerFacility(log, 'F1', '2026-01-05T09:00:00+08:00');
  registerFacility(log, 'F2', '2026-02-05T09:00:00+08:00', {
    classKey: 'power',
    operatingUnit: 'grid-co',
  });
  scheduleTask(log, 'F1', 'T1', '2026-03-15', '2026-01-05T10:00:00+08:00');
  scheduleTask(log, 'F2', 'T2', '2026-04-15', '2026-02-05T10:00:00+08:00');
  inspect(log, 'F1', 'R1', '2026-03-10T09:00:00+08:00', 'not-intact');
  completeTask(log, 'F1', 'T1', '2026-03-15', '2026-03-10');
  inspect(log, 'F2', 'R2', '2026-04-20T09:00:00+08:00', 'intact');
  for (const [id, day, level] of [
    ['A', '02', 5],
    ['B', '03', 2],
    ['C', '04', 4],
  ] as const) {
    receiveTicket(log, id, `2026-11-${day}T09:00:00+08:00`, {
      windowId: 'W1',
      nature: id === 'C' ? 'repeat' : 'normal',
    });
    log.ticket(
      id,
      'TicketAccepted',
      {
        ticketId: id,
        at: `2026-11-${day}T09:30:00+08:00`,
        staffId: 'staff-001',
        serviceType: 'elderly-subsidy',
        centreId: 'centre-01',
        reviewDeadline: deadline('2026-11-10'),
        completionDeadline: deadline('2026-12-20', 30),
      },
      `2026-11-${day}T09:30:00+08:00`,
    );
    completeTicket(log, id, `2026-11-1${day.slice(1)}T10:00:00+08:00`, id !== 'B', {
      communityId: `community-${id}`,
    });
    rateTicket(log, id, `2026-11-2${day.slice(1)}T10:00:00+08:00`, level);
  }
  log.complaint(
    'C1',
    'ComplaintReceived',
    {
      complaintId: 'C1',
      channel: 'phone',
      form: 'electronic',
      complainant: { anonymous: false, name: '赵六', phone: '13900001111' },
      respondent: { kind: 'staff', id: 'staff-001' },
      content: '态度差',
      demands: ['道歉'],
      unitId: 'centre-01',
      confidential: true,
      firstResponsibleId: 'staff-009',
      receivedAt: '2026-11-05T09:00:00+08:00',
      answerDeadline: deadline('2026-11-10', 3),
    },
    '2026-11-05T09:00:00+08:00',
  );
  openRectification(log, 'RB1', '2026-11-24T09:00:00+08:00', '2026-12-15', 'centre-01');
  // Backdated: happened in October, recorded now.
  openRectification(log, 'R0', '2026-10-01T09:00:00+08:00', '2026-10-20');
  acceptRectification(log, 'R0', '2026-10-18T09:00:00+08:00', '2026-10-20');
  log.staff(
    'S1',
    'StaffRegistered',
    { staffId: 'S1', name: '甲', role: 'window-staff', unit: 'centre-01' },
    '2026-01-01T08:00:00+08:00',
  );
  log.staff(
    'S1',
    'StaffPutOnPost',
    { date: '2026-01-02', role: 'window-staff', unit: 'centre-01' },
    '2026-01-02T08:00:00+08:00',
  );
  log.staff(
    'S1',
    'CertificateRecorded',
    { kind: 'service', number: 'N1', validFrom: '2025-01-01', validUntil: '2026-12-10' },
    '2026-01-02T08:00:00+08:00',
  );
  log.staff(
    'S1',
    'TrainingRecorded',
    { trainingId: 'TR1', topic: '礼仪', trainedOn: '2026-09-01', nextTrainingDueOn: '2027-03-01' },
    '2026-09-01T08:00:00+08:00',
  );
  log.survey(
    'S1',
    'SurveyClosed',
    {
      surveyId: 'S1',
      period: '2026-Q4',
      unitId: 'centre-01',
      questionnairesIssued: 10,
      responses: 9,
      responseRate: 0.9,
      responseRateTarget: 0.9,
      responseRateMet: true,
      strata: [],
      satisfaction: {
        answers: 20,
        good: 18,
        rate: 0.9,
        goodFromLevel: 3,
        target: 0.85,
        targetKind: 'city',
        targetMet: true,
      },
      closedAt: '2026-11-28T10:00:00+08:00',
    },
    '2026-11-28T10:00:00+08:00',
  );
  log.archive(
    'A',
    'ArchiveClassified',
    {
      caseId: 'A',
      caseKind: 'ticket',
      archiveNumber: 'WS-1',
      archiveClass: 'short',
      closedOn: '2026-11-30',
      retentionYears: 10,
      retentionExpiresOn: '2036-11-30',
      accessLevel: 'internal',
    },
    '2026-11-30T10:00:00+08:00',
  );
  log.archive(
    'A',
    'ArchiveBackedUp',
    { caseId: 'A', backupRef: 'BK-1', location: 'tape' },
    '2026-11-30T11:00:00+08:00',
  );
  return log;
};
