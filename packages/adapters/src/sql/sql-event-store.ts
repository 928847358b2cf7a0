import {
  type AppendResult,
  type EventEnvelope,
  type EventFilter,
  type EventStore,
  type ExpectedVersion,
  expectedVersionHolds,
  nextLogHash,
  type ReadAllOptions,
  type ReadStreamOptions,
  type StoredEvent,
  type SubscribeOptions,
  type Subscription,
  VersionConflictError,
} from '@civic-ledger/domain';
import {
  EVENT_COLUMNS,
  type EventRow,
  fromRow,
  INSERT_COLUMNS,
  insertPlaceholders,
  toInsertValues,
} from './event-rows.js';
import { pollingSubscription } from './polling-subscription.js';
import { ensureEventLogSchema, notifyChannel, quoteSchema } from './schema.js';
import type { SqlDatabase, SqlQueryable } from './sql-database.js';
import { createWakeup } from './wakeup.js';

/**
 * Fault-injection seams for tests: called inside the append transaction, so a test can hold
 * the transaction open (`pg_sleep`) or cut the connection half-way through a batch.
 */
export interface AppendProbe {
  /** After each multi-row INSERT of a batch (chunks are numbered from 0). */
  readonly afterInsertChunk?: (tx: SqlQueryable, chunk: number) => Promise<void>;
  /** After the log head moved, just before COMMIT. */
  readonly beforeCommit?: (tx: SqlQueryable) => Promise<void>;
}

export interface SqlEventStoreOptions {
  /** PostgreSQL schema holding the tables; default `civic_ledger`. */
  readonly schema?: string;
  /** Rows per read page and per subscription poll; default 500. */
  readonly pageSize?: number;
  /** Rows per multi-row INSERT; default 500 (16 parameters a row, far below the 65 535 limit). */
  readonly insertChunkSize?: number;
  /** Subscriptions poll at least this often even without a notification; default 1000 ms. */
  readonly pollIntervalMs?: number;
  readonly probe?: AppendProbe;
}

const UNIQUE_VIOLATION = '23505';

const isUniqueViolation = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && 'code' in error && error.code === UNIQUE_VIOLATION;

/** Escapes LIKE wildcards so that a stream prefix matches literally. */
const likePrefix = (prefix: string): string => `${prefix.replace(/[\\%_]/g, '\\$&')}%`;

/** `WHERE` clauses and parameters for a filter; parameters are numbered after `offset`. */
const filterSql = (filter: EventFilter | undefined, offset: number) => {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (filter?.types) {
    params.push([...filter.types]);
    clauses.push(`type = ANY($${offset + params.length}::text[])`);
  }
  if (filter?.streamPrefixes) {
    params.push(filter.streamPrefixes.map(likePrefix));
    clauses.push(`stream_id LIKE ANY($${offset + params.length}::text[])`);
  }
  return { where: clauses.map((c) => ` AND ${c}`).join(''), params };
};

/**
 * The {@link EventStore} over SQL shared by the embedded (PGlite) and PostgreSQL adapters.
 * Appends take the single-row log head `FOR UPDATE`, check the expected version, insert the
 * batch with multi-row INSERTs, extend the `log_hash` chain and NOTIFY, all in one
 * transaction. Reads page by position and never hold a transaction open.
 */
export const createSqlEventStore = async (
  db: SqlDatabase,
  options: SqlEventStoreOptions = {},
): Promise<EventStore> => {
  const schema = options.schema ?? 'civic_ledger';
  const s = quoteSchema(schema);
  const pageSize = options.pageSize ?? 500;
  const chunkSize = options.insertChunkSize ?? 500;
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const channel = notifyChannel(schema);
  const probe = options.probe ?? {};
  await ensureEventLogSchema(db, schema);

  const wakeup = createWakeup();
  const unlisten = await db.listen(channel, wakeup.notify);
  const subscriptions = new Set<Subscription>();

  const currentVersion = async (q: SqlQueryable, streamId: string): Promise<number> => {
    const { rows } = await q.query<{ version: number }>(
      `SELECT COALESCE(MAX(stream_version), 0)::integer AS version FROM ${s}.events WHERE stream_id = $1`,
      [streamId],
    );
    return rows[0]?.version ?? 0;
  };

  const appendInTx = async (
    tx: SqlQueryable,
    streamId: string,
    expected: ExpectedVersion,
    events: readonly EventEnvelope[],
  ): Promise<AppendResult> => {
    // The lock that serialises appends: positions are handed out in commit order.
    const head = (
      await tx.query<{ pos: string; log_hash: string }>(
        `SELECT position::text AS pos, log_hash FROM ${s}.log_head FOR UPDATE`,
      )
    ).rows[0];
    if (!head) throw new Error(`${schema}.log_head is empty`);
    const actual = await currentVersion(tx, streamId);

    const known = (
      await tx.query<{ event_id: string; stream_id: string; stream_version: number; pos: string }>(
        `SELECT event_id, stream_id, stream_version, position::text AS pos FROM ${s}.events WHERE event_id = ANY($1::text[])`,
        [events.map((e) => e.eventId)],
      )
    ).rows;
    if (known.length > 0) {
      // Idempotent retry: every id already stored at the same place means nothing to do.
      const byId = new Map(known.map((k) => [k.event_id, k]));
      const same = events.every((e) => {
        const k = byId.get(e.eventId);
        return k?.stream_id === streamId && k.stream_version === e.streamVersion;
      });
      const last = byId.get(events[events.length - 1]?.eventId ?? '');
      if (!same || !last) throw new VersionConflictError(streamId, expected, actual);
      return { nextVersion: actual, lastPosition: BigInt(last.pos), duplicate: true };
    }
    if (!expectedVersionHolds(expected, actual))
      throw new VersionConflictError(streamId, expected, actual);
    events.forEach((e, i) => {
      if (e.streamId !== streamId || e.streamVersion !== actual + i + 1)
        throw new VersionConflictError(streamId, expected, actual);
    });

    let position = BigInt(head.pos);
    let logHash = head.log_hash;
    for (let start = 0, chunk = 0; start < events.length; start += chunkSize, chunk++) {
      const rows = events.slice(start, start + chunkSize);
      const params: unknown[] = [];
      const tuples = rows.map((envelope) => {
        position += 1n;
        logHash = nextLogHash(logHash, envelope.hash);
        const placeholders = insertPlaceholders(params.length);
        params.push(...toInsertValues(envelope, position, logHash));
        return placeholders;
      });
      await tx.query(
        `INSERT INTO ${s}.events ${INSERT_COLUMNS} VALUES ${tuples.join(', ')}`,
        params,
      );
      await probe.afterInsertChunk?.(tx, chunk);
    }
    await tx.query(`UPDATE ${s}.log_head SET position = $1::bigint, log_hash = $2`, [
      position.toString(),
      logHash,
    ]);
    // Delivered on COMMIT only, so listeners never wake for a rolled-back batch.
    await tx.query('SELECT pg_notify($1, $2)', [channel, position.toString()]);
    await probe.beforeCommit?.(tx);
    return { nextVersion: actual + events.length, lastPosition: position, duplicate: false };
  };

  const append = async (
    streamId: string,
    expected: ExpectedVersion,
    events: readonly EventEnvelope[],
  ): Promise<AppendResult> => {
    if (events.length === 0) {
      const actual = await currentVersion(db, streamId);
      if (!expectedVersionHolds(expected, actual))
        throw new VersionConflictError(streamId, expected, actual);
      const { rows } = await db.query<{ pos: string }>(
        `SELECT position::text AS pos FROM ${s}.log_head`,
      );
      return { nextVersion: actual, lastPosition: BigInt(rows[0]?.pos ?? '0'), duplicate: false };
    }
    try {
      const result = await db.transaction((tx) => appendInTx(tx, streamId, expected, events));
      if (!result.duplicate) wakeup.notify();
      return result;
    } catch (error) {
      // Backstop: the unique constraints refuse what the checks above should already have.
      if (isUniqueViolation(error))
        throw new VersionConflictError(streamId, expected, await currentVersion(db, streamId));
      throw error;
    }
  };

  const readPage = async (
    after: bigint,
    limit: number,
    filter?: EventFilter,
  ): Promise<StoredEvent[]> => {
    const f = filterSql(filter, 2);
    const { rows } = await db.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM ${s}.events WHERE position > $1::bigint${f.where} ORDER BY position LIMIT $2`,
      [after.toString(), limit, ...f.params],
    );
    return rows.map(fromRow);
  };

  async function* readAll(options: ReadAllOptions = {}): AsyncIterable<StoredEvent> {
    const limit = options.batchSize ?? pageSize;
    let after = options.after ?? 0n;
    for (;;) {
      const page = await readPage(after, limit, options.filter);
      for (const event of page) yield event;
      const last = page[page.length - 1];
      if (!last || page.length < limit) return;
      after = last.position;
    }
  }

  async function* readStream(
    streamId: string,
    options: ReadStreamOptions = {},
  ): AsyncIterable<StoredEvent> {
    let from = Math.max(1, options.fromVersion ?? 1);
    for (;;) {
      const { rows } = await db.query<EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM ${s}.events WHERE stream_id = $1 AND stream_version >= $2 ORDER BY stream_version LIMIT $3`,
        [streamId, from, pageSize],
      );
      for (const row of rows) yield fromRow(row);
      const last = rows[rows.length - 1];
      if (!last || rows.length < pageSize) return;
      from = last.stream_version + 1;
    }
  }

  const subscribe = (
    handler: (event: StoredEvent) => void | Promise<void>,
    options: SubscribeOptions = {},
  ): Subscription => {
    const subscription = pollingSubscription(
      (after, limit) => readPage(after, limit, options.filter),
      wakeup,
      handler,
      { ...options, pollIntervalMs, pageSize },
    );
    subscriptions.add(subscription);
    return {
      caughtUp: subscription.caughtUp,
      close: async () => {
        subscriptions.delete(subscription);
        await subscription.close();
      },
    };
  };

  return {
    append,
    readStream,
    readAll,
    subscribe,
    streamVersion: (streamId) => currentVersion(db, streamId),
    headPosition: async () => {
      const { rows } = await db.query<{ pos: string }>(
        `SELECT position::text AS pos FROM ${s}.log_head`,
      );
      return BigInt(rows[0]?.pos ?? '0');
    },
    close: async () => {
      await Promise.all([...subscriptions].map((sub) => sub.close()));
      subscriptions.clear();
      await unlisten();
      await db.close();
    },
  };
};
