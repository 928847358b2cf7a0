import { createMemoryEventStore } from '@civic-ledger/adapters';
import { eventStoreContract } from './event-store-contract.js';

eventStoreContract('memory', async () => createMemoryEventStore(), { keepsLogHash: true });
