import { createPostgresEventStore } from '@civic-ledger/adapters';
import { openPgPool } from '@civic-ledger/adapters/testing';
import { afterAll, inject } from 'vitest';
import { eventStoreContract } from './event-store-contract.js';

// The real server started by tests/support/postgres-global-setup.ts; '' only outside CI.
const connectionString = inject('pgConnectionString');
const admin = connectionString ? openPgPool(connectionString, 2) : undefined;
afterAll(async () => {
  await admin?.end();
});

let n = 0;
eventStoreContract(
  'postgres',
  async () => {
    const schema = `contract_${process.pid}_${++n}`;
    const store = await createPostgresEventStore({ connectionString, schema, pollIntervalMs: 50 });
    // Start above 2⁵³ (a Number would round) and 5 short of a new digit (text would mis-sort).
    await admin?.query(`UPDATE ${schema}.log_head SET position = 9999999999999995`);
    return store;
  },
  {
    keepsLogHash: true,
    positionsAbove2To53: true,
    ...(connectionString
      ? {}
      : { skipReason: `no PostgreSQL server (${inject('pgUnavailable')})` }),
  },
);
