import { pgDatabase, pgliteDatabase, type SqlDatabase } from '@civic-ledger/adapters';
import { openPgPool, PGlite } from '@civic-ledger/adapters/testing';
import { afterAll, beforeAll, inject, it } from 'vitest';

/** A database the SQL store runs on in these tests, and why it is skipped when it is. */
export interface SqlBackend {
  readonly name: 'embedded' | 'postgres';
  readonly skip?: string;
  /** The database (one in-process PGlite, or a pool on the test server) — schemas keep tests apart. */
  readonly db: () => SqlDatabase;
}

/**
 * The two databases the SQL store supports: an in-process PGlite and the real PostgreSQL
 * server the test setup started (skipped, saying why, when there is none). Call at the top
 * level of a spec file: it opens them before the file's tests and closes them after.
 */
export const sqlBackends = (): readonly SqlBackend[] => {
  const connectionString = inject('pgConnectionString');
  const pool = connectionString ? openPgPool(connectionString, 4) : undefined;
  let pglite: PGlite | undefined;
  beforeAll(async () => {
    pglite = await PGlite.create();
  });
  afterAll(async () => {
    await pglite?.close();
    await pool?.end();
  });
  return [
    { name: 'embedded', db: () => pgliteDatabase(pglite!, false) },
    {
      name: 'postgres',
      ...(connectionString ? {} : { skip: `no PostgreSQL server (${inject('pgUnavailable')})` }),
      db: () => pgDatabase(pool!, false),
    },
  ];
};

/** `it`, named for the backend, skipped (saying why) when the backend is not there. */
export const backendTest =
  (backend: SqlBackend) =>
  (title: string, body: () => Promise<void>): void =>
    it.skipIf(backend.skip !== undefined)(
      `[${backend.name}] ${title}${backend.skip ? ` — skipped: ${backend.skip}` : ''}`,
      body,
    );
