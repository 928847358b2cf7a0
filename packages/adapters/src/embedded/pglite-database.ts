import type { PGlite } from '@electric-sql/pglite';
import type { QueryOptions, SqlDatabase, SqlQueryable } from '../sql/sql-database.js';

const STDIN = / FROM STDIN$/;

/** `COPY … FROM STDIN` in PGlite: the data goes in as a blob that the server reads as `/dev/blob`. */
const copyInto =
  (q: Pick<PGlite, 'query'>) =>
  async (statement: string, data: string): Promise<number> => {
    if (!STDIN.test(statement)) throw new Error(`not a COPY … FROM STDIN: ${statement}`);
    const result = await q.query(statement.replace(STDIN, " FROM '/dev/blob'"), [], {
      blob: new Blob([data]),
    });
    return result.affectedRows ?? 0;
  };

/**
 * Wraps a PGlite instance as a {@link SqlDatabase}. PGlite is one in-process session, so its
 * own mutex serialises transactions; `owned` says whether `close` shuts the instance down.
 */
export const pgliteDatabase = (db: PGlite, owned: boolean): SqlDatabase => {
  const queryable = (q: Pick<PGlite, 'query'>): SqlQueryable => ({
    query: async <R>(text: string, params: readonly unknown[] = [], options?: QueryOptions) => {
      const result = await q.query<R>(
        text,
        [...params],
        options?.rowMode ? { rowMode: options.rowMode } : undefined,
      );
      return { rows: result.rows };
    },
  });
  return {
    ...queryable(db),
    transaction: (fn) => db.transaction((tx) => fn({ ...queryable(tx), copyFrom: copyInto(tx) })),
    listen: async (channel, onNotify) => {
      const unlisten = await db.listen(channel, () => onNotify());
      return async () => {
        if (!db.closed) await unlisten();
      };
    },
    close: async () => {
      if (owned && !db.closed) await db.close();
    },
  };
};
