import { describe, expect, it } from 'vitest';
import { given } from '../testing/index.js';
import { ticketDecider } from './decider.js';
import { historyTo, person, windowStaff } from './fixtures.spec-support.js';
import { ticketProgress } from './progress.js';
import { initialTicketState } from './state.js';

describe('applicant-facing progress (TKT-05)', () => {
  it('TKT-05 given no ticket, the progress says so', () => {
    expect(ticketProgress(initialTicketState)).toEqual({
      status: 'none',
      statusLabel: { zh: '无', en: 'none' },
      steps: [],
      rated: false,
    });
  });

  it('TKT-05 under review: status in zh/en, steps with times, the review deadline, who is responsible', () => {
    const progress = ticketProgress(given(ticketDecider, historyTo('underReview').events).state);
    expect(progress).toEqual({
      ticketId: 'T2026-0001',
      status: 'underReview',
      statusLabel: { zh: '审核中', en: 'under review' },
      serviceType: 'residence-certificate',
      steps: [
        {
          step: 'TicketReceived',
          label: { zh: '已登记', en: 'received' },
          at: '2026-11-02T01:00:00.000Z',
        },
        {
          step: 'TicketAccepted',
          label: { zh: '已受理', en: 'accepted' },
          at: '2026-11-02T02:00:00.000Z',
        },
      ],
      currentDeadline: {
        kind: 'review',
        dueDate: '2026-11-09',
        dueAt: '2026-11-09T16:00:00.000Z',
        provisional: false,
      },
      responsible: { firstResponsibleStaffId: windowStaff.id, centreId: 'centre-01' },
      rated: false,
    });
  });

  it('TKT-05 in progress: the completion deadline and the handling unit', () => {
    const progress = ticketProgress(given(ticketDecider, historyTo('inProgress').events).state);
    expect(progress.statusLabel).toEqual({ zh: '办理中', en: 'in progress' });
    expect(progress.currentDeadline).toMatchObject({ kind: 'completion', dueDate: '2026-11-16' });
    expect(progress.responsible).toEqual({
      firstResponsibleStaffId: windowStaff.id,
      centreId: 'centre-01',
      unitId: 'unit-07',
    });
    expect(progress.steps.map((s) => s.step)).toEqual([
      'TicketReceived',
      'TicketAccepted',
      'TicketReviewed',
      'TicketDispatched',
      'TicketSignedFor',
    ]);
  });

  it('TKT-05 X-06 closed: no deadline, and no personal data of the applicant anywhere', () => {
    const progress = ticketProgress(given(ticketDecider, historyTo('closed').events).state);
    expect(progress.status).toBe('closed');
    expect(progress.currentDeadline).toBeUndefined();
    const text = JSON.stringify(progress);
    for (const secret of [person.name, person.idNumber, person.phone])
      expect(text).not.toContain(secret);
  });

  it('TKT-05 a reopened ticket shows the step 重办 and its new deadline', () => {
    const progress = ticketProgress(given(ticketDecider, historyTo('reopened').events).state);
    expect(progress.statusLabel.zh).toBe('重办');
    expect(progress.steps.at(-1)?.label.zh).toBe('重办');
    expect(progress.currentDeadline?.kind).toBe('completion');
  });
});
