import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import {
  createSqlEventStore,
  type SqlEventStore,
  type SqlEventStoreOptions,
} from '../sql/sql-event-store.js';
import { pgliteDatabase } from './pglite-database.js';
import { DEFAULT_EMBEDDED_DIR, embeddedDir, STORE_ENV_VAR } from './store-spec.js';

export interface EmbeddedEventStoreOptions extends SqlEventStoreOptions {
  /**
   * Data directory. Default: the directory named by `CIVIC_LEDGER_STORE` when that holds an
   * embedded spec (`embedded:DIR` or a path), else `./.civic-ledger`. `memory://` keeps it in RAM.
   */
  readonly dir?: string;
  /** An already open PGlite instance to use instead (not closed by the store). */
  readonly db?: PGlite;
}

const defaultDir = (): string => {
  const fromEnv = process.env[STORE_ENV_VAR]?.trim();
  // Only an embedded spec or a bare path names a directory; a URL is for another adapter.
  if (fromEnv && (fromEnv.startsWith('embedded:') || !/^[a-z][a-z0-9+.-]*:/i.test(fromEnv)))
    return embeddedDir(fromEnv);
  return DEFAULT_EMBEDDED_DIR;
};

/**
 * The default store: PostgreSQL in process (PGlite) persisted in a directory, sharing the
 * schema and code path of the PostgreSQL adapter. One process at a time may open a directory.
 */
export const createEmbeddedEventStore = async (
  options: EmbeddedEventStoreOptions = {},
): Promise<SqlEventStore> => {
  if (options.db) return createSqlEventStore(pgliteDatabase(options.db, false), options);
  const dir = options.dir ?? defaultDir();
  let dataDir = dir;
  if (!dir.startsWith('memory://')) {
    dataDir = resolve(dir);
    await mkdir(dataDir, { recursive: true });
  }
  const db = await PGlite.create(dataDir);
  try {
    return await createSqlEventStore(pgliteDatabase(db, true), options);
  } catch (error) {
    await db.close();
    throw error;
  }
};
