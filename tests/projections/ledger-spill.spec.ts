import { createMemoryEventStore } from '@civic-ledger/adapters';
import {
  buildProjection,
  createMemoryEntityDocuments,
  foldProjection,
  rectificationLedgerProjection,
  spillEntities,
} from '@civic-ledger/projections';
import { describe, expect, it } from 'vitest';
import { acceptRectification, openRectification } from './support/fixtures.js';
import { createLog } from './support/log.js';
import { saved } from './support/saved.js';

describe('AUD-02 the rectification ledger kept in a document store', () => {
  it('AUD-02 with one entry in memory, every document equals the in-memory fold', async () => {
    const log = createLog();
    openRectification(log, 'R1', '2026-11-02T09:00:00+08:00', '2026-11-20');
    openRectification(log, 'R2', '2026-11-03T09:00:00+08:00', '2026-11-21');
    acceptRectification(log, 'R1', '2026-11-10T09:00:00+08:00', '2026-11-20');
    openRectification(log, 'R3', '2026-11-04T09:00:00+08:00', '2026-11-22');
    acceptRectification(log, 'R2', '2026-11-11T09:00:00+08:00', '2026-11-21');
    const store = createMemoryEventStore();
    for (const e of log.events)
      await store.append(e.envelope.streamId, e.envelope.streamVersion - 1, [e.envelope]);
    const projection = rectificationLedgerProjection;
    const entities = projection.entities!;
    const full = foldProjection(projection, log.events);
    const documents = createMemoryEntityDocuments();
    const spilled = spillEntities(projection, entities, { documents, resident: 1, batch: 1 });
    const built = await buildProjection(store, spilled);
    expect(entities.entities(built.state).size).toBeLessThanOrEqual(1);
    expect(documents.size(projection)).toBe(3);
    for (const id of ['R1', 'R2', 'R3'])
      expect(saved(await built.query.document(id))).toEqual(saved(full.entries.get(id)));
    expect(full.entries.get('R1')?.status).toBe('accepted');
  });
});
