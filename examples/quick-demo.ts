/**
 * The foundation demo: a few commands through the kernel on the in-memory store, the events
 * they produced, and a hash-chain verification. Replaced by the city simulation (`civic-ledger
 * demo`) once the CLI lands.
 */
import { createMemoryEventStore } from '@civic-ledger/adapters';
import {
  chinaWorkCalendar,
  type Deadline,
  type DecideContext,
  type Decider,
  type DomainEvent,
  definePolicy,
  formatDomainError,
  handleCommand,
  illegalTransition,
  verifyLog,
} from '@civic-ledger/domain';
import * as E from 'fp-ts/lib/Either.js';

type Command =
  | { type: 'Accept'; serviceType: string }
  | { type: 'Review'; outcome: 'approved' | 'rejected' };
type Event =
  | DomainEvent<'RequestAccepted', { serviceType: string; reviewDeadline: Deadline }>
  | DomainEvent<'RequestReviewed', { outcome: string; onTime: boolean }>;
type State = { status: 'none' | 'accepted' | 'reviewed'; deadline?: Deadline };

// A two-step request, enough to show the kernel: the deadline comes from the policy and the
// working-day calendar and is stored in the event that starts the clock (X-04).
const request: Decider<Command, Event, State, DecideContext> = {
  initialState: { status: 'none' },
  decide: (command, state, ctx) => {
    if (command.type === 'Accept') {
      if (state.status !== 'none')
        return E.left(
          illegalTransition({
            code: 'DEMO_ILLEGAL',
            requirement: 'TKT-08',
            from: state.status,
            attempted: 'Accept',
          }),
        );
      const reviewDeadline = ctx.calendar.deadline(
        ctx.now,
        ctx.policy.ticket.initialReviewWorkdays,
      );
      return E.right([
        { type: 'RequestAccepted', data: { serviceType: command.serviceType, reviewDeadline } },
      ]);
    }
    if (state.status !== 'accepted')
      return E.left(
        illegalTransition({
          code: 'DEMO_ILLEGAL',
          requirement: 'TKT-08',
          from: state.status,
          attempted: 'Review',
        }),
      );
    const onTime = Date.parse(ctx.now) < Date.parse(state.deadline?.dueAt ?? '');
    return E.right([{ type: 'RequestReviewed', data: { outcome: command.outcome, onTime } }]);
  },
  evolve: (state, event) =>
    event.type === 'RequestAccepted'
      ? { status: 'accepted', deadline: event.data.reviewDeadline }
      : { ...state, status: 'reviewed' },
};

const store = createMemoryEventStore();
const policy = definePolicy();
const deps = { store, clock: () => new Date().toISOString() };
const staff = { id: 'staff-007', role: 'window-staff', unit: 'centre-01' };
const run = async (streamId: string, command: Command, now: string, commandId: string) => {
  const ctx: DecideContext = { policy, calendar: chinaWorkCalendar, actor: staff, now };
  const result = await handleCommand(deps, request, streamId, command, ctx, {
    commandId,
    actor: staff,
    occurredAt: now,
  });
  console.log(
    E.isLeft(result)
      ? `✗ ${commandId}: ${formatDomainError(result.left, 'zh')}`
      : `✓ ${commandId}: ${result.right.events.map((e) => e.type).join(', ')}`,
  );
};

console.log('civic-ledger foundation demo — in-memory store\n');
await run(
  'request-1',
  { type: 'Accept', serviceType: 'elderly-subsidy' },
  '2026-09-30T10:00:00+08:00',
  'cmd-1',
);
await run(
  'request-1',
  { type: 'Review', outcome: 'approved' },
  '2026-10-09T15:00:00+08:00',
  'cmd-2',
);
await run(
  'request-1',
  { type: 'Review', outcome: 'approved' },
  '2026-10-09T15:05:00+08:00',
  'cmd-3',
);
await run(
  'request-2',
  { type: 'Accept', serviceType: 'medical-aid' },
  '2026-12-28T09:00:00+08:00',
  'cmd-4',
);

console.log('\nevents:');
for await (const { position, envelope } of store.readAll()) {
  console.log(
    `  #${position} ${envelope.streamId} v${envelope.streamVersion} ${envelope.type} by ${envelope.actor.id} ${JSON.stringify(envelope.data)}`,
  );
  console.log(`     hash ${envelope.hash.slice(0, 16)}… ← prev ${envelope.prevHash.slice(0, 16)}…`);
}
const report = await verifyLog(store.readAll());
console.log(
  `\nverify: ${report.ok ? `intact — ${report.events} events in ${report.streams} streams` : `BROKEN — ${report.break.message.en}`}`,
);
