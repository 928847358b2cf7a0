import { describe, expect, it } from 'vitest';
import type { Actor } from '../kernel/envelope.js';
import { given, runSequence } from '../testing/index.js';
import type { TicketCommand } from './commands.js';
import type { TicketContext } from './context.js';
import { ticketDecider } from './decider.js';
import type { TicketEvent } from './events.js';
import {
  cmd,
  ctxAt,
  errorOf,
  eventsOf,
  historyTo,
  receive,
  unitStaff,
  windowStaff,
} from './fixtures.spec-support.js';

const then = (
  events: readonly TicketEvent[],
  command: TicketCommand,
  at: string,
  actor: Actor = windowStaff,
) => given(ticketDecider, events).when(command, ctxAt(at, actor));

/** Runs timed steps and returns their events; fails the test on any error. */
const script = (steps: readonly [TicketCommand, string, Actor?][]) => {
  const run = runSequence(
    ticketDecider,
    steps.map(([command, at, actor]) => ({
      command,
      ctx: ctxAt(at, actor ?? windowStaff) as TicketContext,
    })),
  );
  if (run.errors.length > 0) throw new Error(JSON.stringify(run.errors));
  return run.events;
};

// A ticket accepted Monday 2026-11-02 10:00; its 10-working-day limit ends 2026-11-16.
const approved = historyTo('approved');
const dispatched = historyTo('dispatched');
const inProgress = historyTo('inProgress');
const completed = historyTo('completed');
const visited = historyTo('visited');

describe('dispatch, sign-for and return (TKT-08)', () => {
  it('TKT-08 given an approved ticket, when dispatched, then the unit, the deadline in force and the return limit are recorded', () => {
    const [event] = eventsOf(
      then(approved.events, cmd('DispatchTicket', { unitId: 'unit-07' }), approved.next),
    );
    expect(event).toMatchObject({
      type: 'TicketDispatched',
      data: {
        unitId: 'unit-07',
        dispatcherId: windowStaff.id,
        serviceType: 'residence-certificate',
        completionDeadline: { dueDate: '2026-11-16', workdays: 10 },
        returnDeadline: { dueDate: '2026-11-03', workdays: 1 },
      },
    });
  });

  it('TKT-08 only the unit it was dispatched to signs for it', () => {
    expect(errorOf(then(dispatched.events, cmd('SignForTicket'), dispatched.next))).toMatchObject({
      kind: 'forbidden',
      code: 'TICKET_NOT_THE_DISPATCHED_UNIT',
      requirement: 'TKT-08',
    });
    const [signed] = eventsOf(
      then(dispatched.events, cmd('SignForTicket'), dispatched.next, unitStaff),
    );
    expect(signed).toMatchObject({
      type: 'TicketSignedFor',
      data: { unitId: 'unit-07', staffId: unitStaff.id },
    });
  });

  it('TKT-08 X-03 a unit returns (退单) within one working day — the make-up Saturday 2026-10-10 counts', () => {
    const events = script([
      [receive(), '2026-09-30T09:00:00+08:00'],
      [cmd('AcceptTicket'), '2026-09-30T10:00:00+08:00'],
      [cmd('ReviewTicket', { outcome: 'approve' }), '2026-10-09T09:00:00+08:00'],
      [cmd('DispatchTicket', { unitId: 'unit-07' }), '2026-10-09T10:00:00+08:00'],
    ]);
    expect(events.at(-1)?.data).toMatchObject({ returnDeadline: { dueDate: '2026-10-10' } });
    const back = cmd('ReturnTicket', { reason: '不属本单位职责' });
    const [returned] = eventsOf(then(events, back, '2026-10-10T15:00:00+08:00', unitStaff));
    expect(returned).toMatchObject({
      type: 'TicketReturnedByUnit',
      data: {
        unitId: 'unit-07',
        reason: '不属本单位职责',
        returnDeadline: { dueDate: '2026-10-10' },
      },
    });
    expect(given(ticketDecider, [...events, returned!]).state.status).toBe('approved');
    expect(errorOf(then(events, back, '2026-10-11T09:00:00+08:00', unitStaff))).toMatchObject({
      code: 'TICKET_RETURN_TOO_LATE',
      requirement: 'TKT-08',
    });
  });

  it('TKT-08 a returned ticket can be dispatched to another unit', () => {
    const returned = eventsOf(
      then(
        dispatched.events,
        cmd('ReturnTicket', { reason: '非本单位' }),
        dispatched.next,
        unitStaff,
      ),
    );
    const [again] = eventsOf(
      then(
        [...dispatched.events, ...returned],
        cmd('DispatchTicket', { unitId: 'unit-09' }),
        '2026-11-02T18:00:00+08:00',
      ),
    );
    expect(again?.data).toMatchObject({ unitId: 'unit-09' });
  });
});

describe('extension and supervision (TKT-08)', () => {
  it('TKT-08 given a ticket in progress, when 3 more days are requested and approved, then the limit runs 13 working days from acceptance', () => {
    const requested = eventsOf(
      then(
        inProgress.events,
        cmd('RequestExtension', { workdays: 3, reason: '需协调施工' }),
        inProgress.next,
        unitStaff,
      ),
    );
    expect(requested[0]?.data).toMatchObject({
      workdays: 3,
      requestedBy: unitStaff.id,
      unitId: 'unit-07',
    });
    const [approvedExt] = eventsOf(
      then(
        [...inProgress.events, ...requested],
        cmd('ApproveExtension', {}),
        '2026-11-03T09:00:00+08:00',
      ),
    );
    expect(approvedExt).toMatchObject({
      type: 'ExtensionApproved',
      data: {
        workdays: 3,
        previousDeadline: { dueDate: '2026-11-16' },
        completionDeadline: { dueDate: '2026-11-19', workdays: 13 },
      },
    });
  });

  it('TKT-08 an extension longer than the policy allows, or approved above the request, is refused', () => {
    expect(
      errorOf(
        then(
          inProgress.events,
          cmd('RequestExtension', { workdays: 11, reason: 'x' }),
          inProgress.next,
          unitStaff,
        ),
      ),
    ).toMatchObject({ code: 'TICKET_EXTENSION_TOO_LONG', path: ['workdays'] });
    const requested = eventsOf(
      then(
        inProgress.events,
        cmd('RequestExtension', { workdays: 3, reason: 'x' }),
        inProgress.next,
        unitStaff,
      ),
    );
    const events = [...inProgress.events, ...requested];
    expect(
      errorOf(then(events, cmd('ApproveExtension', { workdays: 4 }), inProgress.next)),
    ).toMatchObject({
      code: 'TICKET_EXTENSION_ABOVE_REQUEST',
      path: ['workdays'],
    });
    expect(
      errorOf(
        then(
          events,
          cmd('RequestExtension', { workdays: 2, reason: 'y' }),
          inProgress.next,
          unitStaff,
        ),
      ),
    ).toMatchObject({
      code: 'TICKET_EXTENSION_PENDING',
    });
  });

  it('TKT-08 a declined extension leaves the deadline as it was', () => {
    const requested = eventsOf(
      then(
        inProgress.events,
        cmd('RequestExtension', { workdays: 3, reason: 'x' }),
        inProgress.next,
        unitStaff,
      ),
    );
    const declined = eventsOf(
      then(
        [...inProgress.events, ...requested],
        cmd('DeclineExtension', { reason: '理由不充分' }),
        inProgress.next,
      ),
    );
    const state = given(ticketDecider, [...inProgress.events, ...requested, ...declined]).state;
    expect(state.completionDeadline?.dueDate).toBe('2026-11-16');
    expect(state.pendingExtension).toBeUndefined();
  });

  it('TKT-08 supervision (督办) records the deadline in force and whether it has passed', () => {
    const [onTime] = eventsOf(
      then(
        inProgress.events,
        cmd('SuperviseTicket', { level: 'supervision', reason: '临近期限' }),
        inProgress.next,
      ),
    );
    expect(onTime?.data).toMatchObject({
      status: 'inProgress',
      overdue: false,
      unitId: 'unit-07',
      deadline: { dueDate: '2026-11-16' },
    });
    const [late] = eventsOf(
      then(
        inProgress.events,
        cmd('SuperviseTicket', {
          level: 'escalation',
          reason: '超期未办',
          escalatedTo: 'district-office',
        }),
        '2026-11-17T09:00:00+08:00',
      ),
    );
    expect(late?.data).toMatchObject({
      level: 'escalation',
      escalatedTo: 'district-office',
      overdue: true,
    });
  });
});

describe('completion, return visit, closure, reopening and archive (TKT-07, TKT-08, TKT-10)', () => {
  it('TKT-10 K-05 completion records its result and whether it met the deadline in force', () => {
    const complete = cmd('CompleteTicket', { result: '已出具居住证明' });
    const [onTime] = eventsOf(then(inProgress.events, complete, inProgress.next, unitStaff));
    expect(onTime).toMatchObject({
      type: 'TicketCompleted',
      data: {
        result: '已出具居住证明',
        withinLimit: true,
        completionDeadline: { dueDate: '2026-11-16' },
        unitId: 'unit-07',
        centreId: 'centre-01',
        communityId: 'community-03',
        serviceType: 'residence-certificate',
        category: 'auxiliary',
        firstResponsibleStaffId: windowStaff.id,
        reopenCount: 0,
      },
    });
    const [late] = eventsOf(
      then(inProgress.events, complete, '2026-11-17T00:00:00+08:00', unitStaff),
    );
    expect(late?.data).toMatchObject({ withinLimit: false });
  });

  it('TKT-07 a completed ticket is closed only after its return visit', () => {
    expect(
      errorOf(then(completed.events, cmd('CloseTicket', { summary: 's' }), completed.next)),
    ).toMatchObject({
      kind: 'transition',
      from: 'completed',
      attempted: 'CloseTicket',
    });
    const [visit] = eventsOf(
      then(
        completed.events,
        cmd('MakeReturnVisit', { method: 'phone', resolved: true, summary: '已解决' }),
        completed.next,
      ),
    );
    expect(visit?.data).toMatchObject({ method: 'phone', resolved: true, afterBadRating: false });
  });

  it('TKT-10 closure records the summary and the outcome', () => {
    const [closed] = eventsOf(
      then(visited.events, cmd('CloseTicket', { summary: '办结，群众满意' }), visited.next),
    );
    expect(closed).toMatchObject({
      type: 'TicketClosed',
      data: { summary: '办结，群众满意', outcome: 'completed' },
    });
  });

  it('TKT-08 given a return visit that finds it unresolved, closing is refused and reopening (重办) starts a new limit', () => {
    const unresolved = eventsOf(
      then(
        completed.events,
        cmd('MakeReturnVisit', { method: 'on-site', resolved: false, summary: '路灯仍不亮' }),
        completed.next,
      ),
    );
    const events = [...completed.events, ...unresolved];
    expect(
      errorOf(then(events, cmd('CloseTicket', { summary: 's' }), '2026-11-03T09:00:00+08:00')),
    ).toMatchObject({
      code: 'TICKET_UNRESOLVED_REOPEN_INSTEAD',
      requirement: 'TKT-08',
    });
    const [reopened] = eventsOf(
      then(
        events,
        cmd('ReopenTicket', { ground: 'unresolved-return-visit', reason: '回访未解决' }),
        '2026-11-03T09:00:00+08:00',
      ),
    );
    expect(reopened).toMatchObject({
      type: 'TicketReopened',
      data: { reopenCount: 1, completionDeadline: { dueDate: '2026-11-17', workdays: 10 } },
    });
    const state = given(ticketDecider, [...events, reopened!]).state;
    expect(state.status).toBe('reopened');
    expect(state.unitId).toBeUndefined();
  });

  it('TKT-08 reopening without a ground is refused', () => {
    expect(
      errorOf(
        then(
          visited.events,
          cmd('ReopenTicket', { ground: 'unsatisfied-rating', reason: 'x' }),
          visited.next,
        ),
      ),
    ).toMatchObject({ code: 'TICKET_NO_GROUND_TO_REOPEN', path: ['ground'] });
  });

  it('TKT-10 ARC-02 archiving takes the retention period from the policy', () => {
    const closed = historyTo('closed');
    const [archived] = eventsOf(
      then(
        closed.events,
        cmd('ArchiveTicket', { retentionClass: 'short', archiveNo: 'A-2026-001' }),
        closed.next,
      ),
    );
    expect(archived?.data).toMatchObject({
      retentionClass: 'short',
      retentionYears: 10,
      archiveNo: 'A-2026-001',
    });
    expect(
      errorOf(
        then(closed.events, cmd('ArchiveTicket', { retentionClass: 'forever-ish' }), closed.next),
      ),
    ).toMatchObject({
      code: 'TICKET_UNKNOWN_RETENTION_CLASS',
      requirement: 'ARC-02',
      path: ['retentionClass'],
    });
  });

  it('TKT-04 TKT-10 a rejected application is closed and archived with outcome rejected', () => {
    const rejected = historyTo('rejected');
    const [closed] = eventsOf(
      then(rejected.events, cmd('CloseTicket', { summary: '不予通过，已告知' }), rejected.next),
    );
    expect(closed?.data).toMatchObject({ outcome: 'rejected' });
  });

  it('TKT-07 the first-responsible owner stays the receiving staff member through reopening', () => {
    const state = given(ticketDecider, historyTo('reopened').events).state;
    expect(state.intake?.firstResponsibleStaffId).toBe(windowStaff.id);
  });
});
