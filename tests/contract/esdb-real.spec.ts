import { createEsdbEventStore } from '@civic-ledger/adapters';
import type { EventStore, StoredEvent } from '@civic-ledger/domain';
import { it } from 'vitest';
import { eventStoreContract } from './event-store-contract.js';

// A real EventStoreDB when one is given; start a fresh in-memory node first (docs/adapters.md):
//   docker run --rm -d -p 2113:2113 eventstore/eventstore:24.10 --insecure --mem-db
//   ESDB_CONNECTION_STRING='esdb://localhost:2113?tls=false' pnpm exec vitest run tests/contract
const connectionString = process.env.ESDB_CONNECTION_STRING ?? '';
const reason = 'ESDB_CONNECTION_STRING not set';

// Shows in every run's report: skipped (and why), or which server the contract ran against.
it.skipIf(connectionString === '')(
  connectionString
    ? `[esdb-real] runs against ${connectionString}`
    : `[esdb-real] skipped: ${reason}`,
  () => {},
);

/**
 * A shared server is not empty between tests: each test's store sees `$all` from where it
 * stood when the store opened (the contract's stream ids are unique per test already).
 */
const fromHere = async (store: EventStore): Promise<EventStore> => {
  let start = 0n;
  for await (const e of store.readAll()) start = e.position;
  const later = (after?: bigint): bigint => (after !== undefined && after > start ? after : start);
  return {
    ...store,
    readAll: (options = {}) => store.readAll({ ...options, after: later(options.after) }),
    subscribe: (handler: (event: StoredEvent) => void | Promise<void>, options = {}) =>
      store.subscribe(handler, { ...options, after: later(options.after) }),
  };
};

eventStoreContract(
  'esdb-real',
  async () => fromHere(await createEsdbEventStore({ connectionString })),
  { keepsLogHash: false, largeBatch: 500, ...(connectionString ? {} : { skipReason: reason }) },
);
