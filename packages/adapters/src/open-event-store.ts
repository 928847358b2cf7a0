import type { EventStore } from '@civic-ledger/domain';
import { createEmbeddedEventStore } from './embedded/embedded-event-store.js';
import { embeddedDir, resolveStoreSpec } from './embedded/store-spec.js';
import { createEsdbEventStore } from './eventstoredb/esdb-event-store.js';
import { createMemoryEventStore } from './memory/memory-event-store.js';
import { createPostgresEventStore } from './postgres/postgres-event-store.js';

/**
 * Opens the store a spec names: `embedded:DIR` (PGlite on disk), `memory:`,
 * `postgres://…` / `postgresql://…`, `esdb://…` / `esdb+discover://…`. Without a spec it uses
 * `CIVIC_LEDGER_STORE`, else the embedded store in `./.civic-ledger`.
 */
export const openEventStore = async (spec?: string): Promise<EventStore> => {
  const chosen = resolveStoreSpec(spec);
  if (chosen === 'memory:' || chosen === 'memory') return createMemoryEventStore();
  if (/^postgres(ql)?:\/\//.test(chosen))
    return createPostgresEventStore({ connectionString: chosen });
  if (/^esdb(\+discover)?:\/\//.test(chosen))
    return createEsdbEventStore({ connectionString: chosen });
  if (chosen.startsWith('embedded:') || !/^[a-z][a-z0-9+.-]*:/i.test(chosen))
    return createEmbeddedEventStore({ dir: embeddedDir(chosen) });
  throw new Error(
    `unknown event store ${JSON.stringify(chosen)}: use embedded:DIR, memory:, postgres://… or esdb://…`,
  );
};
