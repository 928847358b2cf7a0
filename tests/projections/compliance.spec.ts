import {
  applicantProgressProjection,
  buildAsOf,
  complianceProjection,
  createStaffPerformanceProjection,
  foldProjection,
  rectificationLedgerProjection,
} from '@civic-ledger/projections';
import { describe, expect, it } from 'vitest';
import {
  acceptRectification,
  completeTask,
  completeTicket,
  deadline,
  openRectification,
  rateTicket,
  receiveTicket,
  registerFacility,
  scheduleTask,
} from './support/fixtures.js';
import { createLog, type Log } from './support/log.js';

const accept = (log: Log, id: string, at: string, reviewDue: string) =>
  log.ticket(
    id,
    'TicketAccepted',
    {
      ticketId: id,
      at,
      staffId: 'staff-001',
      serviceType: 'elderly-subsidy',
      centreId: 'centre-01',
      reviewDeadline: deadline(reviewDue, 5),
      completionDeadline: deadline('2026-12-31', 30),
    },
    at,
  );

const history = () => {
  const log = createLog();
  registerFacility(log, 'F1', '2026-01-05T09:00:00+08:00');
  scheduleTask(log, 'F1', 'T1', '2026-11-10', '2026-10-01T09:00:00+08:00');
  scheduleTask(log, 'F1', 'T2', '2026-11-12', '2026-10-01T09:00:00+08:00');
  scheduleTask(log, 'F1', 'T3', '2026-11-30', '2026-10-01T09:00:00+08:00');
  completeTask(log, 'F1', 'T2', '2026-11-12', '2026-11-11');
  receiveTicket(log, 'A', '2026-11-02T09:00:00+08:00');
  accept(log, 'A', '2026-11-02T09:30:00+08:00', '2026-11-09');
  receiveTicket(log, 'B', '2026-11-03T09:00:00+08:00');
  accept(log, 'B', '2026-11-03T09:30:00+08:00', '2026-11-10');
  log.ticket(
    'B',
    'ReviewExtended',
    {
      ticketId: 'B',
      at: '2026-11-09T09:00:00+08:00',
      workdays: 5,
      reason: '需实地调查',
      approverId: 'head-01',
      approverRole: 'centre-head',
      previousDeadline: deadline('2026-11-10', 5),
      reviewDeadline: deadline('2026-11-17', 10),
    },
    '2026-11-09T09:00:00+08:00',
  );
  log.complaint(
    'C1',
    'ComplaintReceived',
    {
      complaintId: 'C1',
      channel: 'phone',
      form: 'electronic',
      complainant: { anonymous: true },
      respondent: { kind: 'staff', id: 'staff-001' },
      content: '态度差',
      demands: ['道歉'],
      unitId: 'centre-01',
      confidential: false,
      firstResponsibleId: 'staff-009',
      receivedAt: '2026-11-09T09:00:00+08:00',
      answerDeadline: deadline('2026-11-12', 3),
    },
    '2026-11-09T09:00:00+08:00',
  );
  openRectification(log, 'R1', '2026-10-20T09:00:00+08:00', '2026-11-10');
  openRectification(log, 'R2', '2026-10-20T09:00:00+08:00', '2026-11-10');
  acceptRectification(log, 'R2', '2026-11-09T09:00:00+08:00', '2026-11-10');
  return log;
};

describe('compliance read model', () => {
  it('FAC-12 TKT-03 CMP-03 AUD-02 lists what is past its deadline at a moment', () => {
    const q = complianceProjection.queries(foldProjection(complianceProjection, history().events));
    const o = q.overdue('2026-11-13T09:00:00+08:00');
    // T1 due 11-10 not done (T2 done, T3 not yet due).
    expect(o.tasks.map((t) => [t.id, t.owner])).toEqual([['T1', 'F1']]);
    // A's review was due 11-09; B's was extended to 11-17.
    expect(o.reviews.map((r) => r.id)).toEqual(['A']);
    // C1's answer was due 11-12.
    expect(o.complaintAnswers.map((c) => c.id)).toEqual(['C1']);
    // R1 due 11-10 not accepted; R2 accepted.
    expect(o.rectifications.map((r) => r.id)).toEqual(['R1']);
    // The day before, nothing of it was overdue but A's review and T1.
    const earlier = q.overdue('2026-11-10T12:00:00+08:00');
    expect([
      earlier.tasks.length,
      earlier.reviews.length,
      earlier.complaintAnswers.length,
      earlier.rectifications.length,
    ]).toEqual([0, 1, 0, 0]);
  });

  it('FAC-12 as of a past moment: a task done later was still overdue then', async () => {
    const log = history();
    completeTask(log, 'F1', 'T1', '2026-11-10', '2026-11-20');
    const store = await log.store();
    const now = complianceProjection
      .queries(foldProjection(complianceProjection, log.events))
      .overdue('2026-11-25T09:00:00+08:00');
    expect(now.tasks).toEqual([]);
    const then = await buildAsOf(store, complianceProjection, {
      at: '2026-11-13T09:00:00+08:00',
      by: 'occurredAt',
    });
    expect(then.query.overdue('2026-11-13T09:00:00+08:00').tasks.map((t) => t.id)).toEqual(['T1']);
  });

  it('STF-02 certificates expiring within N days (policy default 30) or expired; STF-04 seconded triggers reached', () => {
    const log = createLog();
    log.staff(
      'S1',
      'StaffRegistered',
      { staffId: 'S1', name: '甲', role: 'window-staff', unit: 'centre-01' },
      '2026-01-01T08:00:00+08:00',
    );
    log.staff(
      'S1',
      'CertificateRecorded',
      { kind: 'service', number: 'N1', validFrom: '2024-01-01', validUntil: '2026-12-10' },
      '2026-01-01T08:00:00+08:00',
    );
    log.staff(
      'S1',
      'CertificateRecorded',
      { kind: 'first-aid', number: 'N2', validFrom: '2024-01-01', validUntil: '2027-06-30' },
      '2026-01-01T08:00:00+08:00',
    );
    log.staff(
      'S2',
      'StaffRegistered',
      { staffId: 'S2', name: '乙', role: 'window-staff', unit: 'centre-01' },
      '2026-01-01T08:00:00+08:00',
    );
    log.staff(
      'S2',
      'CertificateRecorded',
      { kind: 'service', number: 'N3', validFrom: '2024-01-01', validUntil: '2026-11-01' },
      '2026-01-01T08:00:00+08:00',
    );
    log.staff(
      'S3',
      'StaffRegistered',
      {
        staffId: 'S3',
        name: '丙',
        role: 'seconded-department-staff',
        unit: 'centre-01',
        secondment: {
          sendingUnit: 'tax-bureau',
          startDate: '2026-01-01',
          minTermEndsOn: '2028-01-01',
        },
      },
      '2026-01-01T08:00:00+08:00',
    );
    log.staff(
      'S3',
      'ReturnToSendingUnitRequired',
      {
        trigger: 'verified-complaint',
        sendingUnit: 'tax-bureau',
        threshold: 2,
        count: 2,
        windowFrom: '2025-11-20',
        windowTo: '2026-11-20',
        evidence: [
          { id: 'C1', on: '2026-05-01', quantity: 1 },
          { id: 'C2', on: '2026-11-20', quantity: 1 },
        ],
      },
      '2026-11-20T08:00:00+08:00',
    );
    const q = complianceProjection.queries(foldProjection(complianceProjection, log.events));
    // On 11-20: N1 expires 12-10 (20 days ≤ 30) → expiring; N3 expired 11-01; N2 is far off.
    expect(q.expiringCertificates('2026-11-20')).toEqual([
      { staffId: 'S2', kind: 'service', number: 'N3', validUntil: '2026-11-01', state: 'expired' },
      { staffId: 'S1', kind: 'service', number: 'N1', validUntil: '2026-12-10', state: 'expiring' },
    ]);
    expect(q.expiringCertificates('2026-11-20', 10).map((c) => c.number)).toEqual(['N3']);
    expect(q.secondedTriggers()).toEqual([
      { staffId: 'S3', sendingUnit: 'tax-bureau', triggers: ['verified-complaint'] },
    ]);
  });

  it('AUD-02 rectification ledger 整改台账: status, deadline, rebound count and history', () => {
    const log = createLog();
    openRectification(log, 'R1', '2026-10-20T09:00:00+08:00', '2026-11-10');
    acceptRectification(log, 'R1', '2026-11-08T09:00:00+08:00', '2026-11-10');
    log.rectification(
      'R1',
      'RectificationReopened',
      {
        rectificationId: 'R1',
        source: { kind: 'audit-finding', id: 'finding-R1' },
        responsibleUnitId: 'dept-roads',
        reason: '标识牌再次损坏',
        reboundCount: 1,
        deadline: deadline('2026-12-01', 15),
        reopenedAt: '2026-11-15T09:00:00+08:00',
      },
      '2026-11-15T09:00:00+08:00',
    );
    openRectification(log, 'R2', '2026-11-01T09:00:00+08:00', '2026-11-20', 'dept-parks');
    const q = rectificationLedgerProjection.queries(
      foldProjection(rectificationLedgerProjection, log.events),
    );
    expect(q.entry('R1')).toMatchObject({
      status: 'reopened',
      reboundCount: 1,
      deadline: { dueDate: '2026-12-01' },
    });
    expect(q.entry('R1')?.accepted).toBeUndefined();
    expect(q.entry('R1')?.history.map((h) => h.type)).toEqual([
      'RectificationOpened',
      'RectificationAccepted',
      'RectificationReopened',
    ]);
    expect(q.list({ unit: 'dept-parks' }).map((e) => e.rectificationId)).toEqual(['R2']);
    expect(q.summary()).toEqual({ byStatus: { reopened: 1, open: 1 }, rebounds: 1, total: 2 });
  });

  it('TKT-05 applicant progress: status, steps and the deadline in force, without personal data', () => {
    const log = createLog();
    receiveTicket(log, 'A', '2026-11-02T09:00:00+08:00');
    accept(log, 'A', '2026-11-02T09:30:00+08:00', '2026-11-09');
    const q = applicantProgressProjection.queries(
      foldProjection(applicantProgressProjection, log.events),
    );
    const p = q.progress('A');
    expect(p).toMatchObject({
      ticketId: 'A',
      status: 'underReview',
      steps: [
        { step: 'TicketReceived', at: '2026-11-02T09:00:00+08:00' },
        { step: 'TicketAccepted', at: '2026-11-02T09:30:00+08:00' },
      ],
      currentDeadline: { kind: 'review', dueDate: '2026-11-09' },
    });
    expect(JSON.stringify(p)).not.toContain('张三');
    expect(q.progress('nope')).toBeUndefined();
  });

  it('STF-05 staff performance: services, time, satisfaction, verified complaints, training', () => {
    const log = createLog();
    completeTicket(log, 'a', '2026-11-03T10:00:00+08:00', true, { staffId: 's1' });
    completeTicket(log, 'b', '2026-11-04T10:00:00+08:00', false, { staffId: 's1' });
    rateTicket(log, 'a', '2026-11-05T10:00:00+08:00', 5, { staffId: 's1' });
    rateTicket(log, 'b', '2026-11-05T11:00:00+08:00', 2, { staffId: 's1' });
    log.staff(
      's1',
      'StaffRegistered',
      { staffId: 's1', name: '甲', role: 'window-staff', unit: 'centre-01' },
      '2026-01-01T08:00:00+08:00',
    );
    log.staff(
      's1',
      'VerifiedComplaintRecorded',
      { complaintId: 'C1', verifiedAt: '2026-11-06T10:00:00+08:00', verifiedOn: '2026-11-06' },
      '2026-11-06T10:00:00+08:00',
    );
    log.staff(
      's1',
      'TrainingRecorded',
      {
        trainingId: 'TR1',
        topic: '礼仪',
        trainedOn: '2026-11-07',
        nextTrainingDueOn: '2027-05-07',
      },
      '2026-11-07T10:00:00+08:00',
    );
    log.staff(
      's1',
      'PerformanceRecorded',
      {
        recordId: 'P1',
        period: { from: '2026-07-01', to: '2026-12-31' },
        role: 'window-staff',
        unit: 'centre-01',
        rating: 'good',
        usedFor: ['bonus'],
      },
      '2026-12-31T10:00:00+08:00',
    );
    const p = createStaffPerformanceProjection();
    const perf = p.queries(foldProjection(p, log.events)).performance('s1', '2026-11');
    // 2 completed (1 on time); ratings 5 and 2 → 1 good of 2 = 0.5, mean level 3.5.
    expect(perf).toMatchObject({
      servicesCompleted: 2,
      completedOnTime: 1,
      ratings: 2,
      goodRatings: 1,
      satisfactionRate: 0.5,
      meanRatingLevel: 3.5,
      verifiedComplaints: 1,
      trainings: 1,
      meanFirstResponseMinutes: null,
      recordedReviews: [
        { from: '2026-07-01', to: '2026-12-31', rating: 'good', usedFor: ['bonus'] },
      ],
    });
    expect(p.queries(foldProjection(p, log.events)).performance('s1', '2026-10')).toMatchObject({
      servicesCompleted: 0,
      satisfactionRate: null,
    });
  });
});
