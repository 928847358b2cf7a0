import { createMemoryEventStore } from '@civic-ledger/adapters';
import { type EventStore, matchesFilter, type StoredEvent } from '@civic-ledger/domain';
import {
  type AnyProjection,
  applicantProgressProjection,
  buildAsOf,
  buildProjection,
  caseArchiveProjection,
  complianceProjection,
  createKpiProjection,
  createMemoryReadModelStore,
  createProjectionRunner,
  createSatisfactionProjection,
  createStaffPerformanceProjection,
  facilityArchiveProjection,
  foldProjection,
  rectificationLedgerProjection,
} from '@civic-ledger/projections';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { richLog } from './support/rich-log.js';
import { saved } from './support/saved.js';

const projections: readonly AnyProjection[] = [
  createKpiProjection({ communities: ['community-A', 'community-B', 'community-Z'] }),
  facilityArchiveProjection,
  caseArchiveProjection,
  createSatisfactionProjection(),
  complianceProjection,
  rectificationLedgerProjection,
  applicantProgressProjection,
  createStaffPerformanceProjection(),
];

const events = richLog().events;
/** What a state looks like once saved: the comparison covers serialisability too. */
const rebuilt = new Map(projections.map((p) => [p.name, saved(foldProjection(p, events))]));

const append = async (store: EventStore, batch: readonly StoredEvent[]) => {
  for (const { envelope } of batch)
    await store.append(envelope.streamId, envelope.streamVersion - 1, [envelope]);
};

/** Cuts the log into batches of the given sizes (cycling through them). */
const batches = (sizes: readonly number[]): StoredEvent[][] => {
  const out: StoredEvent[][] = [];
  for (let i = 0, k = 0; i < events.length; k++) {
    const n = sizes[k % sizes.length] ?? 1;
    out.push(events.slice(i, i + n));
    i += n;
  }
  return out;
};

describe('projection properties (every read model)', () => {
  it('the log touches every projection', () => {
    for (const p of projections)
      expect(saved(foldProjection(p, events))).not.toEqual(saved(p.init()));
  });

  it('applying the log in random batches, restarting from the saved read model each time, equals a rebuild', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 8 }),
        async (sizes) => {
          const store = createMemoryEventStore();
          const readModels = createMemoryReadModelStore();
          for (const batch of batches(sizes)) {
            await append(store, batch);
            // A new runner per batch: it resumes from the JSON it saved last time.
            for (const projection of projections)
              await createProjectionRunner({ store, readModels, projection }).catchUp();
          }
          for (const p of projections) {
            const model = await readModels.load({ name: p.name, version: p.version });
            // The checkpoint is the last event the projection reads (its filter skips the rest).
            const last = events.filter((e) => matchesFilter(e.envelope, p.filter)).at(-1)?.position;
            expect(model?.position).toBe(last);
            expect(model?.state).toEqual(rebuilt.get(p.name));
          }
        },
      ),
      { seed: 20261121, numRuns: 25 },
    );
  });

  it('as of T equals a rebuild over the events up to T (recordedAt: a prefix of the log; occurredAt: those that happened by T)', async () => {
    const store = createMemoryEventStore();
    await append(store, events);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: events.length }),
        fc.constantFrom('occurredAt' as const, 'recordedAt' as const),
        async (k, by) => {
          const at = k === 0 ? '2000-01-01T00:00:00Z' : (events[k - 1]?.envelope[by] ?? '');
          const upTo = events.filter((e) => Date.parse(e.envelope[by]) <= Date.parse(at));
          // The recording clock only moves forward, so "what was known at T" is a prefix.
          if (by === 'recordedAt') expect(upTo).toEqual(events.slice(0, k));
          for (const p of projections) {
            const asOf = await buildAsOf(store, p, { at, by });
            expect(saved(asOf.state)).toEqual(saved(foldProjection(p, upTo)));
          }
        },
      ),
      { seed: 7, numRuns: 40 },
    );
  });

  it('delivering events more than once (repeats and late re-deliveries) changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat({ max: 1000 }), { minLength: events.length, maxLength: events.length }),
        async (picks) => {
          // After each event, re-deliver it or an earlier one, as an at-least-once transport may.
          const delivery = events.flatMap((e, i) => {
            const pick = picks[i] ?? 0;
            const again = events[pick % (i + 1)] ?? e;
            return pick % 3 === 0 ? [e] : pick % 3 === 1 ? [e, e] : [e, again];
          });
          const inner = createMemoryEventStore();
          await append(inner, events);
          const store: EventStore = {
            ...inner,
            readAll: (o) =>
              (async function* () {
                for (const e of delivery) if (e.position > (o?.after ?? 0n)) yield e;
              })(),
          };
          const readModels = createMemoryReadModelStore();
          for (const projection of projections) {
            await createProjectionRunner({ store, readModels, projection }).catchUp();
            const model = await readModels.load({
              name: projection.name,
              version: projection.version,
            });
            expect(model?.state).toEqual(rebuilt.get(projection.name));
          }
        },
      ),
      { seed: 11, numRuns: 25 },
    );
  });

  it('a one-off rebuild through the store equals the fold', async () => {
    const store = createMemoryEventStore();
    await append(store, events);
    for (const p of projections)
      expect(saved((await buildProjection(store, p)).state)).toEqual(rebuilt.get(p.name));
  });
});
