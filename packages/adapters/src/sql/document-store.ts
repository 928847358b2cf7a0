import { quoteSchema } from './schema.js';
import type { SqlDatabase, SqlQueryable } from './sql-database.js';

/** A projection's identity: its name and the version of its fold (a new version rebuilds). */
export interface ProjectionId {
  readonly name: string;
  readonly version: number;
}

/** Where a document-store projection stopped: the position of the last event it applied. */
export interface DocumentCheckpoints {
  /** The stored checkpoint, or undefined when the projection never ran. */
  load(projection: ProjectionId): Promise<bigint | undefined>;
  /** Moves the checkpoint forward (never back). */
  save(projection: ProjectionId, position: bigint): Promise<void>;
}

/** The read-model documents one update can touch. */
export interface DocumentTx {
  get<D>(key: string): Promise<D | undefined>;
  put(key: string, doc: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}

/**
 * Read models stored as JSON documents by key, updated together with their checkpoint —
 * for read models too large to hold as one state (per-entity dossiers). Whole-state read
 * models use the projections' `ReadModelStore` port (`createSqlReadModelStore`).
 */
export interface DocumentStore extends DocumentCheckpoints {
  /**
   * Runs `change` and moves the checkpoint to `position` in one transaction. Returns false
   * (and changes nothing) when the checkpoint is already at or past `position`, so an event
   * delivered twice is applied once.
   */
  update(
    projection: ProjectionId,
    position: bigint,
    change: (tx: DocumentTx) => Promise<void>,
  ): Promise<boolean>;
  get<D>(projection: ProjectionId, key: string): Promise<D | undefined>;
  /** Every document of a projection, by key order, paged. */
  list<D>(projection: ProjectionId): AsyncIterable<{ readonly key: string; readonly doc: D }>;
  /** Drops a projection's documents and checkpoint (before a rebuild). */
  reset(projection: ProjectionId): Promise<void>;
}

// Checkpoints are numeric, not bigint: EventStoreDB positions (commit·2⁶⁴ + prepare) exceed int8.
const ddl = (s: string): string[] => [
  `CREATE SCHEMA IF NOT EXISTS ${s}`,
  `CREATE TABLE IF NOT EXISTS ${s}.read_models (
    name text NOT NULL, version integer NOT NULL, key text NOT NULL, doc jsonb NOT NULL,
    PRIMARY KEY (name, version, key))`,
  `CREATE TABLE IF NOT EXISTS ${s}.checkpoints (
    name text NOT NULL, version integer NOT NULL, position numeric NOT NULL,
    PRIMARY KEY (name, version))`,
];

class StaleCheckpoint extends Error {}

/**
 * {@link DocumentStore} over the shared SQL layer (PGlite or PostgreSQL): tables
 * `read_models(name, version, key, doc jsonb)` and `checkpoints(name, version, position)`.
 */
export const createSqlDocumentStore = async (
  db: SqlDatabase,
  options: { readonly schema?: string; readonly pageSize?: number } = {},
): Promise<DocumentStore> => {
  const schema = options.schema ?? 'civic_ledger';
  const s = quoteSchema(schema);
  const pageSize = options.pageSize ?? 500;
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`civic-ledger:${schema}`]);
    for (const statement of ddl(s)) await tx.query(statement);
  });

  const getDoc = async <D>(q: SqlQueryable, p: ProjectionId, key: string) => {
    const { rows } = await q.query<{ doc: D }>(
      `SELECT doc FROM ${s}.read_models WHERE name = $1 AND version = $2 AND key = $3`,
      [p.name, p.version, key],
    );
    return rows[0]?.doc;
  };

  /** Moves the checkpoint forward inside `tx`; false when it is already at or past `position`. */
  const advance = async (q: SqlQueryable, p: ProjectionId, position: bigint) => {
    const { rows } = await q.query<{ position: string }>(
      `INSERT INTO ${s}.checkpoints (name, version, position) VALUES ($1, $2, $3::numeric)
       ON CONFLICT (name, version) DO UPDATE SET position = EXCLUDED.position
       WHERE ${s}.checkpoints.position < EXCLUDED.position
       RETURNING position::text AS position`,
      [p.name, p.version, position.toString()],
    );
    return rows.length > 0;
  };

  const load = async (p: ProjectionId) => {
    const { rows } = await db.query<{ position: string }>(
      `SELECT position::text AS position FROM ${s}.checkpoints WHERE name = $1 AND version = $2`,
      [p.name, p.version],
    );
    return rows[0] ? BigInt(rows[0].position) : undefined;
  };

  async function* list<D>(p: ProjectionId) {
    let after = '';
    for (;;) {
      const { rows } = await db.query<{ key: string; doc: D }>(
        `SELECT key, doc FROM ${s}.read_models WHERE name = $1 AND version = $2 AND key > $3
         ORDER BY key LIMIT $4`,
        [p.name, p.version, after, pageSize],
      );
      for (const row of rows) yield row;
      const last = rows[rows.length - 1];
      if (!last || rows.length < pageSize) return;
      after = last.key;
    }
  }

  return {
    load,
    save: async (p, position) => {
      await advance(db, p, position);
    },
    update: async (p, position, change) => {
      try {
        await db.transaction(async (tx) => {
          // Checkpoint first: it takes the row lock that makes concurrent runners take turns.
          if (!(await advance(tx, p, position))) throw new StaleCheckpoint();
          await change({
            get: (key) => getDoc(tx, p, key),
            put: async (key, doc) => {
              await tx.query(
                `INSERT INTO ${s}.read_models (name, version, key, doc) VALUES ($1, $2, $3, $4::jsonb)
                 ON CONFLICT (name, version, key) DO UPDATE SET doc = EXCLUDED.doc`,
                [p.name, p.version, key, JSON.stringify(doc)],
              );
            },
            delete: async (key) => {
              await tx.query(
                `DELETE FROM ${s}.read_models WHERE name = $1 AND version = $2 AND key = $3`,
                [p.name, p.version, key],
              );
            },
          });
        });
        return true;
      } catch (error) {
        if (error instanceof StaleCheckpoint) return false;
        throw error;
      }
    },
    get: (p, key) => getDoc(db, p, key),
    list,
    reset: async (p) => {
      await db.transaction(async (tx) => {
        await tx.query(`DELETE FROM ${s}.read_models WHERE name = $1 AND version = $2`, [
          p.name,
          p.version,
        ]);
        await tx.query(`DELETE FROM ${s}.checkpoints WHERE name = $1 AND version = $2`, [
          p.name,
          p.version,
        ]);
      });
    },
  };
};
