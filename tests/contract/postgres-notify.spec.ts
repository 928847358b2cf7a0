import { createPostgresEventStore } from '@civic-ledger/adapters';
import type { StoredEvent } from '@civic-ledger/domain';
import { describe, expect, inject, it } from 'vitest';
import { writer } from './envelopes.js';

const connectionString = inject('pgConnectionString');
const skip = connectionString ? undefined : `no PostgreSQL server (${inject('pgUnavailable')})`;

describe('[postgres] LISTEN/NOTIFY', () => {
  it.skipIf(skip !== undefined)(
    `[postgres] a subscription in another process is woken by NOTIFY, not by its poll${skip ? ` — skipped: ${skip}` : ''}`,
    async () => {
      const schema = `notify_${process.pid}`;
      const writing = await createPostgresEventStore({ connectionString, schema });
      // A poll interval far beyond the test timeout: only a notification can deliver in time.
      const reading = await createPostgresEventStore({
        connectionString,
        schema,
        pollIntervalMs: 3_600_000,
      });
      try {
        const seen: StoredEvent[] = [];
        let delivered!: () => void;
        const done = new Promise<void>((resolve) => {
          delivered = resolve;
        });
        const sub = reading.subscribe((e) => {
          seen.push(e);
          if (seen.length === 2) delivered();
        });
        await sub.caughtUp;
        await writer(writing, 'ticket-notify').append(2);
        await done;
        await sub.close();
        expect(seen.map((e) => e.envelope.streamVersion)).toEqual([1, 2]);
      } finally {
        await writing.close();
        await reading.close();
      }
    },
  );
});
