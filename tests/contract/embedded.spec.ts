import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmbeddedEventStore, openEventStore } from '@civic-ledger/adapters';
import { PGlite } from '@civic-ledger/adapters/testing';
import { verifyLog } from '@civic-ledger/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, writer } from './envelopes.js';
import { eventStoreContract } from './event-store-contract.js';

// One in-memory PGlite for the contract (starting one costs seconds); a schema per test.
let db: PGlite;
let n = 0;
beforeAll(async () => {
  db = await PGlite.create();
});
afterAll(async () => {
  await db?.close();
});

eventStoreContract(
  'embedded',
  async () => {
    const schema = `contract_${++n}`;
    const store = await createEmbeddedEventStore({ db, schema, pollIntervalMs: 50 });
    // Start above 2⁵³ (a Number would round) and 5 short of a new digit (text would mis-sort).
    await db.query(`UPDATE ${schema}.log_head SET position = 9999999999999995`);
    return store;
  },
  { keepsLogHash: true, positionsAbove2To53: true },
);

describe('[embedded] on disk', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'civic-ledger-embedded-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('[embedded] persists in its directory: closed, reopened through openEventStore, intact', async () => {
    const first = await createEmbeddedEventStore({ dir });
    const w = writer(first, 'ticket-disk');
    await w.append(3);
    await first.close();

    const reopened = await openEventStore(`embedded:${dir}`);
    try {
      const all = await collect(reopened.readAll());
      expect(all.map((e) => e.envelope.streamVersion)).toEqual([1, 2, 3]);
      expect(await verifyLog(all)).toMatchObject({ ok: true, events: 3 });
      expect(all.every((e) => e.logHash !== undefined)).toBe(true);
    } finally {
      await reopened.close();
    }
  });
});
