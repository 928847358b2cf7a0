import { createMemoryEventStore } from '@civic-ledger/adapters';
import { cityCommands, driveCommands, replayProjections } from '@civic-ledger/cli';
import type { StoredEvent } from '@civic-ledger/domain';
import {
  type AnyProjection,
  applicantProgressProjection,
  caseArchiveProjection,
  createMemoryEntityDocuments,
  type EntityDocuments,
  foldProjection,
  rectificationLedgerProjection,
  spillEntities,
} from '@civic-ledger/projections';
import { beforeAll, describe, expect, it } from 'vitest';
import { saved } from './support/saved.js';

/** Memory documents that count their reads; `batched: false` hides `getMany`. */
const countingDocuments = (batched: boolean) => {
  const inner = createMemoryEntityDocuments();
  const reads = { get: 0, getMany: 0 };
  const documents: EntityDocuments = {
    putMany: (model, docs) => inner.putMany(model, docs),
    get: (model, key) => {
      reads.get++;
      return inner.get(model, key);
    },
    reset: (model) => inner.reset(model),
    ...(batched
      ? {
          getMany: (model: Parameters<EntityDocuments['get']>[0], keys: readonly string[]) => {
            reads.getMany++;
            return inner.getMany!(model, keys);
          },
        }
      : {}),
  };
  return { documents, reads };
};

async function* each(events: readonly StoredEvent[]): AsyncGenerator<StoredEvent> {
  yield* events;
}

describe('ARC-02 TKT-05 AUD-02 a replay reads spilled entities back a window at a time', () => {
  const events: StoredEvent[] = [];
  beforeAll(async () => {
    // Four months of a small simulated city: several replay windows, cases open across them.
    const store = createMemoryEventStore();
    await driveCommands(store, cityCommands({ seed: 7, scale: 2, start: '2026-03-02', days: 120 }));
    for await (const e of store.readAll()) events.push(e);
    expect(events.length).toBeGreaterThan(2_000);
  });

  const spilled = [
    caseArchiveProjection,
    applicantProgressProjection,
    rectificationLedgerProjection,
  ] as AnyProjection[];

  for (const projection of spilled)
    it(`${projection.name}: given a small working set, every document equals the in-memory fold, and reads go in batches`, async () => {
      const access = projection.entities!;
      // A working set well below the entities of the log, so that most are read back.
      const resident = projection === rectificationLedgerProjection ? 5 : 400;
      const replayWith = async (batched: boolean) => {
        const { documents, reads } = countingDocuments(batched);
        const p = spillEntities(projection, access, { documents, resident, batch: 10 });
        const built = (await replayProjections(each(events), [p])).get(projection.name)!;
        // The reads of the replay itself, before the queries below read documents too.
        return { built, reads: { ...reads } };
      };
      const oneByOne = await replayWith(false);
      const windowed = await replayWith(true);

      // Then: the same documents either way …
      const inMemory = access.entities(foldProjection(projection, events));
      expect(inMemory.size).toBeGreaterThan(resident * 4);
      for (const { built } of [oneByOne, windowed]) {
        const query = built.query as { document(key: string): Promise<unknown> };
        for (const [key, entity] of inMemory)
          expect(saved(await query.document(key)), key).toEqual(saved(entity));
      }
      // … and, where hundreds of entities are read back, fewer round trips in batches.
      expect(windowed.reads.getMany).toBeGreaterThan(0);
      if (projection !== rectificationLedgerProjection)
        expect(windowed.reads.get + windowed.reads.getMany).toBeLessThan(oneByOne.reads.get / 2);
    });
});
