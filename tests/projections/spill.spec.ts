import { createMemoryEventStore } from '@civic-ledger/adapters';
import {
  type AnyProjection,
  applicantProgressProjection,
  buildProjection,
  caseArchiveProjection,
  createMemoryEntityDocuments,
  foldProjection,
  spillEntities,
} from '@civic-ledger/projections';
import { describe, expect, it } from 'vitest';
import { richLog } from './support/rich-log.js';
import { saved } from './support/saved.js';

const events = richLog().events;
const storeOf = async () => {
  const store = createMemoryEventStore();
  for (const e of events)
    await store.append(e.envelope.streamId, e.envelope.streamVersion - 1, [e.envelope]);
  return store;
};

describe('ARC-02 TKT-05 per-entity read models kept in a document store', () => {
  for (const projection of [caseArchiveProjection, applicantProgressProjection] as AnyProjection[])
    it(`${projection.name}: with one entity in memory, every document equals the in-memory fold`, async () => {
      const entities = projection.entities!;
      const full = foldProjection(projection, events);
      const keys = [...entities.entities(full).keys()];
      expect(keys.length).toBeGreaterThan(1);
      const documents = createMemoryEntityDocuments();
      const spilled = spillEntities(projection, entities, { documents, resident: 1, batch: 2 });
      const built = await buildProjection(await storeOf(), spilled);
      // Bounded memory: one entity resident; everything else went to the store.
      expect(entities.entities(built.state).size).toBeLessThanOrEqual(1);
      expect(documents.size(projection)).toBe(keys.length);
      for (const key of keys)
        expect(saved(await built.query.document(key))).toEqual(
          saved(entities.entities(full).get(key)),
        );
    });

  it('a runner refuses a read model backed by a document store', async () => {
    const { createProjectionRunner } = await import('@civic-ledger/projections');
    const spilled = spillEntities(caseArchiveProjection, caseArchiveProjection.entities!, {
      documents: createMemoryEntityDocuments(),
    });
    expect(() =>
      createProjectionRunner({ store: createMemoryEventStore(), projection: spilled }),
    ).toThrow(/document store/);
  });
});
