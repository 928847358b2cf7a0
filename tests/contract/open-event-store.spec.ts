import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEventStore, resolveStoreSpec, STORE_ENV_VAR } from '@civic-ledger/adapters';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { collect, writer } from './envelopes.js';

const connectionString = inject('pgConnectionString');

describe('openEventStore', () => {
  const saved = process.env[STORE_ENV_VAR];
  afterEach(() => {
    if (saved === undefined) delete process.env[STORE_ENV_VAR];
    else process.env[STORE_ENV_VAR] = saved;
  });

  it('defaults to the embedded store in ./.civic-ledger, or to what CIVIC_LEDGER_STORE names', () => {
    delete process.env[STORE_ENV_VAR];
    expect(resolveStoreSpec()).toBe('embedded:./.civic-ledger');
    process.env[STORE_ENV_VAR] = 'postgres://db/ledger';
    expect(resolveStoreSpec()).toBe('postgres://db/ledger');
    expect(resolveStoreSpec('memory:')).toBe('memory:');
  });

  it('opens memory: and refuses what it does not know', async () => {
    process.env[STORE_ENV_VAR] = 'memory:';
    const store = await openEventStore();
    await writer(store, 'ticket-m').append(1);
    expect(await store.streamVersion('ticket-m')).toBe(1);
    await store.close();
    await expect(openEventStore('mysql://nope')).rejects.toThrow(/unknown event store/);
  });

  it('opens the embedded store from CIVIC_LEDGER_STORE (a bare directory)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'civic-ledger-open-'));
    process.env[STORE_ENV_VAR] = dir;
    const store = await openEventStore();
    try {
      await writer(store, 'ticket-e').append(2);
      expect(await collect(store.readAll())).toHaveLength(2);
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!connectionString)('[postgres] opens postgresql:// URLs', async () => {
    const store = await openEventStore(connectionString);
    try {
      const w = writer(store, `ticket-open-${process.pid}-${Date.now()}`);
      expect((await w.append(1)).result.nextVersion).toBe(1);
    } finally {
      await store.close();
    }
  });
});
