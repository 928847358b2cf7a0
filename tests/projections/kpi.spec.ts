import type { ComplaintEventData } from '@civic-ledger/domain';
import { createKpiProjection, foldProjection, type KpiOptions } from '@civic-ledger/projections';
import { describe, expect, it } from 'vitest';
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
} from './support/fixtures.js';
import { createLog, type Log } from './support/log.js';

const kpis = (log: Log, options: KpiOptions = {}) => {
  const projection = createKpiProjection(options);
  return projection.queries(foldProjection(projection, log.events));
};

const firstResponse = (log: Log, ticketId: string, receivedAt: string, minutes: number) =>
  log.ticket(
    ticketId,
    'FirstResponseRecorded',
    {
      ticketId,
      at: receivedAt,
      receivedAt,
      minutes,
      withinTarget: minutes <= 20,
      staffId: 'staff-001',
      channel: 'window',
      centreId: 'centre-01',
    },
    receivedAt,
  );

const complaintReceived = (log: Log, id: string, at: string, unitId = 'centre-01') => {
  const data: ComplaintEventData<'ComplaintReceived'> = {
    complaintId: id,
    channel: 'phone',
    form: 'electronic',
    complainant: { anonymous: true },
    respondent: { kind: 'staff', id: 'staff-001', unitId },
    content: '窗口态度差',
    demands: ['道歉'],
    unitId,
    confidential: false,
    firstResponsibleId: 'staff-009',
    receivedAt: at,
    answerDeadline: deadline('2026-11-06', 3),
  };
  return log.complaint(id, 'ComplaintReceived', data, at);
};

const complaintAnswered = (log: Log, id: string, at: string, onTime: boolean) =>
  log.complaint(
    id,
    'ComplaintAnswered',
    {
      complaintId: id,
      reply: '已核实并整改',
      via: 'phone',
      answeredAt: at,
      receivedAt: '2026-11-02T09:00:00+08:00',
      dueAt: '2026-11-05T23:59:59+08:00',
      onTime,
      workdaysTaken: onTime ? 2 : 5,
      unitId: 'centre-01',
      verified: true,
    },
    at,
  );

const surveyClosed = (
  log: Log,
  id: string,
  closedAt: string,
  period: string,
  issued: number,
  responses: number,
) =>
  log.survey(
    id,
    'SurveyClosed',
    {
      surveyId: id,
      period,
      unitId: 'centre-01',
      questionnairesIssued: issued,
      responses,
      responseRate: responses / issued,
      responseRateTarget: 0.9,
      responseRateMet: responses / issued >= 0.9,
      strata: [{ stratumId: 'all', sampleSize: issued, issued, responses }],
      satisfaction: {
        answers: 0,
        good: 0,
        rate: null,
        goodFromLevel: 3,
        target: 0.9,
        targetKind: 'city',
        targetMet: null,
      },
      closedAt,
    },
    closedAt,
  );

describe('KPI read model — requirements §9', () => {
  it('K-01 facility intact rate: active facilities whose latest condition is intact ÷ active, at period end', () => {
    const log = createLog();
    registerFacility(log, 'F1', '2026-01-05T09:00:00+08:00');
    inspect(log, 'F1', 'R1', '2026-03-10T09:00:00+08:00', 'intact');
    inspect(log, 'F1', 'R2', '2026-11-10T09:00:00+08:00', 'not-intact');
    registerFacility(log, 'F2', '2026-01-05T09:00:00+08:00');
    inspect(log, 'F2', 'R3', '2026-02-01T09:00:00+08:00', 'not-intact');
    inspect(log, 'F2', 'R4', '2026-03-20T09:00:00+08:00', 'intact');
    registerFacility(log, 'F3', '2026-01-05T09:00:00+08:00', {
      classKey: 'power',
      category: 'infrastructure',
    });
    registerFacility(log, 'F4', '2026-04-02T09:00:00+08:00');
    inspect(log, 'F4', 'R5', '2026-04-03T09:00:00+08:00', 'intact');
    registerFacility(log, 'F5', '2026-01-05T09:00:00+08:00');
    inspect(log, 'F5', 'R6', '2026-01-06T09:00:00+08:00', 'intact');
    log.facility(
      'F5',
      'FacilityDecommissioned',
      {
        reason: '拆除',
        effectiveDate: '2026-03-01',
        decommissionedAt: '2026-03-01T09:00:00+08:00',
        cancelledTaskIds: [],
        cancelledRepairOrderIds: [],
      },
      '2026-03-01T09:00:00+08:00',
    );
    const q = kpis(log);
    // 2026-Q1 ends 03-31. Active: F1, F2, F3 (F4 registered later, F5 decommissioned 03-01) = 3.
    // Intact then: F1 (03-10 intact), F2 (latest 03-20 intact); F3 never inspected → 2 / 3.
    expect(q.kpi('K-01', '2026-Q1')).toMatchObject({ numerator: 2, denominator: 3, breach: true });
    expect(q.kpi('K-01', '2026-Q1').value).toBeCloseTo(2 / 3);
    // 2026-02 ends 02-28. Active: F1, F2, F3, F5 = 4. Intact: only F5 (01-06) → 1 / 4.
    expect(q.kpi('K-01', '2026-02')).toMatchObject({ numerator: 1, denominator: 4, value: 0.25 });
    // Water supply only, Q1: F1, F2 → 2 / 2 = 100 % ≥ 98 %, no breach.
    expect(q.kpi('K-01', '2026-Q1', { kind: 'facility-class', id: 'water-supply' })).toMatchObject({
      numerator: 2,
      denominator: 2,
      value: 1,
      breach: false,
      status: 'ok',
    });
    // 2026-11: F1 now not intact; F2 intact; F3 unknown; F4 intact → 2 / 4.
    expect(q.kpi('K-01', '2026-11')).toMatchObject({ numerator: 2, denominator: 4, value: 0.5 });
    // Before any facility existed: no data, never 0 % or 100 %.
    expect(q.kpi('K-01', '2025')).toMatchObject({
      numerator: 0,
      denominator: 0,
      value: null,
      status: 'no-data',
      breach: null,
    });
  });

  it('K-02 PM compliance: tasks due in the period done by their due date ÷ tasks due (cancelled ones dropped)', () => {
    const log = createLog();
    registerFacility(log, 'F1', '2026-01-05T09:00:00+08:00');
    scheduleTask(log, 'F1', 'T1', '2026-03-15', '2026-01-05T09:00:00+08:00');
    scheduleTask(log, 'F1', 'T2', '2026-03-31', '2026-01-05T09:00:00+08:00');
    scheduleTask(log, 'F1', 'T3', '2026-03-20', '2026-01-05T09:00:00+08:00');
    scheduleTask(log, 'F1', 'T4', '2026-04-10', '2026-01-05T09:00:00+08:00');
    scheduleTask(log, 'F1', 'T5', '2026-03-25', '2026-01-05T09:00:00+08:00');
    completeTask(log, 'F1', 'T1', '2026-03-15', '2026-03-14');
    completeTask(log, 'F1', 'T2', '2026-03-31', '2026-04-02');
    log.facility(
      'F1',
      'MaintenancePlanItemRetired',
      {
        planItemId: 'P9',
        reason: '设备更换',
        cancelledTaskIds: ['T5'],
        retiredAt: '2026-03-01T09:00:00+08:00',
      },
      '2026-03-01T09:00:00+08:00',
    );
    // Q1 due: T1, T2, T3 (T4 is due in Q2, T5 was cancelled) = 3; on time: T1 only → 1 / 3.
    const v = kpis(log).kpi('K-02', '2026-Q1');
    expect(v).toMatchObject({
      numerator: 1,
      denominator: 3,
      breach: true,
      target: { comparison: 'at-least', value: 0.95 },
    });
  });

  it('K-02 keeps tasks of different facilities apart even when their task ids are equal', () => {
    const log = createLog();
    registerFacility(log, 'F1', '2026-01-05T09:00:00+08:00');
    registerFacility(log, 'F2', '2026-01-05T09:00:00+08:00');
    // Both facilities' plans number their tasks from the same plan-item id.
    scheduleTask(log, 'F1', 'P1:1', '2026-03-15', '2026-01-05T09:00:00+08:00');
    scheduleTask(log, 'F2', 'P1:1', '2026-03-15', '2026-01-05T09:00:00+08:00');
    completeTask(log, 'F1', 'P1:1', '2026-03-15', '2026-03-14');
    // Q1 due: F1/P1:1 and F2/P1:1 = 2; on time: F1's only → 1 / 2.
    expect(kpis(log).kpi('K-02', '2026-Q1')).toMatchObject({ numerator: 1, denominator: 2 });
  });

  it('K-03 first-response time: mean and p90 of minutes from receipt to first response (exact values)', () => {
    const log = createLog();
    receiveTicket(log, 't1', '2026-11-02T09:00:00+08:00');
    firstResponse(log, 't1', '2026-11-02T09:00:00+08:00', 10);
    receiveTicket(log, 't2', '2026-11-03T09:00:00+08:00');
    firstResponse(log, 't2', '2026-11-03T09:00:00+08:00', 15);
    receiveTicket(log, 't3', '2026-11-04T09:00:00+08:00');
    firstResponse(log, 't3', '2026-11-04T09:00:00+08:00', 40);
    // A second first response of t1 is not the first: ignored.
    firstResponse(log, 't1', '2026-11-02T09:00:00+08:00', 99);
    receiveTicket(log, 't4', '2026-12-01T09:00:00+08:00');
    firstResponse(log, 't4', '2026-12-01T09:00:00+08:00', 5);
    const v = kpis(log).kpi('K-03', '2026-11');
    // Σ = 10 + 15 + 40 = 65 over 3 tickets → mean 21.67 > 20 → breach; p90 = rank ⌈0.9·3⌉ = 3 → 40.
    expect(v).toMatchObject({
      numerator: 65,
      denominator: 3,
      p90: 40,
      breach: true,
      target: { comparison: 'at-most', value: 20 },
    });
    expect(v.value).toBeCloseTo(65 / 3);
    expect(kpis(log).kpi('K-03', '2026-12')).toMatchObject({
      numerator: 5,
      denominator: 1,
      value: 5,
      p90: 5,
      breach: false,
    });
  });

  it('K-04 window wait: mean minutes from queue number to call, per centre and per window', () => {
    const log = createLog();
    const call = (id: string, windowId: string, wait: number) =>
      log.ticket(
        id,
        'QueueNumberCalled',
        {
          ticketId: id,
          at: '2026-11-05T10:00:00+08:00',
          queueNumber: `A${id}`,
          windowId,
          centreId: 'centre-01',
          takenAt: '2026-11-05T09:00:00+08:00',
          waitMinutes: wait,
          withinTarget: wait <= 30,
          staffId: 'staff-001',
        },
        '2026-11-05T10:00:00+08:00',
      );
    call('q1', 'W1', 20);
    call('q2', 'W1', 30);
    call('q3', 'W2', 46);
    // All: (20 + 30 + 46) / 3 = 96 / 3 = 32 > 30 → breach.
    expect(kpis(log).kpi('K-04', '2026-11')).toMatchObject({
      numerator: 96,
      denominator: 3,
      value: 32,
      breach: true,
    });
    // Window W1: (20 + 30) / 2 = 25 ≤ 30.
    expect(kpis(log).kpi('K-04', '2026-11', { kind: 'window', id: 'W1' })).toMatchObject({
      numerator: 50,
      denominator: 2,
      value: 25,
      breach: false,
    });
  });

  it('K-05 on-time completion: completed within limit ÷ completed in period; no completions is no data', () => {
    const log = createLog();
    completeTicket(log, 'a', '2026-11-03T10:00:00+08:00', true);
    completeTicket(log, 'b', '2026-11-04T10:00:00+08:00', true);
    completeTicket(log, 'c', '2026-11-05T10:00:00+08:00', true);
    completeTicket(log, 'd', '2026-11-06T10:00:00+08:00', false);
    completeTicket(log, 'e', '2026-10-30T10:00:00+08:00', false);
    // November: 3 on time of 4 → 0.75 < 0.95 → breach.
    expect(kpis(log).kpi('K-05', '2026-11')).toMatchObject({
      numerator: 3,
      denominator: 4,
      value: 0.75,
      breach: true,
    });
    // 2026-09: nothing completed → no data, not 0 % or 100 %.
    expect(kpis(log).kpi('K-05', '2026-09')).toMatchObject({
      denominator: 0,
      value: null,
      status: 'no-data',
    });
  });

  it('K-05 a completion late on 31 Dec UTC belongs to 1 Jan in Asia/Shanghai', () => {
    const log = createLog();
    completeTicket(log, 'a', '2026-12-31T17:00:00Z', true); // = 2027-01-01 01:00 +08:00
    expect(kpis(log).kpi('K-05', '2026').denominator).toBe(0);
    expect(kpis(log).kpi('K-05', '2027-01-01').denominator).toBe(1);
  });

  it('K-06 review on-time rate: initial reviews done within the (extended) limit ÷ reviews done', () => {
    const log = createLog();
    const review = (id: string, at: string, withinLimit: boolean) =>
      log.ticket(
        id,
        'TicketReviewed',
        {
          ticketId: id,
          at,
          outcome: 'approve',
          reviewerId: 'staff-002',
          serviceType: 'elderly-subsidy',
          centreId: 'centre-01',
          reviewDeadline: deadline('2026-11-09', 5),
          withinLimit,
        },
        at,
      );
    review('a', '2026-11-05T10:00:00+08:00', true);
    review('b', '2026-11-06T10:00:00+08:00', true);
    review('c', '2026-12-20T10:00:00+08:00', false);
    // November: 2 / 2 = 100 % = target 100 % → no breach. December: 0 / 1 → breach.
    expect(kpis(log).kpi('K-06', '2026-11')).toMatchObject({
      numerator: 2,
      denominator: 2,
      value: 1,
      breach: false,
    });
    expect(kpis(log).kpi('K-06', '2026-12')).toMatchObject({
      numerator: 0,
      denominator: 1,
      value: 0,
      breach: true,
    });
  });

  it('K-07 complaint on-time rate and K-08 complaint rate', () => {
    const log = createLog();
    complaintReceived(log, 'C1', '2026-11-02T09:00:00+08:00');
    complaintReceived(log, 'C2', '2026-11-03T09:00:00+08:00');
    complaintAnswered(log, 'C1', '2026-11-04T09:00:00+08:00', true);
    complaintAnswered(log, 'C2', '2026-11-10T09:00:00+08:00', false);
    for (const [id, day] of [
      ['a', '03'],
      ['b', '04'],
      ['c', '05'],
      ['d', '06'],
    ] as const)
      completeTicket(log, id, `2026-11-${day}T10:00:00+08:00`, true);
    const q = kpis(log);
    // K-07: answered on time 1 of 2 answered → 0.5 < 1 → breach.
    expect(q.kpi('K-07', '2026-11')).toMatchObject({
      numerator: 1,
      denominator: 2,
      value: 0.5,
      breach: true,
    });
    // K-08: 2 complaints ÷ 4 tickets completed = 0.5; no target, so no breach flag.
    expect(q.kpi('K-08', '2026-11')).toMatchObject({
      numerator: 2,
      denominator: 4,
      value: 0.5,
      target: null,
      breach: null,
      status: 'no-target',
    });
    // K-08 against the staff member complained about: 2 complaints ÷ 4 tickets of staff-001.
    expect(q.kpi('K-08', '2026-11', { kind: 'staff', id: 'staff-001' })).toMatchObject({
      numerator: 2,
      denominator: 4,
    });
  });

  it('K-09 satisfaction: good ratings (levels 3–5) ÷ all ratings, facility or city target', () => {
    const log = createLog();
    const levels = [5, 4, 3, 2, 1] as const;
    levels.forEach((level, i) => {
      rateTicket(log, `r${i}`, `2026-11-1${i}T10:00:00+08:00`, level, {
        windowId: i < 3 ? 'W1' : 'W2',
      });
    });
    const q = kpis(log);
    // 3 good of 5 = 0.6 < 0.90 (facility) → breach; < 0.85 (city) → breach.
    expect(q.kpi('K-09', '2026-11')).toMatchObject({
      numerator: 3,
      denominator: 5,
      value: 0.6,
      breach: true,
      target: { value: 0.9 },
    });
    expect(q.kpi('K-09', '2026-11', undefined, { satisfactionTarget: 'city' })).toMatchObject({
      target: { value: 0.85 },
    });
    // Window W1 had levels 5, 4, 3 → 3 / 3.
    expect(q.kpi('K-09', '2026-11', { kind: 'window', id: 'W1' })).toMatchObject({
      numerator: 3,
      denominator: 3,
      breach: false,
    });
  });

  it('K-10 survey response rate (per survey and over the period) and K-11 quarterly survey held', () => {
    const log = createLog();
    surveyClosed(log, 'S1', '2026-03-20T10:00:00+08:00', '2026-Q1', 100, 95);
    surveyClosed(log, 'S2', '2026-09-20T10:00:00+08:00', '2026-Q3', 50, 40);
    const q = kpis(log);
    // K-10 over 2026: (95 + 40) / (100 + 50) = 135 / 150 = 0.9 ≥ 0.9 → no breach.
    expect(q.kpi('K-10', '2026')).toMatchObject({
      numerator: 135,
      denominator: 150,
      value: 0.9,
      breach: false,
    });
    // Per survey: S1 95 / 100 = 0.95 ok; S2 40 / 50 = 0.8 breach.
    expect(q.surveyResponseRates('2026').map((s) => [s.surveyId, s.value, s.breach])).toEqual([
      ['S1', 0.95, false],
      ['S2', 0.8, true],
    ]);
    // K-11 over 2026: quarters with ≥ 1 survey closed: Q1, Q3 → 2 of 4 → breach.
    expect(q.kpi('K-11', '2026')).toMatchObject({
      numerator: 2,
      denominator: 4,
      value: 0.5,
      breach: true,
    });
    // K-11 for Q1 alone: 1 of 1 → held.
    expect(q.kpi('K-11', '2026-Q1')).toMatchObject({ numerator: 1, denominator: 1, breach: false });
  });

  it('K-12 certified on post and K-13 training coverage, at period end', () => {
    const log = createLog();
    const staff = (id: string, put: string, off?: string) => {
      log.staff(
        id,
        'StaffRegistered',
        { staffId: id, name: `员工${id}`, role: 'window-staff', unit: 'centre-01' },
        `${put}T08:00:00+08:00`,
      );
      log.staff(
        id,
        'StaffPutOnPost',
        { date: put, role: 'window-staff', unit: 'centre-01' },
        `${put}T08:00:00+08:00`,
      );
      if (off)
        log.staff(
          id,
          'StaffTakenOffPost',
          { date: off, role: 'window-staff', unit: 'centre-01', reason: '调岗' },
          `${off}T08:00:00+08:00`,
        );
    };
    const cert = (id: string, validUntil: string) =>
      log.staff(
        id,
        'CertificateRecorded',
        { kind: 'service', number: `N-${id}`, validFrom: '2025-01-01', validUntil },
        '2026-01-01T08:00:00+08:00',
      );
    const train = (id: string, trainedOn: string, passed?: boolean) =>
      log.staff(
        id,
        'TrainingRecorded',
        {
          trainingId: `TR-${id}-${trainedOn}`,
          topic: '服务规范',
          trainedOn,
          nextTrainingDueOn: '2027-05-01',
          ...(passed === undefined ? {} : { passed }),
        },
        `${trainedOn}T08:00:00+08:00`,
      );
    staff('A', '2026-01-01');
    cert('A', '2026-12-31');
    train('A', '2026-06-01');
    staff('B', '2026-01-01');
    cert('B', '2026-06-30');
    train('B', '2026-05-30');
    staff('C', '2026-01-01');
    train('C', '2026-09-01', false);
    staff('D', '2026-01-01', '2026-10-01');
    cert('D', '2027-12-31');
    const q = kpis(log);
    // 2026-11 ends 11-30. On post: A, B, C (D left 10-01) = 3. Certified on 11-30: A only → 1 / 3.
    expect(q.kpi('K-12', '2026-11')).toMatchObject({ numerator: 1, denominator: 3, breach: true });
    // 2026-05 ends 05-31. On post: A, B, C, D = 4. Certified: A, B (until 06-30), D → 3 / 4.
    expect(q.kpi('K-12', '2026-05')).toMatchObject({ numerator: 3, denominator: 4 });
    // K-13 at 11-30 with a 6-month interval: trained after 05-30 and by 11-30.
    // A (06-01) yes; B (05-30) no; C failed its training → 1 / 3.
    expect(q.kpi('K-13', '2026-11')).toMatchObject({ numerator: 1, denominator: 3, breach: true });
    // Revoking A's certificate on 11-15 leaves nobody certified at 11-30: 0 / 3.
    log.staff(
      'A',
      'CertificateRevoked',
      { kind: 'service', number: 'N-A', revokedOn: '2026-11-15', reason: '违规' },
      '2026-11-15T08:00:00+08:00',
    );
    expect(kpis(log).kpi('K-12', '2026-11')).toMatchObject({
      numerator: 0,
      denominator: 3,
      value: 0,
    });
    // …but as of 2026-11-14 A still counted.
    expect(kpis(log).kpi('K-12', '2026-11-14')).toMatchObject({ numerator: 1, denominator: 3 });
  });

  it('K-14 rectification on-time rate: rounds accepted by their deadline ÷ rounds due (rebounds due again)', () => {
    const log = createLog();
    openRectification(log, 'R1', '2026-10-20T09:00:00+08:00', '2026-11-10');
    acceptRectification(log, 'R1', '2026-11-08T09:00:00+08:00', '2026-11-10');
    openRectification(log, 'R2', '2026-10-25T09:00:00+08:00', '2026-11-15');
    acceptRectification(log, 'R2', '2026-11-20T09:00:00+08:00', '2026-11-15');
    openRectification(log, 'R3', '2026-10-30T09:00:00+08:00', '2026-11-20');
    openRectification(log, 'R4', '2026-10-22T09:00:00+08:00', '2026-11-12');
    log.rectification(
      'R4',
      'RectificationSourceVerified',
      {
        rectificationId: 'R4',
        source: { kind: 'audit-finding', id: 'finding-R4' },
        responsibleUnitId: 'dept-roads',
        founded: false,
        note: '经核实不属实',
        verifiedAt: '2026-10-23T09:00:00+08:00',
        verifiedBy: 'supervisor-01',
      },
      '2026-10-23T09:00:00+08:00',
    );
    openRectification(log, 'R5', '2026-09-20T09:00:00+08:00', '2026-10-20');
    acceptRectification(log, 'R5', '2026-10-18T09:00:00+08:00', '2026-10-20');
    log.rectification(
      'R5',
      'RectificationReopened',
      {
        rectificationId: 'R5',
        source: { kind: 'audit-finding', id: 'finding-R5' },
        responsibleUnitId: 'dept-roads',
        reason: '问题反弹',
        reboundCount: 1,
        deadline: deadline('2026-11-25', 15),
        reopenedAt: '2026-11-02T09:00:00+08:00',
      },
      '2026-11-02T09:00:00+08:00',
    );
    const q = kpis(log);
    // November rounds due: R1, R2, R3 and R5's rebound (R4 dismissed as unfounded) = 4.
    // Accepted by the deadline: R1 only (R2 late, R3 and R5-round-2 open) → 1 / 4 → breach.
    expect(q.kpi('K-14', '2026-11')).toMatchObject({
      numerator: 1,
      denominator: 4,
      value: 0.25,
      breach: true,
    });
    // October: R5's first round, accepted 10-18 ≤ 10-20 → 1 / 1.
    expect(q.kpi('K-14', '2026-10')).toMatchObject({
      numerator: 1,
      denominator: 1,
      value: 1,
      breach: false,
    });
    expect(q.kpi('K-14', '2026-11', { kind: 'department', id: 'dept-roads' }).denominator).toBe(4);
  });

  it('K-14 with no rectification events at all: no data, and says the feeder is silent', () => {
    const v = kpis(createLog()).kpi('K-14', '2026-Q4');
    expect(v).toMatchObject({
      numerator: 0,
      denominator: 0,
      value: null,
      status: 'no-data',
      breach: null,
    });
    expect(v.note).toMatch(/not yet fed: no rectification events/);
  });

  it('K-15 repeat rate: tickets marked repeat ÷ tickets received', () => {
    const log = createLog();
    receiveTicket(log, 'a', '2026-11-02T09:00:00+08:00');
    receiveTicket(log, 'b', '2026-11-03T09:00:00+08:00', { nature: 'repeat' });
    receiveTicket(log, 'c', '2026-11-04T09:00:00+08:00', { nature: 'urgent' });
    receiveTicket(log, 'd', '2026-11-05T09:00:00+08:00');
    receiveTicket(log, 'e', '2026-12-05T09:00:00+08:00', { nature: 'repeat' });
    // November: 1 repeat of 4 received = 0.25; no target.
    expect(kpis(log).kpi('K-15', '2026-11')).toMatchObject({
      numerator: 1,
      denominator: 4,
      value: 0.25,
      target: null,
      status: 'no-target',
    });
  });

  it('K-16 service coverage: registered communities with ≥ 1 completed service ÷ communities registered', () => {
    const log = createLog();
    completeTicket(log, 'a', '2026-11-03T10:00:00+08:00', true, { communityId: 'A' });
    completeTicket(log, 'b', '2026-11-04T10:00:00+08:00', true, { communityId: 'A' });
    completeTicket(log, 'c', '2026-11-05T10:00:00+08:00', false, { communityId: 'B' });
    completeTicket(log, 'd', '2026-10-05T10:00:00+08:00', true, { communityId: 'C' });
    // November: A and B served, of A, B, C, D registered → 2 / 4 = 0.5 < 0.95 → breach.
    expect(kpis(log, { communities: ['A', 'B', 'C', 'D'] }).kpi('K-16', '2026-11')).toMatchObject({
      numerator: 2,
      denominator: 4,
      value: 0.5,
      breach: true,
    });
    // Without a community register there is no denominator: no data, with the reason.
    const none = kpis(log).kpi('K-16', '2026-11');
    expect(none).toMatchObject({ value: null, status: 'no-data' });
    expect(none.note).toMatch(/community register/);
  });

  it('K-01 … K-16 all report for a period, with targets from policy.kpi', () => {
    const all = kpis(createLog()).all('2026-Q4');
    expect(all.map((v) => v.id)).toEqual([
      'K-01',
      'K-02',
      'K-03',
      'K-04',
      'K-05',
      'K-06',
      'K-07',
      'K-08',
      'K-09',
      'K-10',
      'K-11',
      'K-12',
      'K-13',
      'K-14',
      'K-15',
      'K-16',
    ]);
    // With an empty log every rate is "no data" — except K-11, whose denominator is the
    // quarters of the period: no survey held in Q4 is 0 of 1, a breach.
    expect(
      all.filter((v) => v.id !== 'K-11').every((v) => v.value === null && v.status === 'no-data'),
    ).toBe(true);
    expect(all.find((v) => v.id === 'K-11')).toMatchObject({
      numerator: 0,
      denominator: 1,
      breach: true,
    });
  });
});
