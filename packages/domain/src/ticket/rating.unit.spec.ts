import { describe, expect, it } from 'vitest';
import { personalDataKind } from '../kernel/schemas.js';
import { definePolicy } from '../policy/define-policy.js';
import { given } from '../testing/index.js';
import type { TicketCommand } from './commands.js';
import { ticketDecider } from './decider.js';
import type { TicketEvent } from './events.js';
import { TicketEventSchemas } from './events.js';
import { cmd, ctxAt, errorOf, eventsOf, historyTo, windowStaff } from './fixtures.spec-support.js';
import { ticketRatingLevelLabels } from './vocabulary.js';

// Completed Monday 2026-11-02 14:00 (Shanghai) by unit-07 after dispatch.
const completed = historyTo('completed');
const completedAt = completed.events.at(-1)!.data.at;

const then = (
  events: readonly TicketEvent[],
  command: TicketCommand,
  at = completed.next,
  policy?: ReturnType<typeof definePolicy>,
) => given(ticketDecider, events).when(command, { ...ctxAt(at), ...(policy ? { policy } : {}) });

const rate = (level: number, extra: Record<string, unknown> = {}) =>
  cmd('RateTicket', { level, channel: 'window-evaluator', ...extra });

describe('好差评 evaluation (SAT-01, SAT-02)', () => {
  it.each([
    [5, true, false],
    [4, true, false],
    [3, true, false],
    [2, false, true],
    [1, false, true],
  ])(
    'SAT-01 given a completed ticket, when rated %i, then good=%s and bad=%s by the default policy',
    (level, good, bad) => {
      const [event] = eventsOf(then(completed.events, rate(level)));
      expect(event).toMatchObject({
        type: 'TicketRated',
        data: {
          level,
          good,
          bad,
          verificationRequired: bad,
          source: 'applicant',
          channel: 'window-evaluator',
        },
      });
    },
  );

  it('SAT-01 the five levels have their standard names', () => {
    expect(ticketRatingLevelLabels[5].zh).toBe('非常满意');
    expect(ticketRatingLevelLabels[3].zh).toBe('基本满意');
    expect(ticketRatingLevelLabels[1].zh).toBe('非常不满意');
  });

  it.each([0, 6, 2.5, '5'])('SAT-01 a level of %j is not one of the five levels', (level) => {
    expect(errorOf(then(completed.events, rate(level as number)))).toMatchObject({
      kind: 'validation',
      requirement: 'SAT-01',
      path: ['level'],
    });
  });

  it('SAT-01 good and bad follow the policy: with good from 4, a 3 is neither', () => {
    const policy = definePolicy({ satisfaction: { goodFromLevel: 4, badUpToLevel: 2 } });
    const [event] = eventsOf(then(completed.events, rate(3), completed.next, policy));
    expect(event?.data).toMatchObject({ good: false, bad: false });
  });

  it('SAT-02 an evaluation may score content, attitude, efficiency and environment, with a comment', () => {
    const dimensions = { content: 5, attitude: 4, efficiency: 3, environment: 5 };
    const [event] = eventsOf(then(completed.events, rate(4, { dimensions, comment: '办事快' })));
    expect(event?.data).toMatchObject({ dimensions, comment: '办事快' });
    expect(personalDataKind(TicketEventSchemas.TicketRated.shape.comment.unwrap())).toBe(
      'free-text',
    );
    expect(errorOf(then(completed.events, rate(4, { dimensions: { attitude: 9 } })))).toMatchObject(
      {
        kind: 'validation',
        path: ['dimensions', 'attitude'],
      },
    );
  });

  it('SAT-02 K-09 the rating carries the facts the reports need', () => {
    const [event] = eventsOf(then(completed.events, rate(5)));
    expect(event?.data).toMatchObject({
      serviceType: 'residence-certificate',
      centreId: 'centre-01',
      communityId: 'community-03',
      windowId: 'window-02',
      unitId: 'unit-07',
      firstResponsibleStaffId: windowStaff.id,
      completedAt,
    });
  });

  it('SAT-02 one evaluation per ticket: a second one is rejected', () => {
    const first = eventsOf(then(completed.events, rate(5)));
    expect(errorOf(then([...completed.events, ...first], rate(1)))).toMatchObject({
      kind: 'rule',
      code: 'TICKET_ALREADY_RATED',
      requirement: 'SAT-02',
    });
  });

  it('SAT-02 a ticket that is not completed cannot be rated', () => {
    const inProgress = historyTo('inProgress');
    expect(
      errorOf(given(ticketDecider, inProgress.events).when(rate(5), ctxAt(inProgress.next))),
    ).toMatchObject({
      kind: 'transition',
      from: 'inProgress',
      attempted: 'RateTicket',
    });
  });

  it('SAT-02 a bad rating marks the ticket for verification and a return visit before closure', () => {
    const bad = eventsOf(then(completed.events, rate(1, { comment: '态度差' })));
    const marked = given(ticketDecider, [...completed.events, ...bad]).state;
    expect(marked.verificationRequired).toBe(true);
    expect(marked.returnVisitDue).toBe(true);
    const visit = eventsOf(
      then(
        [...completed.events, ...bad],
        cmd('MakeReturnVisit', { method: 'phone', resolved: true, summary: '已致歉并解释' }),
      ),
    );
    expect(visit[0]?.data).toMatchObject({ afterBadRating: true });
    const events = [...completed.events, ...bad, ...visit];
    expect(eventsOf(then(events, cmd('CloseTicket', { summary: '已核实' })))[0]?.type).toBe(
      'TicketClosed',
    );
  });

  it('SAT-02 a bad rating after closure calls for a return visit before archiving', () => {
    const closed = historyTo('closed');
    const bad = eventsOf(given(ticketDecider, closed.events).when(rate(2), ctxAt(closed.next)));
    const events = [...closed.events, ...bad];
    expect(
      errorOf(then(events, cmd('ArchiveTicket', { retentionClass: 'short' }), closed.next)),
    ).toMatchObject({
      code: 'TICKET_RETURN_VISIT_DUE',
      requirement: 'SAT-02',
    });
    const visit = eventsOf(
      then(
        events,
        cmd('MakeReturnVisit', { method: 'phone', resolved: true, summary: '已核实' }),
        closed.next,
      ),
    );
    expect(given(ticketDecider, [...events, ...visit]).state.status).toBe('closed');
    expect(
      eventsOf(
        then([...events, ...visit], cmd('ArchiveTicket', { retentionClass: 'short' }), closed.next),
      )[0]?.type,
    ).toBe('TicketArchived');
  });

  it('TKT-08 SAT-02 an unsatisfied rating grounds one reopening (重办), not two', () => {
    const bad = eventsOf(then(completed.events, rate(1)));
    const reopen = cmd('ReopenTicket', { ground: 'unsatisfied-rating', reason: '差评重办' });
    const reopened = eventsOf(then([...completed.events, ...bad], reopen));
    expect(reopened[0]?.type).toBe('TicketReopened');
    const again = [
      ...completed.events,
      ...bad,
      ...reopened,
      ...eventsOf(
        then(
          [...completed.events, ...bad, ...reopened],
          cmd('CompleteTicket', { result: '重办完成' }),
        ),
      ),
    ];
    expect(errorOf(then(again, reopen))).toMatchObject({ code: 'TICKET_NO_GROUND_TO_REOPEN' });
  });
});

describe('default rating (SAT-02)', () => {
  const withDefault = definePolicy({
    satisfaction: { defaultRating: { level: 4, afterDays: 15 } },
  });

  it('SAT-02 is refused when the policy has no default rating (the default)', () => {
    expect(
      errorOf(then(completed.events, cmd('ApplyDefaultRating'), '2026-12-31T09:00:00+08:00')),
    ).toMatchObject({
      code: 'TICKET_NO_DEFAULT_RATING',
      requirement: 'SAT-02',
    });
  });

  it('SAT-02 is refused before the policy’s days have passed since completion', () => {
    expect(
      errorOf(
        then(completed.events, cmd('ApplyDefaultRating'), '2026-11-17T13:59:00+08:00', withDefault),
      ),
    ).toMatchObject({ code: 'TICKET_DEFAULT_RATING_TOO_EARLY' });
  });

  it('SAT-02 given no evaluation for 15 days, when applied, then the policy level is recorded as a default', () => {
    const [event] = eventsOf(
      then(completed.events, cmd('ApplyDefaultRating'), '2026-11-17T14:00:00+08:00', withDefault),
    );
    expect(event?.data).toMatchObject({
      level: 4,
      good: true,
      bad: false,
      source: 'policy-default',
      channel: 'system',
    });
  });

  it('SAT-02 is refused once the applicant has rated', () => {
    const rated = eventsOf(then(completed.events, rate(5)));
    expect(
      errorOf(
        then(
          [...completed.events, ...rated],
          cmd('ApplyDefaultRating'),
          '2026-12-31T09:00:00+08:00',
          withDefault,
        ),
      ),
    ).toMatchObject({ code: 'TICKET_ALREADY_RATED' });
  });

  it('SAT-01 the applicant cannot claim the system channel reserved for default ratings', () => {
    expect(errorOf(then(completed.events, rate(5, { channel: 'system' })))).toMatchObject({
      kind: 'validation',
      path: ['channel'],
    });
  });
});
