import { createMemoryEventStore } from '@civic-ledger/adapters';
import { GENESIS_HASH, seal, VersionConflictError } from '@civic-ledger/domain';
import { describe, expect, test } from 'vitest';
import { envelopes } from './envelopes.js';
import { eventStoreContract } from './event-store-contract.js';

eventStoreContract('memory', async () => createMemoryEventStore(), { keepsLogHash: true });

describe('memory store: event ids are unique across the log (X-07)', () => {
  test('given an event stored in one stream, when a batch for another stream repeats its id after a new one, then the batch is refused and nothing is written', async () => {
    const store = createMemoryEventStore();
    const stored = envelopes('ticket-a', { version: 0, hash: GENESIS_HASH }, 2);
    await store.append('ticket-a', 0, stored);

    const [fresh] = envelopes('ticket-b', { version: 0, hash: GENESIS_HASH }, 1);
    const { hash: _, ...copied } = {
      ...stored[1]!,
      streamId: 'ticket-b',
      streamVersion: 2,
      prevHash: fresh!.hash,
    };
    const batch = [fresh!, seal(copied)];

    await expect(store.append('ticket-b', 0, batch)).rejects.toBeInstanceOf(VersionConflictError);
    expect(await store.headPosition()).toBe(2n);
  });
});
