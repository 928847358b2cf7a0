import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../calendar/create-work-calendar.js';
import { definePolicy } from '../policy/define-policy.js';
import { given } from '../testing/index.js';
import { ticketDecider } from './decider.js';
import type { TicketEvent } from './events.js';
import { centreHead, cmd, ctxAt, errorOf, eventsOf, receive } from './fixtures.spec-support.js';

const receivedAt = '2026-09-30T09:00:00+08:00';
const acceptedAt = '2026-09-30T10:00:00+08:00';

/** A ticket received and accepted on the eve of the 2026 National Day holiday. */
const accepted = (
  serviceType = 'residence-certificate',
  at = acceptedAt,
): readonly TicketEvent[] => {
  const materials =
    serviceType === 'medical-aid'
      ? [
          { kind: 'id-card', documentRef: 'd1' },
          { kind: 'medical-bills', documentRef: 'd2' },
        ]
      : undefined;
  // Received an hour before the default acceptance, or at the acceptance itself when later.
  const received = eventsOf(
    given(ticketDecider).when(
      receive({ serviceType, ...(materials ? { materials } : {}) }),
      ctxAt(receivedAt < at ? receivedAt : at),
    ),
  );
  return [
    ...received,
    ...eventsOf(given(ticketDecider, received).when(cmd('AcceptTicket'), ctxAt(at))),
  ];
};

const then = (events: readonly TicketEvent[], command: ReturnType<typeof cmd>, ctx = ctxAt()) =>
  given(ticketDecider, events).when(command, ctx);

const supplement = cmd('RequestSupplement', {
  kind: 'materials',
  items: ['household-register'],
  note: '补交户口簿',
});

describe('review time limits in working days (TKT-03, X-03, X-04)', () => {
  it('TKT-03 X-03 given acceptance on 2026-09-30, the 5-day review deadline skips National Day and counts Saturday 10-10', () => {
    const event = accepted().at(-1);
    expect(event?.type).toBe('TicketAccepted');
    expect(event?.data).toMatchObject({
      at: acceptedAt,
      reviewDeadline: {
        dueDate: '2026-10-13',
        dueAt: '2026-10-13T16:00:00.000Z',
        workdays: 5,
        provisional: false,
        calendar: 'CN',
      },
      // The service type's own limit (10 working days) starts at the same time.
      completionDeadline: { dueDate: '2026-10-20', workdays: 10, provisional: false },
    });
  });

  it('TKT-03 X-03 the make-up Sunday 2026-09-20 counts as a working day', () => {
    const event = accepted('residence-certificate', '2026-09-18T10:00:00+08:00').at(-1);
    expect(event?.data).toMatchObject({
      reviewDeadline: { dueDate: '2026-09-24', provisional: false },
    });
  });

  it('TKT-03 the final-approval limit of a 30-day service type runs across the holiday to 2026-11-17', () => {
    expect(accepted('medical-aid').at(-1)?.data).toMatchObject({
      completionDeadline: { dueDate: '2026-11-17', workdays: 30 },
    });
  });

  it('X-04 a deadline beyond the calendar’s holiday data is marked provisional', () => {
    const late = accepted('residence-certificate', '2026-12-28T09:00:00+08:00').at(-1);
    expect(late?.data).toMatchObject({
      reviewDeadline: { dueDate: '2027-01-04', provisional: true },
    });
    const outside = accepted('residence-certificate', '2027-03-01T09:00:00+08:00').at(-1);
    expect(outside?.data).toMatchObject({
      reviewDeadline: { dueDate: '2027-03-08', provisional: true },
    });
  });

  it('TKT-03 the review limit comes from the policy, not the code', () => {
    const policy = definePolicy({ ticket: { initialReviewWorkdays: 3 } });
    const received = eventsOf(given(ticketDecider).when(receive(), ctxAt(receivedAt)));
    const [event] = eventsOf(
      given(ticketDecider, received).when(cmd('AcceptTicket'), { ...ctxAt(acceptedAt), policy }),
    );
    expect(event?.data).toMatchObject({ reviewDeadline: { dueDate: '2026-10-10', workdays: 3 } });
  });

  it('TKT-03 a request for supplementary materials extends the review to 10 working days from acceptance', () => {
    const [event] = eventsOf(then(accepted(), supplement, ctxAt('2026-10-08T10:00:00+08:00')));
    expect(event).toMatchObject({
      type: 'SupplementRequested',
      data: {
        kind: 'materials',
        items: ['household-register'],
        extended: true,
        reviewDeadline: { dueDate: '2026-10-20', workdays: 10, provisional: false },
      },
    });
  });

  it('TKT-03 an investigation extends the review too, while the ticket stays under review', () => {
    const events = accepted();
    const investigation = eventsOf(
      then(
        events,
        cmd('RequestSupplement', { kind: 'investigation', note: '入户核查' }),
        ctxAt('2026-10-08T10:00:00+08:00'),
      ),
    );
    expect(investigation[0]?.data).toMatchObject({
      items: [],
      reviewDeadline: { dueDate: '2026-10-20' },
    });
    expect(given(ticketDecider, [...events, ...investigation]).state.status).toBe('underReview');
  });

  it('TKT-03 a second supplement request does not extend the review again', () => {
    const first = eventsOf(then(accepted(), supplement, ctxAt('2026-10-08T10:00:00+08:00')));
    const provided = eventsOf(
      then(
        [...accepted(), ...first],
        cmd('ProvideSupplement', {
          materials: [{ kind: 'household-register', documentRef: 'd9' }],
        }),
        ctxAt('2026-10-09T10:00:00+08:00'),
      ),
    );
    const [second] = eventsOf(
      then([...accepted(), ...first, ...provided], supplement, ctxAt('2026-10-10T10:00:00+08:00')),
    );
    expect(second?.data).toMatchObject({
      extended: false,
      reviewDeadline: { dueDate: '2026-10-20' },
    });
  });

  it('TKT-03 a further extension is refused to anyone but the centre head', () => {
    const events = [
      ...accepted(),
      ...eventsOf(then(accepted(), supplement, ctxAt('2026-10-08T10:00:00+08:00'))),
    ];
    const error = errorOf(
      then(
        events,
        cmd('ExtendReview', { workdays: 5, reason: '需联合调查' }),
        ctxAt('2026-10-12T10:00:00+08:00'),
      ),
    );
    expect(error).toMatchObject({
      kind: 'forbidden',
      code: 'TICKET_REVIEW_EXTENSION_NEEDS_APPROVER',
      requirement: 'TKT-03',
      actorId: 'staff-001',
    });
  });

  it('TKT-03 given an extended review, when the centre head extends by 5, then 15 working days from acceptance, reason recorded', () => {
    const events = [
      ...accepted(),
      ...eventsOf(then(accepted(), supplement, ctxAt('2026-10-08T10:00:00+08:00'))),
    ];
    const [event] = eventsOf(
      then(
        events,
        cmd('ExtendReview', { workdays: 5, reason: '需联合调查' }),
        ctxAt('2026-10-12T10:00:00+08:00', centreHead),
      ),
    );
    expect(event).toMatchObject({
      type: 'ReviewExtended',
      data: {
        workdays: 5,
        reason: '需联合调查',
        approverId: 'head-001',
        approverRole: 'centre-head',
        previousDeadline: { dueDate: '2026-10-20' },
        reviewDeadline: { dueDate: '2026-10-27', workdays: 15 },
      },
    });
  });

  it('TKT-03 the approver role comes from the policy', () => {
    const events = [
      ...accepted(),
      ...eventsOf(then(accepted(), supplement, ctxAt('2026-10-08T10:00:00+08:00'))),
    ];
    const policy = definePolicy({ ticket: { furtherExtensionApproverRole: 'street-director' } });
    const error = errorOf(
      then(events, cmd('ExtendReview', { workdays: 5, reason: 'x' }), {
        ...ctxAt('2026-10-12T10:00:00+08:00', centreHead),
        policy,
      }),
    );
    expect(error).toMatchObject({ kind: 'forbidden', requirement: 'TKT-03' });
  });

  it('TKT-03 a further extension before the review was extended for supplements is refused', () => {
    const error = errorOf(
      then(
        accepted(),
        cmd('ExtendReview', { workdays: 5, reason: 'x' }),
        ctxAt('2026-10-08T10:00:00+08:00', centreHead),
      ),
    );
    expect(error).toMatchObject({ code: 'TICKET_REVIEW_NOT_YET_EXTENDED', path: ['workdays'] });
  });

  it('TKT-03 K-06 a review on the last working day is within its limit; the next morning it is not', () => {
    const approve = cmd('ReviewTicket', { outcome: 'approve' });
    const [onTime] = eventsOf(then(accepted(), approve, ctxAt('2026-10-13T23:59:00+08:00')));
    expect(onTime?.data).toMatchObject({
      outcome: 'approve',
      withinLimit: true,
      reviewDeadline: { dueDate: '2026-10-13' },
      serviceType: 'residence-certificate',
      centreId: 'centre-01',
    });
    const [late] = eventsOf(then(accepted(), approve, ctxAt('2026-10-14T00:00:00+08:00')));
    expect(late?.data).toMatchObject({ withinLimit: false });
  });

  it('X-04 a stored deadline is not recomputed under a later calendar', () => {
    const noHolidays = createWorkCalendar({
      name: 'plain',
      holidays: [],
      workdays: [],
      coveredYears: [2026],
    });
    const [event] = eventsOf(
      then(accepted(), cmd('ReviewTicket', { outcome: 'approve' }), {
        ...ctxAt('2026-10-09T10:00:00+08:00'),
        calendar: noHolidays,
      }),
    );
    expect(event?.data).toMatchObject({
      reviewDeadline: { dueDate: '2026-10-13', calendar: 'CN' },
    });
  });
});

describe('review outcome (TKT-02, TKT-04, TKT-08)', () => {
  it('TKT-04 a rejection carries a documented reason code and free text', () => {
    const [event] = eventsOf(
      then(
        accepted(),
        cmd('ReviewTicket', {
          outcome: 'reject',
          reasonCode: 'materials-incomplete',
          reasonText: '缺少收入证明',
        }),
        ctxAt('2026-10-09T10:00:00+08:00'),
      ),
    );
    expect(event?.data).toMatchObject({
      outcome: 'reject',
      reasonCode: 'materials-incomplete',
      reasonText: '缺少收入证明',
    });
  });

  it('TKT-04 a rejection without its free text, or with an undocumented code, is rejected', () => {
    const noText = errorOf(
      then(
        accepted(),
        cmd('ReviewTicket', { outcome: 'reject', reasonCode: 'policy-not-met' }),
        ctxAt('2026-10-09T10:00:00+08:00'),
      ),
    );
    expect(noText).toMatchObject({
      kind: 'validation',
      requirement: 'TKT-04',
      path: ['reasonText'],
    });
    const badCode = errorOf(
      then(
        accepted(),
        cmd('ReviewTicket', { outcome: 'reject', reasonCode: 'dislike', reasonText: 'x' }),
        ctxAt('2026-10-09T10:00:00+08:00'),
      ),
    );
    expect(badCode).toMatchObject({ kind: 'validation', path: ['reasonCode'] });
  });

  it('TKT-02 approval is refused while required materials are missing, and allowed once supplied', () => {
    const received = eventsOf(
      given(ticketDecider).when(
        receive({
          serviceType: 'medical-aid',
          materials: [{ kind: 'id-card', documentRef: 'd1' }],
        }),
        ctxAt(receivedAt),
      ),
    );
    const acc = [
      ...received,
      ...eventsOf(given(ticketDecider, received).when(cmd('AcceptTicket'), ctxAt(acceptedAt))),
    ];
    const approve = cmd('ReviewTicket', { outcome: 'approve' });
    expect(errorOf(then(acc, approve, ctxAt('2026-10-08T09:00:00+08:00')))).toMatchObject({
      code: 'TICKET_MATERIALS_MISSING',
      requirement: 'TKT-02',
      path: ['outcome'],
    });
    const asked = eventsOf(
      then(
        acc,
        cmd('RequestSupplement', { kind: 'materials', note: '补交票据' }),
        ctxAt('2026-10-08T09:00:00+08:00'),
      ),
    );
    expect(asked[0]?.data).toMatchObject({ items: ['medical-bills'] });
    const supplied = eventsOf(
      then(
        [...acc, ...asked],
        cmd('ProvideSupplement', { materials: [{ kind: 'medical-bills', documentRef: 'd2' }] }),
        ctxAt('2026-10-09T09:00:00+08:00'),
      ),
    );
    expect(supplied[0]?.data).toMatchObject({ missingMaterials: [] });
    expect(
      eventsOf(
        then([...acc, ...asked, ...supplied], approve, ctxAt('2026-10-09T10:00:00+08:00')),
      )[0]?.type,
    ).toBe('TicketReviewed');
  });

  it('TKT-08 a joint review waits for every department before the outcome', () => {
    const events = [...accepted()];
    const start = eventsOf(
      then(
        events,
        cmd('StartJointReview', { departments: ['civil-affairs', 'health'] }),
        ctxAt('2026-10-08T09:00:00+08:00'),
      ),
    );
    const approve = cmd('ReviewTicket', { outcome: 'approve' });
    expect(
      errorOf(then([...events, ...start], approve, ctxAt('2026-10-08T10:00:00+08:00'))),
    ).toMatchObject({
      code: 'TICKET_JOINT_REVIEW_PENDING',
    });
    expect(
      errorOf(
        then(
          [...events, ...start],
          cmd('RecordJointReviewOpinion', { departmentId: 'police', opinion: 'agree' }),
          ctxAt('2026-10-08T10:00:00+08:00'),
        ),
      ),
    ).toMatchObject({ code: 'TICKET_NOT_A_PENDING_DEPARTMENT', path: ['departmentId'] });
    const first = eventsOf(
      then(
        [...events, ...start],
        cmd('RecordJointReviewOpinion', { departmentId: 'civil-affairs', opinion: 'agree' }),
        ctxAt('2026-10-08T10:00:00+08:00'),
      ),
    );
    expect(first[0]?.data).toMatchObject({ pendingDepartments: ['health'] });
    const second = eventsOf(
      then(
        [...events, ...start, ...first],
        cmd('RecordJointReviewOpinion', { departmentId: 'health', opinion: 'agree' }),
        ctxAt('2026-10-08T11:00:00+08:00'),
      ),
    );
    expect(
      eventsOf(
        then(
          [...events, ...start, ...first, ...second],
          approve,
          ctxAt('2026-10-08T12:00:00+08:00'),
        ),
      )[0]?.type,
    ).toBe('TicketReviewed');
  });

  it('TKT-08 a joint review needs at least two distinct departments', () => {
    expect(
      errorOf(
        then(
          accepted(),
          cmd('StartJointReview', { departments: ['health'] }),
          ctxAt('2026-10-08T09:00:00+08:00'),
        ),
      ),
    ).toMatchObject({
      kind: 'validation',
      path: ['departments'],
    });
    expect(
      errorOf(
        then(
          accepted(),
          cmd('StartJointReview', { departments: ['health', 'health'] }),
          ctxAt('2026-10-08T09:00:00+08:00'),
        ),
      ),
    ).toMatchObject({
      kind: 'validation',
      path: ['departments'],
    });
  });

  it('TKT-03 final approval records whether it met the service type’s limit', () => {
    const acc = accepted('medical-aid');
    const reviewed = eventsOf(
      then(acc, cmd('ReviewTicket', { outcome: 'approve' }), ctxAt('2026-10-09T10:00:00+08:00')),
    );
    const grant = cmd('GrantFinalApproval', { decisionRef: 'MA-2026-77' });
    const [onTime] = eventsOf(
      then([...acc, ...reviewed], grant, ctxAt('2026-11-17T18:00:00+08:00')),
    );
    expect(onTime?.data).toMatchObject({
      decisionRef: 'MA-2026-77',
      withinLimit: true,
      completionDeadline: { dueDate: '2026-11-17', workdays: 30 },
    });
    const [late] = eventsOf(then([...acc, ...reviewed], grant, ctxAt('2026-11-18T09:00:00+08:00')));
    expect(late?.data).toMatchObject({ withinLimit: false });
  });

  it('TKT-03 a service type that needs final approval is neither dispatched nor completed without it', () => {
    const acc = accepted('medical-aid');
    const reviewed = [
      ...acc,
      ...eventsOf(
        then(acc, cmd('ReviewTicket', { outcome: 'approve' }), ctxAt('2026-10-09T10:00:00+08:00')),
      ),
    ];
    const at = ctxAt('2026-10-09T11:00:00+08:00');
    expect(errorOf(then(reviewed, cmd('DispatchTicket', { unitId: 'unit-07' }), at))).toMatchObject(
      {
        code: 'TICKET_FINAL_APPROVAL_MISSING',
        requirement: 'TKT-03',
      },
    );
    expect(errorOf(then(reviewed, cmd('CompleteTicket', { result: '已发放' }), at))).toMatchObject({
      code: 'TICKET_FINAL_APPROVAL_MISSING',
    });
  });
});
