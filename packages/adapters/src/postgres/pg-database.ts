import { createHash } from 'node:crypto';
import pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import type { QueryOptions, SqlDatabase, SqlQueryable } from '../sql/sql-database.js';

// Prepared-statement names by statement text: the same text always gets the same name, so
// each connection prepares it once (pg keeps the names it prepared per connection).
const statementNames = new Map<string, string>();
const statementName = (text: string): string => {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `civic_ledger_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    statementNames.set(text, name);
  }
  return name;
};

const queryable = (q: pg.Pool | pg.PoolClient, prepare: boolean): SqlQueryable => ({
  query: async <R>(text: string, params: readonly unknown[] = [], options?: QueryOptions) => {
    const result = await q.query({
      ...(prepare && options?.prepare ? { name: statementName(text) } : {}),
      ...(options?.rowMode ? { rowMode: options.rowMode } : {}),
      text,
      values: [...params],
    });
    return { rows: result.rows as R[] };
  },
});

/** `COPY … FROM STDIN` on one client: resolves to the rows copied once the server is done. */
const copyInto =
  (client: pg.PoolClient) =>
  (statement: string, data: string): Promise<number> =>
    new Promise((resolve, reject) => {
      const stream = client.query(copyFromStdin(statement));
      stream.on('error', reject);
      stream.on('finish', () => resolve(stream.rowCount));
      stream.end(data);
    });

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * Session settings of a pool whose statements may stay prepared: a prepared statement (and
 * PL/pgSQL) keeps a generic plan, and one planned while the log was small would stay a
 * sequential scan as it grows. Every statement of the event store has its index.
 */
export const PREPARED_SESSION_OPTIONS = '-c enable_seqscan=off -c jit=off';

/**
 * Wraps a `pg` pool as a {@link SqlDatabase}. Transactions check out one client; a client
 * whose connection failed is destroyed rather than returned to the pool. LISTEN uses a
 * dedicated connection that reconnects with backoff (subscriptions also poll, so a missed
 * notification only delays them). With `prepare` (only for a pool whose sessions run with
 * {@link PREPARED_SESSION_OPTIONS}), hot statements stay prepared on each connection.
 */
export const pgDatabase = (
  pool: pg.Pool,
  owned: boolean,
  options: { readonly prepare?: boolean } = {},
): SqlDatabase => {
  const prepare = options.prepare ?? false;
  // An idle client that loses its connection must not crash the process.
  pool.on('error', () => {});

  const transaction = async <T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    let broken: Error | undefined;
    const onError = (error: Error): void => {
      broken = error;
    };
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      const result = await fn({ ...queryable(client, prepare), copyFrom: copyInto(client) });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      broken ??= await client.query('ROLLBACK').then(
        () => undefined,
        (rollbackError: unknown) => rollbackError as Error,
      );
      throw error;
    } finally {
      client.off('error', onError);
      client.release(broken ?? false);
    }
  };

  const listen = async (channel: string, onNotify: () => void) => {
    let stopped = false;
    let client: pg.Client | undefined;
    const connect = async (attempt: number): Promise<void> => {
      if (stopped) return;
      const c = new pg.Client(pool.options);
      c.on('notification', (message) => {
        if (message.channel === channel) onNotify();
      });
      c.on('error', () => {
        c.end().catch(() => {});
        if (client === c) client = undefined;
        // Wake subscribers: whatever was notified while we were away is read by polling.
        onNotify();
        setTimeout(() => void connect(1), 100);
      });
      try {
        await c.connect();
        await c.query(`LISTEN ${quoteIdent(channel)}`);
        client = c;
        if (stopped) await c.end();
      } catch {
        await c.end().catch(() => {});
        setTimeout(() => void connect(attempt + 1), Math.min(5000, 100 * 2 ** attempt));
      }
    };
    await connect(0);
    return async () => {
      stopped = true;
      await client?.end().catch(() => {});
      client = undefined;
    };
  };

  return {
    ...queryable(pool, prepare),
    transaction,
    listen,
    close: async () => {
      if (owned) await pool.end();
    },
  };
};
