import { createMemoryKeyStore, createSqlKeyStore, pgliteDatabase } from '@civic-ledger/adapters';
import { PGlite } from '@civic-ledger/adapters/testing';
import type { DataSubjectKeyStore } from '@civic-ledger/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let pg: PGlite;
beforeAll(async () => {
  pg = await PGlite.create();
});
afterAll(async () => {
  await pg?.close();
});

let n = 0;
const contract = (name: string, open: () => Promise<DataSubjectKeyStore>) =>
  describe(`[${name}] data-subject key store (X-06)`, () => {
    it('X-06 keeps one active 256-bit key per subject and finds it by kid', async () => {
      const keys = await open();
      const a = await keys.activeKey('ds-a');
      expect(a.key).toHaveLength(32);
      expect(await keys.activeKey('ds-a')).toEqual(a);
      expect((await keys.activeKey('ds-b')).kid).not.toBe(a.kid);
      expect(await keys.lookup(a.kid)).toEqual({ state: 'active', key: a.key });
      expect(await keys.lookup('ds-none.k1')).toEqual({ state: 'unknown' });
    });

    it('X-06 erasing destroys every key of the subject, leaves a tombstone, and a new key follows', async () => {
      const keys = await open();
      const a = await keys.activeKey('ds-a');
      const b = await keys.activeKey('ds-b');
      expect(await keys.erase('ds-a')).toBe(1);
      expect(await keys.erase('ds-a')).toBe(0);
      expect(await keys.lookup(a.kid)).toEqual({ state: 'erased' });
      expect((await keys.lookup(b.kid)).state).toBe('active');
      const again = await keys.activeKey('ds-a');
      expect(again.kid).not.toBe(a.kid);
      expect(await keys.lookup(a.kid)).toEqual({ state: 'erased' });
    });

    it('X-06 binds a stream to its first subject only', async () => {
      const keys = await open();
      expect(await keys.subjectOfStream('ticket-T1')).toBeUndefined();
      expect(await keys.bindStream('ticket-T1', 'ds-a')).toBe('ds-a');
      expect(await keys.bindStream('ticket-T1', 'ds-b')).toBe('ds-a');
      expect(await keys.subjectOfStream('ticket-T1')).toBe('ds-a');
    });
  });

contract('memory', async () => createMemoryKeyStore());
contract('embedded PGlite', async () =>
  createSqlKeyStore(pgliteDatabase(pg, false), { schema: `keys_${++n}` }),
);

describe('[embedded PGlite] erased key bytes leave the table (X-06)', () => {
  it('X-06 after erase and VACUUM FULL no row holds the old key', async () => {
    const schema = `keys_${++n}`;
    const keys = await createSqlKeyStore(pgliteDatabase(pg, false), { schema });
    const a = await keys.activeKey('ds-a');
    await keys.erase('ds-a');
    const { rows } = await pg.query<{ key: Uint8Array | null }>(
      `SELECT key FROM ${schema}.subject_keys`,
    );
    expect(rows).toEqual([{ key: null }]);
    const hex = Buffer.from(a.key).toString('hex');
    const dump = await pg.query<{ t: string }>(
      `SELECT encode(key, 'hex') AS t FROM ${schema}.subject_keys`,
    );
    expect(JSON.stringify(dump.rows)).not.toContain(hex);
  });
});
