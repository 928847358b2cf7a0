import pg from 'pg';

/** A `pg` pool for tests that need SQL beside the store (the tests folder cannot import `pg`). */
export const openPgPool = (connectionString: string, max = 4): pg.Pool => {
  const pool = new pg.Pool({ connectionString, max });
  pool.on('error', () => {});
  return pool;
};

export type PgPool = pg.Pool;
export type PgPoolClient = pg.PoolClient;
