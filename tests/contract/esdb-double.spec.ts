import { createEsdbEventStore } from '@civic-ledger/adapters';
import { startEsdbDouble } from '@civic-ledger/adapters/testing';
import { eventStoreContract } from './event-store-contract.js';

// A DOUBLE, not EventStoreDB: an in-process gRPC server speaking the client's own protocol
// definitions, so that the adapter's real gRPC path runs the contract in CI. One per test,
// so that every test starts from an empty `$all`.
eventStoreContract(
  'esdb-double',
  async () => {
    const double = await startEsdbDouble();
    const store = await createEsdbEventStore({
      connectionString: double.connectionString,
      pageSize: 100,
    });
    return {
      ...store,
      close: async () => {
        await store.close();
        await double.stop();
      },
    };
  },
  { keepsLogHash: false },
);
