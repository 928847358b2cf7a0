import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { given } from '../testing/index.js';
import type { TicketCommandType } from './commands.js';
import { ticketDecider } from './decider.js';
import {
  centreHead,
  ctxAt,
  historyTo,
  samples,
  unitStaff,
  windowStaff,
} from './fixtures.spec-support.js';
import { type TicketStatus, ticketStatuses } from './status.js';

// The lifecycle of TKT-08 written out as a specification: the statuses from which each
// command is legal. Every other (status, command) pair must be an illegal transition.
const legalFrom: Readonly<Record<TicketCommandType, string>> = {
  ReceiveTicket: 'none',
  TakeQueueNumber: 'received',
  CallQueueNumber: 'received',
  RecordFirstResponse:
    'received underReview awaitingSupplement approved finalApproved dispatched inProgress reopened',
  AcceptTicket: 'received',
  RequestSupplement: 'underReview',
  ProvideSupplement: 'awaitingSupplement',
  ExtendReview: 'underReview awaitingSupplement',
  StartJointReview: 'underReview',
  RecordJointReviewOpinion: 'underReview',
  ReviewTicket: 'underReview',
  GrantFinalApproval: 'approved',
  DispatchTicket: 'approved finalApproved reopened',
  SignForTicket: 'dispatched',
  ReturnTicket: 'dispatched inProgress',
  RequestExtension: 'approved finalApproved dispatched inProgress reopened',
  ApproveExtension: 'approved finalApproved dispatched inProgress reopened',
  DeclineExtension: 'approved finalApproved dispatched inProgress reopened',
  SuperviseTicket:
    'received underReview awaitingSupplement approved finalApproved dispatched inProgress reopened',
  CompleteTicket: 'approved finalApproved inProgress reopened',
  MakeReturnVisit: 'completed visited closed',
  CloseTicket: 'visited rejected',
  ReopenTicket: 'completed visited closed',
  ArchiveTicket: 'closed',
  RateTicket: 'completed visited closed',
  ApplyDefaultRating: 'completed visited closed',
};

const actorFor = (command: TicketCommandType) =>
  command === 'SignForTicket' || command === 'ReturnTicket'
    ? unitStaff
    : command === 'ExtendReview'
      ? centreHead
      : windowStaff;

const commands = Object.keys(legalFrom) as TicketCommandType[];
const cases = ticketStatuses.flatMap((status) =>
  commands.map((command) => ({
    status,
    command,
    legal: legalFrom[command].split(' ').includes(status),
  })),
);

const historyOf = (status: TicketStatus) =>
  status === 'none' ? { events: [], next: '2026-11-02T09:00:00+08:00' } : historyTo(status);

describe('TKT-08 ticket state machine: every status × every command', () => {
  it('covers all statuses and all commands', () => {
    expect(cases).toHaveLength(ticketStatuses.length * Object.keys(samples).length);
  });

  it.each(cases.filter((c) => !c.legal))(
    'TKT-08 given $status, when $command, then an illegal transition naming both',
    ({ status, command }) => {
      const { events, next } = historyOf(status);
      const result = given(ticketDecider, events).when(
        samples[command],
        ctxAt(next, actorFor(command)),
      );
      expect(E.isLeft(result) && result.left).toMatchObject({
        kind: 'transition',
        code: 'TICKET_ILLEGAL_TRANSITION',
        requirement: 'TKT-08',
        from: status,
        attempted: command,
      });
    },
  );

  // From the scripted histories a few legal steps still meet a rule of their own, on purpose:
  // nothing to call, approve or reopen yet. Everything else must produce events.
  const expectedRules = new Set([
    'TICKET_QUEUE_NUMBER_NOT_TAKEN',
    'TICKET_REVIEW_NOT_YET_EXTENDED',
    'TICKET_NOT_A_PENDING_DEPARTMENT',
    'TICKET_NO_EXTENSION_PENDING',
    'TICKET_NO_RETURN_VISIT_DUE',
    'TICKET_NO_GROUND_TO_REOPEN',
    'TICKET_NO_DEFAULT_RATING',
  ]);

  it.each(cases.filter((c) => c.legal))(
    'TKT-08 given $status, when $command, then the state machine lets it through',
    ({ status, command }) => {
      const { events, next } = historyOf(status);
      const result = given(ticketDecider, events).when(
        samples[command],
        ctxAt(next, actorFor(command)),
      );
      if (E.isRight(result)) {
        expect(result.right.length).toBeGreaterThan(0);
        return;
      }
      expect(result.left.kind).toBe('rule');
      expect(expectedRules).toContain(result.left.code);
    },
  );
});
