import { createMemoryEventStore } from '@civic-ledger/adapters';
import { createCommandHandler } from '@civic-ledger/domain';
import * as E from 'fp-ts/lib/Either.js';
import { actor, tally } from '../../tests/support/tally.js';
import { type Scenario, secondsSince } from '../harness.js';

/** Validate, decide, hash and append through the real command handler. */
export const commandHandling: Scenario = {
  name: 'command handling on the in-memory store (validate, decide, hash, append)',
  target: '≥ 100 000 commands/s',
  meets: (m) => m.events_per_s >= 100_000,
  run: async (quick) => {
    const commands = quick ? 20_000 : 300_000;
    const streams = commands / 10;
    const store = createMemoryEventStore();
    const clock = () => '2026-11-20T01:00:00.000Z';
    const handle = createCommandHandler({ store, clock });
    const start = process.hrtime.bigint();
    for (let i = 0; i < commands; i++) {
      const r = await handle(
        tally,
        `tally-${i % streams}`,
        { type: 'Add', amount: 1 },
        {},
        {
          commandId: `cmd-${i}`,
          actor,
          occurredAt: '2026-11-20T09:00:00+08:00',
        },
      );
      if (E.isLeft(r)) throw new Error(r.left.code);
    }
    return { events: commands, seconds: secondsSince(start) };
  },
};
