import { createSatisfactionProjection, foldProjection } from '@civic-ledger/projections';
import { describe, expect, it } from 'vitest';
import { acceptRectification, deadline, rateTicket } from './support/fixtures.js';
import { createLog, type Log } from './support/log.js';

const build = (log: Log) => {
  const p = createSatisfactionProjection();
  return p.queries(foldProjection(p, log.events));
};

const history = () => {
  const log = createLog();
  // Five ratings in November 2026 across two service types, two windows, two staff.
  rateTicket(log, 't1', '2026-11-02T10:00:00+08:00', 5, {
    serviceType: 'elderly-subsidy',
    windowId: 'W1',
    staffId: 's1',
    dimensions: { attitude: 5, efficiency: 4 },
  });
  rateTicket(log, 't2', '2026-11-03T10:00:00+08:00', 4, {
    serviceType: 'elderly-subsidy',
    windowId: 'W1',
    staffId: 's1',
    dimensions: { attitude: 3 },
  });
  rateTicket(log, 't3', '2026-11-04T10:00:00+08:00', 3, {
    serviceType: 'medical-aid',
    windowId: 'W2',
    staffId: 's2',
  });
  rateTicket(log, 't4', '2026-11-05T10:00:00+08:00', 2, {
    serviceType: 'medical-aid',
    windowId: 'W2',
    staffId: 's2',
    dimensions: { attitude: 1 },
  });
  rateTicket(log, 't5', '2026-11-06T10:00:00+08:00', 1, {
    serviceType: 'medical-aid',
    windowId: 'W2',
    staffId: 's2',
  });
  rateTicket(log, 't6', '2026-10-06T10:00:00+08:00', 1, {
    serviceType: 'medical-aid',
    windowId: 'W2',
    staffId: 's2',
  });
  // t4's bad rating was verified as founded and rectified on time; t5's is not verified yet.
  log.rectification(
    'RB-t4',
    'RectificationOpened',
    {
      rectificationId: 'RB-t4',
      source: { kind: 'bad-rating', id: 't4', streamId: 'ticket-t4' },
      responsibleUnitId: 'centre-01',
      issue: '窗口态度',
      deadline: deadline('2026-11-26', 15),
      verificationRequired: true,
      openedAt: '2026-11-05T11:00:00+08:00',
    },
    '2026-11-05T11:00:00+08:00',
  );
  log.rectification(
    'RB-t4',
    'RectificationSourceVerified',
    {
      rectificationId: 'RB-t4',
      source: { kind: 'bad-rating', id: 't4' },
      responsibleUnitId: 'centre-01',
      founded: true,
      note: '属实',
      verifiedAt: '2026-11-06T09:00:00+08:00',
      verifiedBy: 'sup',
    },
    '2026-11-06T09:00:00+08:00',
  );
  acceptRectification(log, 'RB-t4', '2026-11-20T09:00:00+08:00', '2026-11-26', 0, 'centre-01');
  log.ticket(
    't4',
    'ReturnVisitMade',
    {
      ticketId: 't4',
      at: '2026-11-07T09:00:00+08:00',
      method: 'phone',
      resolved: true,
      summary: '已致歉',
      staffId: 's9',
      afterBadRating: true,
    },
    '2026-11-07T09:00:00+08:00',
  );
  return log;
};

describe('satisfaction read model (SAT-01 … SAT-05)', () => {
  it('SAT-01 level distribution and good rate (levels 3–5 good) for a period', () => {
    const d = build(history()).distribution('2026-11');
    // Levels 5, 4, 3, 2, 1 once each: good = 3 (levels 3–5), bad = 2 → 3 / 5 = 60 %.
    expect(d.levels).toEqual({ 1: 1, 2: 1, 3: 1, 4: 1, 5: 1 });
    expect(d).toMatchObject({
      total: 5,
      good: 3,
      bad: 2,
      goodRate: { numerator: 3, denominator: 5, value: 0.6, breach: true },
    });
  });

  it('SAT-01 per service type, window and staff member', () => {
    const q = build(history());
    expect(
      q
        .breakdown('2026-11', 'serviceType')
        .map((b) => [b.id, b.distribution.good, b.distribution.total]),
    ).toEqual([
      ['elderly-subsidy', 2, 2],
      ['medical-aid', 1, 3],
    ]);
    expect(q.distribution('2026-11', { by: 'window', id: 'W2' }).goodRate.value).toBeCloseTo(1 / 3);
    expect(q.distribution('2026-11', { by: 'staff', id: 's1' }).goodRate.value).toBe(1);
    // A cut with no ratings is no data, not 0 % or 100 %.
    expect(q.distribution('2026-11', { by: 'window', id: 'W9' }).goodRate).toMatchObject({
      value: null,
      status: 'no-data',
    });
  });

  it('SAT-02 dimension averages over the ratings that scored each dimension', () => {
    const d = build(history()).distribution('2026-11');
    // attitude: (5 + 3 + 1) / 3 = 3; efficiency: 4 / 1; content and environment: none.
    expect(d.dimensions).toEqual({
      attitude: { mean: 3, count: 3 },
      efficiency: { mean: 4, count: 1 },
      content: { mean: null, count: 0 },
      environment: { mean: null, count: 0 },
    });
  });

  it('SAT-02 bad ratings listed with verification, rectification and return-visit status', () => {
    expect(build(history()).badRatings('2026-11')).toEqual([
      {
        ticketId: 't4',
        on: '2026-11-05',
        level: 2,
        staffId: 's2',
        centreId: 'centre-01',
        verification: 'founded',
        rectification: { rectificationId: 'RB-t4', status: 'accepted', reboundCount: 0 },
        returnVisited: true,
      },
      {
        ticketId: 't5',
        on: '2026-11-06',
        level: 1,
        staffId: 's2',
        centreId: 'centre-01',
        verification: 'required',
        returnVisited: false,
      },
    ]);
  });

  it('SAT-03 survey response rate and survey satisfaction per survey', () => {
    const log = history();
    log.survey(
      'S1',
      'SurveyClosed',
      {
        surveyId: 'S1',
        period: '2026-Q4',
        unitId: 'centre-01',
        questionnairesIssued: 200,
        responses: 170,
        responseRate: 0.85,
        responseRateTarget: 0.9,
        responseRateMet: false,
        strata: [],
        satisfaction: {
          answers: 1000,
          good: 880,
          rate: 0.88,
          goodFromLevel: 3,
          target: 0.85,
          targetKind: 'city',
          targetMet: true,
        },
        closedAt: '2026-11-28T10:00:00+08:00',
      },
      '2026-11-28T10:00:00+08:00',
    );
    // 170 / 200 = 0.85 < 0.90 → breach; 880 / 1000 = 0.88 ≥ 0.85 (city) → met.
    expect(build(log).surveys('2026-Q4')).toEqual([
      expect.objectContaining({
        surveyId: 'S1',
        quarter: '2026-Q4',
        responseRate: expect.objectContaining({
          numerator: 170,
          denominator: 200,
          value: 0.85,
          breach: true,
        }),
        satisfaction: expect.objectContaining({
          numerator: 880,
          denominator: 1000,
          value: 0.88,
          breach: false,
        }),
        published: false,
      }),
    ]);
  });

  it('SAT-05 publication figures: satisfaction, complaint handling, rectification status; no data is left out', () => {
    const log = history();
    log.complaint(
      'C1',
      'ComplaintReceived',
      {
        complaintId: 'C1',
        channel: 'online',
        form: 'electronic',
        complainant: { anonymous: true },
        respondent: { kind: 'window', id: 'W2' },
        content: '排队太久',
        demands: ['改进'],
        unitId: 'centre-01',
        confidential: false,
        firstResponsibleId: 's9',
        receivedAt: '2026-11-10T09:00:00+08:00',
        answerDeadline: deadline('2026-11-13', 3),
      },
      '2026-11-10T09:00:00+08:00',
    );
    log.complaint(
      'C2',
      'ComplaintReceived',
      {
        complaintId: 'C2',
        channel: 'phone',
        form: 'electronic',
        complainant: { anonymous: true },
        respondent: { kind: 'staff', id: 's2' },
        content: '态度差',
        demands: ['道歉'],
        unitId: 'centre-01',
        confidential: false,
        firstResponsibleId: 's9',
        receivedAt: '2026-11-11T09:00:00+08:00',
        answerDeadline: deadline('2026-11-14', 3),
      },
      '2026-11-11T09:00:00+08:00',
    );
    log.complaint(
      'C1',
      'ComplaintAnswered',
      {
        complaintId: 'C1',
        reply: '已增开窗口',
        via: 'online',
        answeredAt: '2026-11-12T09:00:00+08:00',
        receivedAt: '2026-11-10T09:00:00+08:00',
        dueAt: '2026-11-13T23:59:59+08:00',
        onTime: true,
        workdaysTaken: 2,
        unitId: 'centre-01',
        verified: true,
      },
      '2026-11-12T09:00:00+08:00',
    );
    // satisfaction 3 / 5; complaints: 2 received, 1 answered → handling 1 / 2, on time 1 / 1;
    // rectifications: RB-t4 accepted 11-20 on time (due 11-26) → 0 open at 11-30, 1 accepted, 1 / 1.
    // No survey closed in November → surveyResponseRate is left out.
    expect(build(log).publication('2026-11')).toEqual({
      satisfactionRate: 0.6,
      complaintsReceived: 2,
      complaintHandlingRate: 0.5,
      complaintOnTimeRate: 1,
      rectificationsOpen: 0,
      rectificationsAccepted: 1,
      rectificationOnTimeRate: 1,
    });
    // At the end of 2026-11-10 the rectification was still open (accepted on the 20th).
    expect(build(log).publication('2026-11-10')).toMatchObject({ rectificationsOpen: 1 });
  });
});
