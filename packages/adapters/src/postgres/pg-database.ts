import pg from 'pg';
import type { SqlDatabase, SqlQueryable } from '../sql/sql-database.js';

const queryable = (q: pg.Pool | pg.PoolClient): SqlQueryable => ({
  query: async <R>(text: string, params: readonly unknown[] = []) => {
    const result = await q.query(text, [...params]);
    return { rows: result.rows as R[] };
  },
});

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * Wraps a `pg` pool as a {@link SqlDatabase}. Transactions check out one client; a client
 * whose connection failed is destroyed rather than returned to the pool. LISTEN uses a
 * dedicated connection that reconnects with backoff (subscriptions also poll, so a missed
 * notification only delays them).
 */
export const pgDatabase = (pool: pg.Pool, owned: boolean): SqlDatabase => {
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
      const result = await fn(queryable(client));
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
    ...queryable(pool),
    transaction,
    listen,
    close: async () => {
      if (owned) await pool.end();
    },
  };
};
