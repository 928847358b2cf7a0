import {
  type AppendResult,
  type EventEnvelope,
  type EventFilter,
  type EventStore,
  type ExpectedVersion,
  expectedVersionHolds,
  type ReadAllOptions,
  type ReadStreamOptions,
  type StoredEvent,
  type SubscribeOptions,
  type Subscription,
  VersionConflictError,
} from '@civic-ledger/domain';
import {
  arrayLiteral,
  COLUMN_ARRAY_TYPES,
  EVENT_COLUMNS,
  type EventArrayRow,
  type EventRow,
  fromArrayRow,
  fromRow,
  toColumns,
} from './event-rows.js';
import { createGroupCommit, type QueuedAppend } from './group-commit.js';
import { type ImportContext, type ImportResult, importBatch } from './import-batch.js';

export {
  type ImportRefusal,
  ImportRefusedError,
  type ImportResult,
} from './import-batch.js';

import { pollingSubscription } from './polling-subscription.js';
import { ensureEventLogSchema, notifyChannel, quoteSchema } from './schema.js';
import type { SqlDatabase, SqlQueryable } from './sql-database.js';
import { createWakeup } from './wakeup.js';

/**
 * Fault-injection seams for tests: with a probe, an append runs its `append_events` call in
 * an explicit transaction and calls these before COMMIT, so a test can hold the transaction
 * open (`pg_sleep`) or cut the connection with the rows written but not committed. (Without
 * a probe an append is one autocommit statement.) An import calls them for real per chunk.
 */
export interface AppendProbe {
  /** After each INSERT chunk of an import (numbered from 0); for an append, after its one call. */
  readonly afterInsertChunk?: (tx: SqlQueryable, chunk: number) => Promise<void>;
  /** After the log head moved, just before COMMIT. */
  readonly beforeCommit?: (tx: SqlQueryable) => Promise<void>;
}

export interface SqlEventStoreOptions {
  /** PostgreSQL schema holding the tables; default `civic_ledger`. */
  readonly schema?: string;
  /** Rows per `readStream` page and per subscription poll; default 500. */
  readonly pageSize?: number;
  /** Rows per `readAll` page when the caller gives no `batchSize`; default 1 000. */
  readonly readAllPageSize?: number;
  /** Rows per INSERT of an import (one array parameter a column); default 5 000. */
  readonly insertChunkSize?: number;
  /** Events at most in one group commit (a larger single append still goes alone); default 5 000. */
  readonly maxGroupRows?: number;
  /** Group-commit calls in flight at once (each on its own connection); default 1 — larger groups cost less CPU a event. */
  readonly maxConcurrentFlushes?: number;
  /** Subscriptions poll at least this often even without a notification; default 1000 ms. */
  readonly pollIntervalMs?: number;
  readonly probe?: AppendProbe;
}

/** The SQL event store: the {@link EventStore} port plus a bulk import. */
export interface SqlEventStore extends EventStore {
  /**
   * Writes an exported log's envelopes in their order after the current head, all or
   * nothing: refuses (`ImportRefusedError`, nothing written) a batch with an event id twice
   * or already stored, a broken hash chain, or a stream that does not continue the stored
   * one. Positions are assigned in order and `log_hash` is chained as for appends.
   */
  importBatch(events: readonly EventEnvelope[]): Promise<ImportResult>;
}

/** Hot statements: kept prepared per connection where the driver does that. */
const PREPARED = { prepare: true } as const;
const PREPARED_ARRAYS = { prepare: true, rowMode: 'array' } as const;

/** `readAll` ranges in flight at once (see `readAll`). */
const READ_AHEAD = 3;

const APPEND_OK = 0;
const APPEND_DUPLICATE = 2;

/** `append_events`' code for an expected version; an impossible number never holds. */
const encodeExpected = (expected: ExpectedVersion): number => {
  switch (expected) {
    case 'any':
      return -1;
    case 'no-stream':
      return -2;
    case 'stream-exists':
      return -3;
    default:
      return Number.isInteger(expected) && expected >= 0 && expected <= 2_147_483_647
        ? expected
        : -4;
  }
};

/** A server error about the data (classes 22, 23): the statement was rolled back. */
const isDataError = (error: unknown): boolean =>
  typeof error === 'object' &&
  error !== null &&
  'code' in error &&
  typeof error.code === 'string' &&
  /^2[23][0-9A-Z]{3}$/.test(error.code);

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
 * Appends go through a group commit: the appends that arrive while one call is in flight go
 * together in the next call of the server-side `append_events` (one round trip, one
 * autocommit transaction that locks the log head, checks each append on its own, inserts,
 * chains `log_hash` and NOTIFYs). Reads page by position, read one page ahead, and never
 * hold a transaction open.
 */
export const createSqlEventStore = async (
  db: SqlDatabase,
  options: SqlEventStoreOptions = {},
): Promise<SqlEventStore> => {
  const schema = options.schema ?? 'civic_ledger';
  const s = quoteSchema(schema);
  const pageSize = options.pageSize ?? 500;
  const readAllPageSize = options.readAllPageSize ?? 1_000;
  const importChunkSize = options.insertChunkSize ?? 5_000;
  const maxGroupRows = options.maxGroupRows ?? 5_000;
  const maxConcurrentFlushes = options.maxConcurrentFlushes ?? 1;
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const channel = notifyChannel(schema);
  const probe = options.probe ?? {};
  const probed = probe.afterInsertChunk !== undefined || probe.beforeCommit !== undefined;
  await ensureEventLogSchema(db, schema);

  const wakeup = createWakeup();
  const subscriptions = new Set<Subscription>();
  // LISTEN only while someone subscribes: a listening session costs the server a wake-up and
  // the client a read for every commit (every group commit of every writer), which a store
  // that only appends pays for nothing. Once the LISTEN is in place the subscribers are woken
  // once, so a NOTIFY sent while it was being set up is not waited for until the next poll.
  let listening: Promise<() => Promise<void>> | undefined;
  const startListening = (): void => {
    if (listening) return;
    const started = db.listen(channel, wakeup.notify);
    listening = started;
    started.then(wakeup.notify, () => {
      // Polling still delivers; the next subscription tries again.
      if (listening === started) listening = undefined;
    });
  };
  const stopListening = async (): Promise<void> => {
    const started = listening;
    listening = undefined;
    const unlisten = await started?.catch(() => undefined);
    await unlisten?.();
  };

  const currentVersion = async (q: SqlQueryable, streamId: string): Promise<number> => {
    const { rows } = await q.query<{ version: number }>(
      `SELECT COALESCE(MAX(stream_version), 0)::integer AS version FROM ${s}.events WHERE stream_id = $1`,
      [streamId],
      PREPARED,
    );
    return rows[0]?.version ?? 0;
  };

  const importContext: ImportContext = {
    s,
    channel,
    chunkSize: importChunkSize,
    afterInsertChunk: probe.afterInsertChunk,
    beforeCommit: probe.beforeCommit,
  };

  const appendSql = `SELECT r_status, r_version, r_position::text AS r_position FROM ${s}.append_events(
    $1::text[], $2::integer[], $3::integer[], ${COLUMN_ARRAY_TYPES.map((type, i) => `$${i + 4}::${type}[]`).join(', ')}, $18)`;

  /** One call of `append_events` for a group: one round trip, one row per append. */
  const callAppend = async (q: SqlQueryable, group: readonly QueuedAppend[]) => {
    const events = group.length === 1 ? group[0]!.events : group.flatMap((a) => a.events);
    const { rows } = await q.query<{
      r_status: number;
      r_version: number;
      r_position: string | null;
    }>(
      appendSql,
      [
        arrayLiteral(group.map((a) => a.streamId)),
        arrayLiteral(group.map((a) => encodeExpected(a.expected))),
        arrayLiteral(group.map((a) => a.events.length)),
        ...toColumns(events),
        channel,
      ],
      PREPARED,
    );
    return rows;
  };

  /** Sends a group and settles each append by its own row. */
  const flush = async (group: readonly QueuedAppend[]): Promise<void> => {
    let rows: Awaited<ReturnType<typeof callAppend>>;
    try {
      rows = probed
        ? await db.transaction(async (tx) => {
            const result = await callAppend(tx, group);
            await probe.afterInsertChunk?.(tx, 0);
            await probe.beforeCommit?.(tx);
            return result;
          })
        : await callAppend(db, group);
    } catch (error) {
      // A malformed append (ids twice in one batch, a missing field) fails the statement and
      // so the group: the server rolled it all back, so each append is retried on its own.
      if (group.length > 1 && isDataError(error)) {
        for (const append of group) await flush([append]);
        return;
      }
      const only = group[0];
      // Backstop: the unique constraints refuse what the checks should already have.
      if (only && isUniqueViolation(error)) {
        only.reject(
          new VersionConflictError(
            only.streamId,
            only.expected,
            await currentVersion(db, only.streamId),
          ),
        );
        return;
      }
      throw error;
    }
    let written = false;
    group.forEach((append, i) => {
      const row = rows[i];
      if (!row) append.reject(new Error(`append_events returned no row for append ${i}`));
      else if (row.r_status === APPEND_OK || row.r_status === APPEND_DUPLICATE) {
        written ||= row.r_status === APPEND_OK;
        append.resolve({
          nextVersion: row.r_version,
          lastPosition: BigInt(row.r_position ?? '0'),
          duplicate: row.r_status === APPEND_DUPLICATE,
        });
      } else
        append.reject(new VersionConflictError(append.streamId, append.expected, row.r_version));
    });
    if (written) wakeup.notify();
  };

  const groupCommit = createGroupCommit(flush, maxGroupRows, maxConcurrentFlushes);

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
    return groupCommit.submit(streamId, expected, events);
  };

  const readPage = async (
    after: bigint,
    limit: number,
    filter?: EventFilter,
  ): Promise<StoredEvent[]> => {
    const f = filterSql(filter, 2);
    const { rows } = await db.query<EventArrayRow>(
      `SELECT ${EVENT_COLUMNS} FROM ${s}.events WHERE position > $1::bigint${f.where} ORDER BY position LIMIT $2`,
      [after.toString(), limit, ...f.params],
      PREPARED_ARRAYS,
    );
    return rows.map(fromArrayRow);
  };

  /** The events with `from < position <= to`, in position order. */
  const readRange = async (from: bigint, to: bigint): Promise<StoredEvent[]> => {
    const { rows } = await db.query<EventArrayRow>(
      `SELECT ${EVENT_COLUMNS} FROM ${s}.events WHERE position > $1::bigint AND position <= $2::bigint ORDER BY position`,
      [from.toString(), to.toString()],
      PREPARED_ARRAYS,
    );
    return rows.map(fromArrayRow);
  };

  const readHead = async (): Promise<bigint> => {
    const { rows } = await db.query<{ pos: string }>(
      `SELECT position::text AS pos FROM ${s}.log_head`,
    );
    return BigInt(rows[0]?.pos ?? '0');
  };

  /** Pages paged by `LIMIT` after `after`, each asked for before the previous is yielded. */
  async function* readPages(
    after: bigint,
    limit: number,
    filter: EventFilter | undefined,
  ): AsyncIterable<StoredEvent> {
    let next = readPage(after, limit, filter);
    for (;;) {
      const page = await next;
      const last = page[page.length - 1];
      if (!last || page.length < limit) {
        yield* page;
        return;
      }
      // Read ahead: the server fetches the next page while the caller folds this one.
      next = readPage(last.position, limit, filter);
      next.catch(() => {});
      yield* page;
    }
  }

  /**
   * Without a filter, `readAll` reads its first page by `LIMIT` (where the events after
   * `after` really start), then position ranges `(p, p + limit]` up to the head it read on
   * entry, {@link READ_AHEAD} of them in flight (each on its own connection where the pool has
   * them): positions are handed out one by one under the head lock, so the ranges are known in
   * advance and the server reads several while the caller folds one; pages stay small enough
   * that their rows die young instead of being copied by the garbage collector (5 000-row
   * pages spent a quarter of the client's time in GC). Every row up to a committed head is
   * visible (the head moves in the transaction that inserts them), and the ranges tile the
   * positions they cover, so nothing is skipped. A range with fewer rows than positions (a
   * hole: never made by this store) stops the ranges, and — as for what was appended
   * meanwhile — `LIMIT` paging reads the rest, so a hole costs a few empty ranges, not one per
   * missing thousand. With a filter, where a range could hold almost nothing, it pages by
   * `LIMIT` one page ahead.
   */
  async function* readAll(options: ReadAllOptions = {}): AsyncIterable<StoredEvent> {
    const limit = options.batchSize ?? readAllPageSize;
    const after = options.after ?? 0n;
    if (options.filter) {
      yield* readPages(after, limit, options.filter);
      return;
    }
    const headRead = readHead();
    headRead.catch(() => {});
    const first = await readPage(after, limit);
    const head = await headRead;
    const firstLast = first[first.length - 1];
    if (!firstLast || first.length < limit) {
      yield* first;
      return;
    }
    const step = BigInt(limit);
    const pending: { readonly width: number; readonly rows: Promise<StoredEvent[]> }[] = [];
    let from = firstLast.position;
    let dense = true;
    const fill = (): void => {
      while (dense && pending.length < READ_AHEAD && from < head) {
        const to = from + step < head ? from + step : head;
        const rows = readRange(from, to);
        rows.catch(() => {});
        pending.push({ width: Number(to - from), rows });
        from = to;
      }
    };
    fill();
    yield* first;
    for (let range = pending.shift(); range !== undefined; range = pending.shift()) {
      const rows = await range.rows;
      if (rows.length < range.width) dense = false;
      fill();
      yield* rows;
    }
    yield* readPages(from, limit, undefined);
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
        PREPARED,
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
    startListening();
    return {
      caughtUp: subscription.caughtUp,
      close: async () => {
        subscriptions.delete(subscription);
        await subscription.close();
        if (subscriptions.size === 0) await stopListening();
      },
    };
  };

  return {
    append,
    importBatch: async (events) => {
      const result = await importBatch(db, importContext, events);
      if (result.events > 0) wakeup.notify();
      return result;
    },
    readStream,
    readAll,
    subscribe,
    streamVersion: (streamId) => currentVersion(db, streamId),
    headPosition: readHead,
    close: async () => {
      await Promise.all([...subscriptions].map((sub) => sub.close()));
      subscriptions.clear();
      await stopListening();
      await db.close();
    },
  };
};
