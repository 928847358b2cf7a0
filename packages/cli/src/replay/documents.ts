import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  createSqlDocumentStore,
  pgDatabase,
  pgliteDatabase,
  quoteSchema,
  type SqlDatabase,
} from '@civic-ledger/adapters';
import type { EntityDocuments, Json, ReadModelKey } from '@civic-ledger/projections';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

const SCHEMA = 'civic_ledger';

/**
 * {@link EntityDocuments} over the SQL document store of `@civic-ledger/adapters` (its
 * `read_models` table): reads and resets go through `createSqlDocumentStore`; a batch is
 * written with one multi-row upsert (the store's `update` writes a row per statement, some
 * thirty times slower for the tens of thousands of case files a replay evicts), and the
 * documents a window of events will touch are read back with one query.
 */
export const sqlEntityDocuments = async (db: SqlDatabase): Promise<EntityDocuments> => {
  const store = await createSqlDocumentStore(db, { schema: SCHEMA });
  const table = `${quoteSchema(SCHEMA)}.read_models`;
  return {
    putMany: async (model, docs) => {
      if (docs.length === 0) return;
      await db.query(
        `INSERT INTO ${table} (name, version, key, doc)
         SELECT $1, $2, k, d::jsonb FROM unnest($3::text[], $4::text[]) AS u(k, d)
         ON CONFLICT (name, version, key) DO UPDATE SET doc = EXCLUDED.doc`,
        [model.name, model.version, docs.map((d) => d.key), docs.map((d) => JSON.stringify(d.doc))],
      );
    },
    get: (model, key) => store.get<Json>(model, key),
    getMany: async (model, keys) => {
      const { rows } = await db.query<{ key: string; doc: Json }>(
        `SELECT key, doc FROM ${table} WHERE name = $1 AND version = $2 AND key = ANY($3::text[])`,
        [model.name, model.version, keys],
      );
      return new Map(rows.map((r) => [r.key, r.doc]));
    },
    reset: (model) => store.reset(model),
  };
};

/** Documents of per-entity read models, and how to let go of them. */
export interface OpenedDocuments {
  readonly documents: EntityDocuments;
  close(): Promise<void>;
}

const openDatabase = async (
  spec: string | undefined,
): Promise<{ db: SqlDatabase; cleanup: () => void }> => {
  if (spec && /^postgres(ql)?:\/\//.test(spec)) {
    const pool = new pg.Pool({ connectionString: spec, max: 1 });
    return { db: pgDatabase(pool, true), cleanup: () => {} };
  }
  const path = spec ? resolve(spec) : mkdtempSync(join(tmpdir(), 'civic-ledger-replay-'));
  mkdirSync(path, { recursive: true });
  const cleanup = () => {
    if (!spec) rmSync(path, { recursive: true, force: true });
  };
  try {
    return { db: pgliteDatabase(await PGlite.create(path), true), cleanup };
  } catch (error) {
    cleanup();
    throw error;
  }
};

/**
 * The document store of a replay: PostgreSQL (`postgres://…`), an embedded (PGlite)
 * database in a directory, or — without a spec — a temporary embedded one removed on close.
 * Opened on the first write: a replay whose working set fits in memory never starts a
 * database (resets asked for before then are done on opening; reads find nothing, as nothing
 * of this build was written yet).
 */
export const openReplayDocuments = (spec?: string): OpenedDocuments => {
  let opened: Promise<{ db: SqlDatabase; cleanup: () => void; docs: EntityDocuments }> | undefined;
  const resets = new Map<string, ReadModelKey>();
  const open = () =>
    (opened ??= (async () => {
      const { db, cleanup } = await openDatabase(spec);
      try {
        const docs = await sqlEntityDocuments(db);
        for (const model of resets.values()) await docs.reset(model);
        return { db, cleanup, docs };
      } catch (error) {
        await db.close();
        cleanup();
        throw error;
      }
    })());
  const documents: EntityDocuments = {
    putMany: async (model, docs) => (await open()).docs.putMany(model, docs),
    get: async (model, key) => (opened ? (await opened).docs.get(model, key) : undefined),
    getMany: async (model, keys) => {
      const docs = opened ? (await opened).docs : undefined;
      return docs?.getMany ? docs.getMany(model, keys) : new Map();
    },
    reset: async (model) => {
      if (opened) await (await opened).docs.reset(model);
      else resets.set(`${model.name}@${model.version}`, model);
    },
  };
  return {
    documents,
    close: async () => {
      if (!opened) return;
      const { db, cleanup } = await opened;
      await db.close();
      cleanup();
    },
  };
};
