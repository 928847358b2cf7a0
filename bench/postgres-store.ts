import { createPostgresEventStore, type SqlEventStore } from '@civic-ledger/adapters';
import { startPostgresServer } from '../tests/support/postgres-server.js';

/**
 * A durable PostgreSQL server of its own (fsync on, as Debian ships it) and a store on it,
 * both stopped when `body` ends: every PostgreSQL scenario starts from an empty database.
 */
export const withPostgresStore = async <T>(
  body: (store: SqlEventStore) => Promise<T>,
  options: { readonly maxConnections?: number } = {},
): Promise<T> => {
  const server = await startPostgresServer({ durable: true });
  try {
    const store = await createPostgresEventStore({
      connectionString: server.connectionString,
      ...options,
    });
    try {
      return await body(store);
    } finally {
      await store.close();
    }
  } finally {
    await server.stop();
  }
};
