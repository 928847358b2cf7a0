import type { DataSubjectKeyStore, KeyLookup, SubjectKey } from '@civic-ledger/domain';
import { quoteSchema } from '../sql/schema.js';
import type { SqlDatabase } from '../sql/sql-database.js';
import { newSubjectKey } from './aes-gcm.js';
import { subjectKeyId } from './memory-key-store.js';

export interface SqlKeyStoreOptions {
  /**
   * PostgreSQL schema of the key tables; default `civic_ledger_keys`. Best kept in another
   * database than the events, so that one leaked dump never holds both (docs/security.md).
   */
  readonly schema?: string;
  /**
   * What runs after an erasure so that the destroyed key leaves the table files, not only
   * the visible rows: `full` (default; `VACUUM FULL` rewrites the small key table), `plain`
   * (`VACUUM`: frees the old row versions, cheaper) or `none` (the operator vacuums).
   */
  readonly vacuum?: 'full' | 'plain' | 'none';
}

const ddl = (s: string): readonly string[] => [
  `CREATE SCHEMA IF NOT EXISTS ${s}`,
  `CREATE TABLE IF NOT EXISTS ${s}.subject_keys (
     kid text PRIMARY KEY,
     subject_id text NOT NULL,
     generation integer NOT NULL,
     key bytea,
     UNIQUE (subject_id, generation)
   )`,
  `CREATE TABLE IF NOT EXISTS ${s}.stream_subjects (
     stream_id text PRIMARY KEY,
     subject_id text NOT NULL
   )`,
];

const bytes = (value: unknown): Uint8Array =>
  value instanceof Uint8Array ? new Uint8Array(value) : new Uint8Array(0);

/**
 * A {@link DataSubjectKeyStore} in PostgreSQL or embedded PGlite (X-06 crypto-shredding).
 * Erasing sets the key column to NULL (the row stays as a tombstone, so readers can tell
 * "erased" from "unknown") and then vacuums the table so the old row version is gone too.
 */
export const createSqlKeyStore = async (
  db: SqlDatabase,
  options: SqlKeyStoreOptions = {},
): Promise<DataSubjectKeyStore> => {
  const schema = options.schema ?? 'civic_ledger_keys';
  const s = quoteSchema(schema);
  const vacuum = options.vacuum ?? 'full';
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`civic-ledger-keys:${schema}`]);
    for (const statement of ddl(s)) await tx.query(statement);
  });

  const current = async (subjectId: string): Promise<SubjectKey | undefined> => {
    const { rows } = await db.query<{ kid: string; key: unknown }>(
      `SELECT kid, key FROM ${s}.subject_keys WHERE subject_id = $1 AND key IS NOT NULL
       ORDER BY generation DESC LIMIT 1`,
      [subjectId],
    );
    const row = rows[0];
    return row ? { kid: row.kid, subjectId, key: bytes(row.key) } : undefined;
  };

  return {
    activeKey: async (subjectId) => {
      const found = await current(subjectId);
      if (found) return found;
      return db.transaction(async (tx) => {
        // One creator per subject: racing writers wait here and then find the new key.
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
          `civic-ledger-key:${subjectId}`,
        ]);
        const { rows } = await tx.query<{ kid: string; key: unknown; generation: number }>(
          `SELECT kid, key, generation FROM ${s}.subject_keys WHERE subject_id = $1
           ORDER BY generation DESC LIMIT 1`,
          [subjectId],
        );
        const last = rows[0];
        if (last && last.key !== null) return { kid: last.kid, subjectId, key: bytes(last.key) };
        const generation = (last?.generation ?? 0) + 1;
        const created = {
          kid: subjectKeyId(subjectId, generation),
          subjectId,
          key: newSubjectKey(),
        };
        await tx.query(
          `INSERT INTO ${s}.subject_keys (kid, subject_id, generation, key) VALUES ($1, $2, $3, $4)`,
          [created.kid, subjectId, generation, created.key],
        );
        return created;
      });
    },
    lookup: async (kid): Promise<KeyLookup> => {
      const { rows } = await db.query<{ key: unknown }>(
        `SELECT key FROM ${s}.subject_keys WHERE kid = $1`,
        [kid],
      );
      const row = rows[0];
      if (!row) return { state: 'unknown' };
      return row.key === null ? { state: 'erased' } : { state: 'active', key: bytes(row.key) };
    },
    erase: async (subjectId) => {
      const { rows } = await db.query<{ kid: string }>(
        `UPDATE ${s}.subject_keys SET key = NULL WHERE subject_id = $1 AND key IS NOT NULL
         RETURNING kid`,
        [subjectId],
      );
      if (rows.length > 0 && vacuum !== 'none')
        await db.query(`VACUUM ${vacuum === 'full' ? 'FULL ' : ''}${s}.subject_keys`);
      return rows.length;
    },
    subjectOfStream: async (streamId) => {
      const { rows } = await db.query<{ subject_id: string }>(
        `SELECT subject_id FROM ${s}.stream_subjects WHERE stream_id = $1`,
        [streamId],
      );
      return rows[0]?.subject_id;
    },
    bindStream: async (streamId, subjectId) => {
      const { rows } = await db.query<{ subject_id: string }>(
        `INSERT INTO ${s}.stream_subjects (stream_id, subject_id) VALUES ($1, $2)
         ON CONFLICT (stream_id) DO UPDATE SET stream_id = EXCLUDED.stream_id
         RETURNING subject_id`,
        [streamId, subjectId],
      );
      return rows[0]?.subject_id ?? subjectId;
    },
  };
};
