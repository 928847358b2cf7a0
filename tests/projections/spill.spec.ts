import { createMemoryEventStore } from '@civic-ledger/adapters';
import { initialTicketState } from '@civic-ledger/domain';
import {
  type AnyProjection,
  type ApplicantProgressState,
  applicantProgressProjection,
  buildProjection,
  caseArchiveProjection,
  createMemoryEntityDocuments,
  foldProjection,
  type Projection,
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

  it('TKT-05 applicant-progress: a ticket read back from the store folds on in the one shape of a ticket state', async () => {
    // JSON drops the fields a ticket state holds as undefined; read back without them, a
    // ticket would fold on in a shape of its own (docs/architecture.md: one shape per state).
    const shapes = new Set<string>();
    const watched: Projection<ApplicantProgressState, unknown> = {
      ...applicantProgressProjection,
      apply: (state, stored) => {
        const next = applicantProgressProjection.apply(state, stored);
        for (const ticket of next.tickets.values()) shapes.add(Object.keys(ticket).join());
        return next;
      },
    };
    const documents = createMemoryEntityDocuments();
    const spilled = spillEntities(watched, applicantProgressProjection.entities!, {
      documents,
      resident: 1,
      batch: 2,
    });
    const built = await buildProjection(await storeOf(), spilled);
    // Tickets were evicted and read back: more documents than the one resident ticket.
    expect(documents.size(applicantProgressProjection)).toBeGreaterThan(1);
    expect([...shapes]).toEqual([Object.keys(initialTicketState).join()]);
    // The query reads stored tickets back whole too.
    const resident = applicantProgressProjection.entities!.entities(built.state);
    const stored = [...foldProjection(applicantProgressProjection, events).tickets.keys()].find(
      (id) => !resident.has(id),
    )!;
    expect(Object.keys((await built.query.document(stored)) as object)).toEqual(
      Object.keys(initialTicketState),
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
