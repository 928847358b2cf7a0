import { computeHash, type EventEnvelope, GENESIS_HASH, nextLogHash } from '@civic-ledger/domain';
import { COPY_COLUMNS, copyRows } from './copy-rows.js';
import { COLUMN_ARRAY_TYPES, toColumns } from './event-rows.js';
import type { SqlDatabase, SqlQueryable } from './sql-database.js';

/** What an import wrote. */
export interface ImportResult {
  /** Events written (the whole batch). */
  readonly events: number;
  /** Position of the first imported event (0n for an empty batch). */
  readonly firstPosition: bigint;
  /** Position of the last imported event: the log head after the import. */
  readonly lastPosition: bigint;
}

export type ImportRefusal = 'duplicate-event-id' | 'broken-chain' | 'stream-mismatch';

/** An import batch refused as a whole: nothing of it was written. */
export class ImportRefusedError extends Error {
  override readonly name = 'ImportRefusedError';
  constructor(
    readonly reason: ImportRefusal,
    readonly eventId: string | undefined,
    readonly streamId: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

export interface ImportContext {
  /** The quoted schema. */
  readonly s: string;
  readonly channel: string;
  readonly chunkSize: number;
  readonly afterInsertChunk?: ((tx: SqlQueryable, chunk: number) => Promise<void>) | undefined;
  readonly beforeCommit?: ((tx: SqlQueryable) => Promise<void>) | undefined;
}

interface StreamStart {
  readonly version: number;
  readonly prevHash: string;
  readonly eventId: string;
}

const refuse = (reason: ImportRefusal, e: EventEnvelope | undefined, message: string) =>
  new ImportRefusedError(reason, e?.eventId, e?.streamId, message);

/**
 * Checks what can be checked without the store: no event id twice, and every stream's
 * events consecutive and linked by `prevHash` within the batch. Returns where each stream
 * starts, to be checked against the stored stream under the lock.
 */
const checkLinks = (events: readonly EventEnvelope[]): Map<string, StreamStart> => {
  const ids = new Set<string>();
  const starts = new Map<string, StreamStart>();
  const heads = new Map<string, { version: number; hash: string }>();
  for (const e of events) {
    if (ids.has(e.eventId))
      throw refuse('duplicate-event-id', e, `event id ${e.eventId} occurs twice in the batch`);
    ids.add(e.eventId);
    const head = heads.get(e.streamId);
    if (!head) {
      starts.set(e.streamId, {
        version: e.streamVersion,
        prevHash: e.prevHash,
        eventId: e.eventId,
      });
      heads.set(e.streamId, { version: e.streamVersion, hash: e.hash });
    } else if (e.streamVersion !== head.version + 1 || e.prevHash !== head.hash) {
      throw refuse(
        'broken-chain',
        e,
        `stream ${e.streamId}: event ${e.eventId} (version ${e.streamVersion}) does not follow version ${head.version} of the batch`,
      );
    } else {
      head.version = e.streamVersion;
      head.hash = e.hash;
    }
  }
  return starts;
};

const isUniqueViolation = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && 'code' in error && error.code === '23505';

/**
 * Writes a batch of envelopes in the given order, all or nothing, in one transaction that
 * holds the log head: checks ids and chains (links in the batch first, then each event's
 * hash chunk by chunk, and each stream's start against the stored stream), assigns the
 * next positions, chains `log_hash`, writes the rows chunk by chunk, moves the head once
 * and NOTIFYs. A chunk goes with `COPY … FROM STDIN` where the transaction offers
 * `copyFrom` (`pg`, PGlite), else with `INSERT … SELECT FROM unnest(…)` (one array
 * parameter a column); both store the same rows. The first chunk is verified and encoded
 * while the server looks up the streams, each next one while the server writes the one
 * before; a refusal rolls everything back.
 */
export const importBatch = async (
  db: SqlDatabase,
  ctx: ImportContext,
  events: readonly EventEnvelope[],
): Promise<ImportResult> => {
  const starts = checkLinks(events);
  const { s } = ctx;
  const params = COLUMN_ARRAY_TYPES.map((type, i) => `$${i + 2}::${type}[]`).join(', ');
  const insert = `INSERT INTO ${s}.events (position, event_id, stream_id, stream_version, type,
      schema_version, occurred_at, recorded_at, actor, command_id, causation_id,
      correlation_id, data, prev_hash, hash, log_hash)
    SELECT $1::bigint + x.o, x.id, x.sid, x.v, x.t, x.sv, x.occ, x.rec, x.act::jsonb, x.cmd,
           x.cau, x.cor, x.dat::jsonb, x.prv, x.hsh, x.lh
      FROM unnest(${params}, $16::text[])
        WITH ORDINALITY AS x(id, sid, v, t, sv, occ, rec, act, cmd, cau, cor, dat, prv, hsh, lh, o)`;
  const copy = `COPY ${s}.events ${COPY_COLUMNS} FROM STDIN`;
  // Only each stream's last stored event (one index probe a stream): selecting all of a
  // stream's events and keeping the last made every batch read the whole log again.
  const streamHeads = `SELECT x.sid AS stream_id, e.stream_version AS v, e.hash
      FROM unnest($1::text[]) AS x(sid)
      CROSS JOIN LATERAL (SELECT stream_version, hash FROM ${s}.events
                           WHERE stream_id = x.sid ORDER BY stream_version DESC LIMIT 1) e`;
  try {
    return await db.transaction(async (tx) => {
      const head = (
        await tx.query<{ pos: string; log_hash: string }>(
          `SELECT position::text AS pos, log_hash FROM ${s}.log_head FOR UPDATE`,
        )
      ).rows[0];
      if (!head) throw new Error(`${s}.log_head is empty`);
      if (events.length === 0) {
        const at = BigInt(head.pos);
        return { events: 0, firstPosition: 0n, lastPosition: at };
      }
      const stored = tx.query<{ stream_id: string; v: number; hash: string }>(streamHeads, [
        [...starts.keys()],
      ]);
      stored.catch(() => {});

      const first = BigInt(head.pos) + 1n;
      let position = BigInt(head.pos);
      let logHash = head.log_hash;
      /** The chunk on the server; awaited before a refusal so that none is left in flight. */
      let previous: Promise<unknown> = stored;
      /** Verifies a chunk's hashes, chains `log_hash` over it and encodes its rows. */
      const prepareNow = (start: number): (() => Promise<unknown>) | undefined => {
        if (start >= events.length) return undefined;
        const rows = events.slice(start, start + ctx.chunkSize);
        const logHashes = new Array<string>(rows.length);
        for (let i = 0; i < rows.length; i++) {
          const e = rows[i]!;
          if (computeHash(e) !== e.hash)
            throw refuse(
              'broken-chain',
              e,
              `event ${e.eventId}: its hash does not match its content`,
            );
          logHash = nextLogHash(logHash, e.hash);
          logHashes[i] = logHash;
        }
        const at = position;
        position += BigInt(rows.length);
        const { copyFrom } = tx;
        if (copyFrom) {
          const text = copyRows(rows, at + 1n, logHashes);
          return () => copyFrom(copy, text);
        }
        const params = [at.toString(), ...toColumns(rows), logHashes];
        return () => tx.query(insert, params);
      };
      const prepare = async (start: number) => {
        try {
          return prepareNow(start);
        } catch (error) {
          await previous.catch(() => {});
          throw error;
        }
      };

      // The first chunk is hashed and encoded while the server looks up the streams.
      let next = await prepare(0);
      const storedHeads = new Map((await stored).rows.map((r) => [r.stream_id, r]));
      for (const [streamId, start] of starts) {
        const at = storedHeads.get(streamId) ?? { v: 0, hash: GENESIS_HASH };
        if (start.version !== at.v + 1 || start.prevHash !== at.hash)
          throw new ImportRefusedError(
            'stream-mismatch',
            start.eventId,
            streamId,
            `stream ${streamId}: the batch starts at version ${start.version}, the store holds version ${at.v}${start.version === at.v + 1 ? ' with another last hash' : ''}`,
          );
      }
      for (let chunk = 0; next; chunk++) {
        const sent = next();
        // Handled here so that a failure while the next chunk is prepared is not "unhandled".
        sent.catch(() => {});
        previous = sent;
        // While the server writes this chunk, the next one is verified and encoded.
        next = await prepare((chunk + 1) * ctx.chunkSize);
        await sent;
        await ctx.afterInsertChunk?.(tx, chunk);
      }
      await tx.query(`UPDATE ${s}.log_head SET position = $1::bigint, log_hash = $2`, [
        position.toString(),
        logHash,
      ]);
      await tx.query('SELECT pg_notify($1, $2)', [ctx.channel, position.toString()]);
      await ctx.beforeCommit?.(tx);
      return { events: events.length, firstPosition: first, lastPosition: position };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new ImportRefusedError(
        'duplicate-event-id',
        undefined,
        undefined,
        `an event id of the batch is already stored (${String((error as { detail?: unknown }).detail ?? (error as Error).message)})`,
      );
    throw error;
  }
};
