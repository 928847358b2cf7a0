import {
  createFieldProtector,
  createMemoryEventStore,
  createMemoryKeyStore,
  readAllRevealed,
} from '@civic-ledger/adapters';
import { cityCommands, driveCommands } from '@civic-ledger/cli';
import { isEncryptedValue, type StoredEvent, verifyLog } from '@civic-ledger/domain';
import { personalDataCatalogue } from '@civic-ledger/projections';
import { describe, expect, it } from 'vitest';
import { json } from './cli-support.js';
import { collect, PEPPER } from './support.js';

// The simulation's fast path builds envelopes without `handleCommand`; with `protect` it
// must write what `handleCommand` with the same hook writes: the same events, ids,
// versions and metadata, the same personal fields encrypted under the same subjects' keys.
// Only the IVs (fresh per value), hence ciphertexts and hashes, differ.

const simulation = { seed: 5, days: 2, start: '2026-07-01', scale: 1 } as const;

const drive = async (via: 'fast' | 'handleCommand') => {
  const store = createMemoryEventStore();
  const keyStore = createMemoryKeyStore();
  const { protect } = createFieldProtector({
    keyStore,
    catalogue: personalDataCatalogue,
    pepper: PEPPER,
  });
  const stats = await driveCommands(store, cityCommands(simulation), { via, protect });
  const stored = await collect(store.readAll());
  const revealed = await collect(readAllRevealed(store, personalDataCatalogue, keyStore));
  await store.close();
  return { stats, stored, revealed };
};

/** An envelope without what depends on the IVs: ciphertext reduced to its key id, no hashes. */
const shape = ({ envelope }: StoredEvent) => {
  const { hash: _h, prevHash: _p, data, ...rest } = envelope;
  return {
    ...rest,
    data: JSON.parse(
      JSON.stringify(data, (_k, v) => (isEncryptedValue(v) ? { $enc: v.kid } : v)),
    ) as unknown,
  };
};

describe('X-06 the simulation writes personal data through the protector on both paths', () => {
  it('X-06 fast path and handleCommand write the same protected events', async () => {
    const fast = await drive('fast');
    const handled = await drive('handleCommand');
    expect(fast.stats.events).toBeGreaterThan(100);
    expect(fast.stats.rejected).toEqual({});
    expect(fast.stats.events).toBe(handled.stats.events);
    expect(fast.stored.map(shape)).toEqual(handled.stored.map(shape));
    expect(fast.revealed.map((e) => e.envelope.data)).toEqual(
      handled.revealed.map((e) => e.envelope.data),
    );
    // Personal fields are stored as ciphertext only, and the chains hold.
    const encrypted = json(fast.stored).match(/"\$enc":"v1"/g)?.length ?? 0;
    expect(encrypted).toBeGreaterThan(50);
    const received = fast.revealed.find((e) => e.envelope.type === 'TicketReceived');
    const data = received?.envelope.data as { applicant?: { name?: string } } | undefined;
    const name = data?.applicant?.name;
    expect(name).toMatch(/^\p{Script=Han}{2,4}$/u);
    expect(json(fast.stored)).not.toContain(`"${name}"`);
    expect(await verifyLog(fast.stored)).toMatchObject({ ok: true });
    expect(await verifyLog(handled.stored)).toMatchObject({ ok: true });
  });
});
