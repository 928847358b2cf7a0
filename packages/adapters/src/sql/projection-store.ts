import type {
  CheckpointStore,
  Json,
  ReadModelKey,
  ReadModelStore,
  SavedReadModel,
} from '@civic-ledger/projections';
import { quoteSchema } from './schema.js';
import type { SqlDatabase } from './sql-database.js';

// Positions are numeric, not bigint: EventStoreDB positions (commit·2⁶⁴ + prepare) exceed int8.
const ddl = (s: string): string[] => [
  `CREATE SCHEMA IF NOT EXISTS ${s}`,
  `CREATE TABLE IF NOT EXISTS ${s}.projection_states (
    name text NOT NULL, version integer NOT NULL, position numeric NOT NULL, state jsonb NOT NULL,
    saved_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (name, version))`,
  `CREATE TABLE IF NOT EXISTS ${s}.projection_active (
    name text PRIMARY KEY, version integer NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS ${s}.consumer_checkpoints (
    name text PRIMARY KEY, position numeric NOT NULL)`,
];

const ensureSchema = async (db: SqlDatabase, schema: string): Promise<string> => {
  const s = quoteSchema(schema);
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`civic-ledger:${schema}`]);
    for (const statement of ddl(s)) await tx.query(statement);
  });
  return s;
};

/**
 * The projections' {@link ReadModelStore} over the shared SQL layer (PGlite or PostgreSQL):
 * a read model's state and its checkpoint are one row, so they are saved atomically, and
 * `projection_active` names the version that serves (the blue-green swap is one update).
 */
export const createSqlReadModelStore = async (
  db: SqlDatabase,
  options: { readonly schema?: string } = {},
): Promise<ReadModelStore> => {
  const s = await ensureSchema(db, options.schema ?? 'civic_ledger');
  return {
    load: async (key: ReadModelKey) => {
      const { rows } = await db.query<{ position: string; state: Json }>(
        `SELECT position::text AS position, state FROM ${s}.projection_states WHERE name = $1 AND version = $2`,
        [key.name, key.version],
      );
      const row = rows[0];
      return row
        ? ({
            name: key.name,
            version: key.version,
            position: BigInt(row.position),
            state: row.state,
          } satisfies SavedReadModel)
        : undefined;
    },
    save: async (model) => {
      await db.query(
        `INSERT INTO ${s}.projection_states (name, version, position, state) VALUES ($1, $2, $3::numeric, $4::jsonb)
         ON CONFLICT (name, version) DO UPDATE SET position = EXCLUDED.position, state = EXCLUDED.state, saved_at = now()`,
        [model.name, model.version, model.position.toString(), JSON.stringify(model.state)],
      );
    },
    active: async (name) => {
      const { rows } = await db.query<{ version: number }>(
        `SELECT version FROM ${s}.projection_active WHERE name = $1`,
        [name],
      );
      return rows[0]?.version;
    },
    activate: async (key) => {
      await db.query(
        `INSERT INTO ${s}.projection_active (name, version) VALUES ($1, $2)
         ON CONFLICT (name) DO UPDATE SET version = EXCLUDED.version`,
        [key.name, key.version],
      );
    },
    drop: async (key) => {
      await db.query(`DELETE FROM ${s}.projection_states WHERE name = $1 AND version = $2`, [
        key.name,
        key.version,
      ]);
    },
  };
};

/** The projections' {@link CheckpointStore} over the shared SQL layer. */
export const createSqlCheckpointStore = async (
  db: SqlDatabase,
  options: { readonly schema?: string } = {},
): Promise<CheckpointStore> => {
  const s = await ensureSchema(db, options.schema ?? 'civic_ledger');
  return {
    load: async (name) => {
      const { rows } = await db.query<{ position: string }>(
        `SELECT position::text AS position FROM ${s}.consumer_checkpoints WHERE name = $1`,
        [name],
      );
      return rows[0] ? BigInt(rows[0].position) : undefined;
    },
    save: async (name, position) => {
      await db.query(
        `INSERT INTO ${s}.consumer_checkpoints (name, position) VALUES ($1, $2::numeric)
         ON CONFLICT (name) DO UPDATE SET position = EXCLUDED.position`,
        [name, position.toString()],
      );
    },
  };
};
