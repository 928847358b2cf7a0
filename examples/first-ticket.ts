/**
 * The smallest embedding: receive a citizen's request, accept it (the review deadline comes
 * from the policy and the national working-day calendar), see a refused command's typed
 * error, and verify the hash chain. `pnpm exec tsx --conditions=@civic-ledger/source
 * examples/first-ticket.ts` runs it; README.md shows the same code.
 */
import { createMemoryEventStore } from '@civic-ledger/adapters';
import {
  chinaWorkCalendar,
  createCommandHandler,
  definePolicy,
  exampleServiceCatalogue,
  formatDomainError,
  type TicketCommand,
  type TicketContext,
  ticketDecider,
  ticketStreamId,
  verifyLog,
} from '@civic-ledger/domain';
import * as E from 'fp-ts/lib/Either.js';

/** Runs the example and returns what it printed, so that a test can check it. */
export const firstTicket = async (print: (line: string) => void = console.log): Promise<void> => {
  const store = createMemoryEventStore(); // or: await openEventStore() for the embedded default
  const policy = definePolicy({ jurisdiction: 'example district' });
  const handle = createCommandHandler({ store, clock: () => new Date().toISOString() });
  const actor = { id: 'staff-007', role: 'window-staff', unit: 'centre-01' };

  const send = async (command: TicketCommand, now: string, commandId: string) => {
    const ctx: TicketContext = {
      policy,
      calendar: chinaWorkCalendar,
      actor,
      now,
      serviceCatalogue: exampleServiceCatalogue,
    };
    const result = await handle(ticketDecider, ticketStreamId('T2026-0001'), command, ctx, {
      commandId,
      actor,
      occurredAt: now,
    });
    if (E.isLeft(result)) print(`✗ ${command.type}: ${formatDomainError(result.left, 'zh')}`);
    else for (const e of result.right.events) print(`✓ ${e.type} ${JSON.stringify(e.data)}`);
  };

  await send(
    {
      type: 'ReceiveTicket',
      data: {
        ticketId: 'T2026-0001',
        channel: 'window',
        applicant: {
          kind: 'person',
          name: '张三',
          idNumber: '11010519491231002X',
          phone: '13812345678',
        },
        serviceType: 'residence-certificate',
        nature: 'normal',
        reason: '办理居住证明',
        materials: [{ kind: 'id-card', documentRef: 'scan-0001' }],
        communityId: 'community-01',
      },
    },
    '2026-09-30T10:00:00+08:00',
    'cmd-1',
  );
  // Acceptance starts the 5-working-day review clock across the National Day holiday.
  await send({ type: 'AcceptTicket', data: {} }, '2026-09-30T10:05:00+08:00', 'cmd-2');
  // A bad command is refused with the field, the rule and the requirement id, in zh and en.
  await send(
    { type: 'RequestSupplement', data: { kind: 'nonsense', note: '' } } as unknown as TicketCommand,
    '2026-09-30T10:06:00+08:00',
    'cmd-3',
  );

  const report = await verifyLog(store.readAll());
  print(
    report.ok
      ? `verify: intact, ${report.events} events`
      : `verify: broken — ${report.break.message.en}`,
  );
};

if (process.argv[1]?.endsWith('first-ticket.ts')) await firstTicket();
