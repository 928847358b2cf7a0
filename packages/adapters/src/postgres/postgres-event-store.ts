import pg from 'pg';
import {
  createSqlEventStore,
  type SqlEventStore,
  type SqlEventStoreOptions,
} from '../sql/sql-event-store.js';
import { PREPARED_SESSION_OPTIONS, pgDatabase } from './pg-database.js';

export interface PostgresEventStoreOptions extends SqlEventStoreOptions {
  /** `postgres://user:pass@host:port/db`; ignored when `pool` is given. */
  readonly connectionString?: string;
  /** Pool size when the store creates the pool; default 10. */
  readonly maxConnections?: number;
  /** An existing pool (not ended by `close`). */
  readonly pool?: pg.Pool;
}

/**
 * The {@link EventStore} on a PostgreSQL server via `pg`: the same schema and code path as
 * the embedded store, with LISTEN/NOTIFY waking subscriptions across processes.
 */
export const createPostgresEventStore = async (
  options: PostgresEventStoreOptions,
): Promise<SqlEventStore> => {
  const owned = !options.pool;
  const pool =
    options.pool ??
    new pg.Pool({
      ...(options.connectionString === undefined
        ? {}
        : { connectionString: options.connectionString }),
      max: options.maxConnections ?? 10,
      options: PREPARED_SESSION_OPTIONS,
    });
  try {
    return await createSqlEventStore(pgDatabase(pool, owned, { prepare: owned }), options);
  } catch (error) {
    if (owned) await pool.end();
    throw error;
  }
};
