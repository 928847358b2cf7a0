import type { SqlEventStore } from '@civic-ledger/adapters';
import { createCommandHandler, type EventEnvelope } from '@civic-ledger/domain';
import * as E from 'fp-ts/lib/Either.js';
import { actor, tally } from '../../tests/support/tally.js';
import { syntheticLog } from '../data.js';
import { type Scenario, secondsSince } from '../harness.js';
import { withPostgresStore } from '../postgres-store.js';

const WRITERS = 8;

/** A durable server and a store with a connection for each writer (and two to spare). */
const withPostgres = <T>(body: (store: SqlEventStore) => Promise<T>): Promise<T> =>
  withPostgresStore(body, { maxConnections: WRITERS + 2 });

/** 8 writers, each handling commands (one event each) on streams of its own. */
export const postgresSingle: Scenario = {
  name: 'PostgreSQL: one event per command, 8 concurrent writers',
  target: '≥ 7 000 events/s',
  meets: (m) => m.events_per_s >= 7_000,
  run: (quick) =>
    withPostgres(async (store) => {
      const perWriter = quick ? 250 : 2_500;
      const handle = createCommandHandler({ store, clock: () => new Date().toISOString() });
      const start = process.hrtime.bigint();
      await Promise.all(
        Array.from({ length: WRITERS }, async (_, w) => {
          for (let i = 0; i < perWriter; i++) {
            const r = await handle(
              tally,
              `tally-${w}-${i % 50}`,
              { type: 'Add', amount: 1 },
              {},
              {
                commandId: `w${w}-${i}`,
                actor,
                occurredAt: '2026-11-20T09:00:00+08:00',
              },
            );
            if (E.isLeft(r)) throw new Error(r.left.code);
          }
        }),
      );
      return { events: perWriter * WRITERS, seconds: secondsSince(start) };
    }),
};

/** 8 writers appending pre-sealed 10-event batches to streams of their own. */
export const postgresBatches: Scenario = {
  name: 'PostgreSQL: 10-event batches, 8 writers',
  target: '≥ 45 000 events/s',
  meets: (m) => m.events_per_s >= 45_000,
  run: (quick) =>
    withPostgres(async (store) => {
      const batches = quick ? 50 : 1_000;
      // Each writer's log: streams of 10-event batches, already hash-chained.
      const logs = Array.from({ length: WRITERS }, (_, w) => {
        const events = [...syntheticLog(batches * 10, batches, 100 + w)].map(
          (e) =>
            ({
              ...e,
              streamId: `w${w}-${e.streamId}`,
              eventId: `w${w}-${e.eventId}`,
            }) as EventEnvelope,
        );
        const byStream = new Map<string, EventEnvelope[]>();
        for (const e of events) byStream.set(e.streamId, [...(byStream.get(e.streamId) ?? []), e]);
        return [...byStream.values()].flatMap((stream) => {
          const out: EventEnvelope[][] = [];
          for (let i = 0; i < stream.length; i += 10) out.push(stream.slice(i, i + 10));
          return out;
        });
      });
      const start = process.hrtime.bigint();
      let events = 0;
      await Promise.all(
        logs.map(async (batchesOfWriter) => {
          for (const batch of batchesOfWriter) {
            await store.append(batch[0]!.streamId, batch[0]!.streamVersion - 1, batch);
            events += batch.length;
          }
        }),
      );
      return { events, seconds: secondsSince(start) };
    }),
};
