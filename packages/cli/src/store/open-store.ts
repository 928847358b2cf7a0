import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  createEmbeddedEventStore,
  createMemoryEventStore,
  createMemoryKeyStore,
  createPostgresEventStore,
  createSqlKeyStore,
  embeddedDir,
  openEventStore,
  pgDatabase,
  pgliteDatabase,
  type SqlDatabase,
} from '@civic-ledger/adapters';
import type { DataSubjectKeyStore, EventStore } from '@civic-ledger/domain';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { failure } from '../cli-error.js';

/** Where the store lives when neither `--store` nor `CIVIC_LEDGER_STORE` says. */
export const DEFAULT_STORE = 'embedded:./.civic-ledger/';

/** The store spec in effect: the option, then the environment, then the default. */
export const storeSpec = (option?: string): string =>
  option ?? process.env.CIVIC_LEDGER_STORE ?? DEFAULT_STORE;

/** PostgreSQL schema of the CLI's key tables, next to the events' `civic_ledger`. */
export const KEY_SCHEMA = 'civic_ledger_keys';

/**
 * An event store and, opened on first use, the data-subject key store beside it: the
 * SQL key store in the same embedded or PostgreSQL database, the memory key store for
 * `memory:`. Readers that never meet personal data never create the key tables.
 */
export interface OpenStores {
  readonly store: EventStore;
  keys(): Promise<DataSubjectKeyStore>;
  close(): Promise<void>;
}

const why = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';

const cannotOpen = (spec: string, error: unknown) =>
  failure(`无法打开存储 ${spec}：${why(error)}`, `cannot open store ${spec}: ${why(error)}`);

/** Opens the SQL key store on `db` once, when first asked for. */
const lazySqlKeys = (db: SqlDatabase): (() => Promise<DataSubjectKeyStore>) => {
  let keys: Promise<DataSubjectKeyStore> | undefined;
  return () => {
    keys ??= createSqlKeyStore(db, { schema: KEY_SCHEMA });
    return keys;
  };
};

const isEmbedded = (spec: string): boolean =>
  spec.startsWith('embedded:') || !/^[a-z][a-z0-9+.-]*:/i.test(spec);

const openEmbedded = async (spec: string): Promise<OpenStores> => {
  const dir = embeddedDir(spec);
  let dataDir = dir;
  if (!dir.startsWith('memory://')) {
    dataDir = resolve(dir);
    await mkdir(dataDir, { recursive: true });
  }
  const pglite = await PGlite.create(dataDir);
  try {
    const store = await createEmbeddedEventStore({ db: pglite });
    return {
      store,
      keys: lazySqlKeys(pgliteDatabase(pglite, false)),
      close: async () => {
        try {
          await store.close();
        } finally {
          if (!pglite.closed) await pglite.close();
        }
      },
    };
  } catch (error) {
    await pglite.close();
    throw error;
  }
};

const openPostgres = async (spec: string): Promise<OpenStores> => {
  const pool = new pg.Pool({ connectionString: spec, max: 10 });
  try {
    const store = await createPostgresEventStore({ pool });
    return {
      store,
      keys: lazySqlKeys(pgDatabase(pool, false)),
      close: async () => {
        try {
          await store.close();
        } finally {
          await pool.end();
        }
      },
    };
  } catch (error) {
    await pool.end();
    throw error;
  }
};

/**
 * Opens the stores a spec names: `embedded:DIR`, `memory:`, `postgres://…`, `esdb://…`.
 * EventStoreDB holds no key tables: commands that need keys refuse there (docs/security.md).
 */
export const openStores = async (spec: string): Promise<OpenStores> => {
  try {
    if (spec === 'memory:' || spec === 'memory') {
      const store = createMemoryEventStore();
      const keys = createMemoryKeyStore();
      return { store, keys: async () => keys, close: () => store.close() };
    }
    if (/^postgres(ql)?:\/\//.test(spec)) return await openPostgres(spec);
    if (isEmbedded(spec)) return await openEmbedded(spec);
    const store = await openEventStore(spec);
    return {
      store,
      keys: () =>
        Promise.reject(
          failure(
            `存储 ${spec} 不能保存数据主体密钥；个人数据加密需要 embedded: 或 postgres:// 存储`,
            `store ${spec} cannot hold data-subject keys; protected personal data needs an embedded: or postgres:// store`,
          ),
        ),
      close: () => store.close(),
    };
  } catch (error) {
    throw cannotOpen(spec, error);
  }
};

/** Opens the event store a spec names: `embedded:DIR`, `memory:`, `postgres://…`, `esdb://…`. */
export const openStore = async (spec: string): Promise<EventStore> => {
  try {
    return await openEventStore(spec);
  } catch (error) {
    throw cannotOpen(spec, error);
  }
};
