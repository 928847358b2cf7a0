import { GENESIS_HASH } from '@civic-ledger/domain';
import type { SqlDatabase } from './sql-database.js';

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** A PostgreSQL schema name, validated so that it can be spliced into SQL text. */
export const quoteSchema = (schema: string): string => {
  if (!IDENTIFIER.test(schema)) throw new Error(`invalid schema name ${JSON.stringify(schema)}`);
  return `"${schema}"`;
};

/** The LISTEN/NOTIFY channel of one schema's log. */
export const notifyChannel = (schema: string): string => `civic_ledger_${schema}`;

/**
 * The event log. `log_head` is a single row that every append locks (`FOR UPDATE`): it
 * serialises position assignment, so positions become visible in commit order and a reader
 * paging by position can never skip an event committed late (the sequence-gap pitfall), and
 * it carries the global `log_hash` chain. Times are stored as text because the envelope hash
 * is taken over their exact original spelling.
 */
const eventLogDdl = (s: string): string => `
CREATE SCHEMA IF NOT EXISTS ${s};
CREATE TABLE IF NOT EXISTS ${s}.log_head (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  position bigint NOT NULL,
  log_hash text NOT NULL
);
INSERT INTO ${s}.log_head (singleton, position, log_hash)
  VALUES (true, 0, '${GENESIS_HASH}') ON CONFLICT (singleton) DO NOTHING;
CREATE TABLE IF NOT EXISTS ${s}.events (
  position bigint PRIMARY KEY,
  event_id text NOT NULL UNIQUE,
  stream_id text NOT NULL,
  stream_version integer NOT NULL CHECK (stream_version > 0),
  type text NOT NULL,
  schema_version integer NOT NULL,
  occurred_at text NOT NULL,
  recorded_at text NOT NULL,
  actor jsonb NOT NULL,
  command_id text NOT NULL,
  causation_id text NOT NULL,
  correlation_id text NOT NULL,
  data jsonb NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  log_hash text NOT NULL,
  UNIQUE (stream_id, stream_version)
);
CREATE INDEX IF NOT EXISTS events_type_position ON ${s}.events (type, position);
`;

/**
 * Creates the event log tables if missing. DDL runs under a transaction-scoped advisory lock
 * because concurrent `CREATE TABLE IF NOT EXISTS` can still collide in the catalogue.
 */
export const ensureEventLogSchema = async (db: SqlDatabase, schema: string): Promise<void> => {
  const s = quoteSchema(schema);
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`civic-ledger:${schema}`]);
    for (const statement of eventLogDdl(s).split(';\n')) {
      if (statement.trim()) await tx.query(statement);
    }
  });
};
