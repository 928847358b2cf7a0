import { computeHash, type EventEnvelope, GENESIS_HASH, nextLogHash } from '@civic-ledger/domain';
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
 * next positions, chains `log_hash`, inserts with `INSERT … SELECT FROM unnest(…)` (one
 * array parameter a column), moves the head and NOTIFYs. While the server inserts a chunk,
 * the next chunk's hashes are verified; a refusal rolls everything back.
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
      const stored = await tx.query<{ stream_id: string; v: number; hash: string }>(
        `SELECT DISTINCT ON (stream_id) stream_id, stream_version AS v, hash FROM ${s}.events
          WHERE stream_id = ANY($1::text[]) ORDER BY stream_id, stream_version DESC`,
        [[...starts.keys()]],
      );
      const storedHeads = new Map(stored.rows.map((r) => [r.stream_id, r]));
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

      const first = BigInt(head.pos) + 1n;
      let position = BigInt(head.pos);
      let logHash = head.log_hash;
      let previous: Promise<unknown> | undefined;
      const settle = async (chunk: number): Promise<void> => {
        if (!previous) return;
        await previous;
        previous = undefined;
        await ctx.afterInsertChunk?.(tx, chunk);
      };
      for (let start = 0, chunk = 0; start < events.length; start += ctx.chunkSize, chunk++) {
        const rows = events.slice(start, start + ctx.chunkSize);
        const logHashes = new Array<string>(rows.length);
        for (let i = 0; i < rows.length; i++) {
          const e = rows[i]!;
          if (computeHash(e) !== e.hash) {
            await previous?.catch(() => {});
            throw refuse(
              'broken-chain',
              e,
              `event ${e.eventId}: its hash does not match its content`,
            );
          }
          logHash = nextLogHash(logHash, e.hash);
          logHashes[i] = logHash;
        }
        const sent = tx.query(insert, [position.toString(), ...toColumns(rows), logHashes]);
        // Handled here so that a failure while an earlier chunk is awaited is not "unhandled".
        sent.catch(() => {});
        await settle(chunk - 1);
        previous = sent;
        position += BigInt(rows.length);
      }
      await settle(Math.ceil(events.length / ctx.chunkSize) - 1);
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
