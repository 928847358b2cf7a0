import { describe, expect } from 'vitest';
import { sqlEntityDocuments } from '../../packages/cli/src/replay/documents.js';
import { backendTest, sqlBackends } from './sql-backends.js';

let n = 0;

for (const backend of sqlBackends()) {
  const test = backendTest(backend);
  describe(`[${backend.name}] the documents of a replay (--documents)`, () => {
    test('ARC-02 a window of keys is read back in one query: the stored ones, of this build only', async () => {
      const db = backend.db();
      const docs = await sqlEntityDocuments(db);
      // Models of their own: the tests share the server's schema.
      const model = { name: `case-archive-${process.pid}-${++n}`, version: 2 };
      const older = { ...model, version: 1 };
      await docs.putMany(model, [
        { key: 'ticket-T1', doc: { caseId: 'T1', timeline: [{ type: 'TicketReceived' }] } },
        { key: 'ticket-T2', doc: { caseId: 'T2', closedAt: '2026-03-02T10:00:00+08:00' } },
      ]);
      await docs.putMany(older, [{ key: 'ticket-T3', doc: { caseId: 'T3' } }]);

      const found = await docs.getMany!(model, ['ticket-T2', 'ticket-T3', 'ticket-T1', 'nope']);

      expect([...found.keys()].sort()).toEqual(['ticket-T1', 'ticket-T2']);
      expect(found.get('ticket-T1')).toEqual(await docs.get(model, 'ticket-T1'));
      expect(found.get('ticket-T2')).toEqual({
        caseId: 'T2',
        closedAt: '2026-03-02T10:00:00+08:00',
      });
      expect((await docs.getMany!(model, [])).size).toBe(0);
      await docs.reset(model);
      await docs.reset(older);
    });
  });
}
