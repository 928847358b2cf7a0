/**
 * The tiny query interface the SQL event store is written against. PGlite and `pg` both
 * satisfy it through thin wrappers (`embedded/pglite-database.ts`, `postgres/pg-database.ts`),
 * so the embedded and server adapters share one schema and one code path.
 */
/** How to run one statement (see {@link SqlQueryable.query}). */
export interface QueryOptions {
  readonly prepare?: boolean;
  readonly rowMode?: 'array';
}

export interface SqlQueryable {
  /**
   * Runs one statement. `prepare: true` marks a hot statement run with the same text again
   * and again: the driver may keep it prepared on each connection (parsed and planned once).
   * `rowMode: 'array'` returns each row as an array of its columns (no object a row).
   */
  query<R>(
    text: string,
    params?: readonly unknown[],
    options?: QueryOptions,
  ): Promise<{ readonly rows: R[] }>;
  /**
   * Runs `COPY … FROM STDIN` (text format) with `data` as its input and resolves to the rows
   * copied. Only on a transaction, where the driver can COPY (`pg` streams it, PGlite reads it
   * as `/dev/blob`); absent elsewhere.
   */
  copyFrom?(statement: string, data: string): Promise<number>;
}

export interface SqlDatabase extends SqlQueryable {
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  /** Calls `onNotify` for every NOTIFY on `channel`; resolves to an unlisten function. */
  listen(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
  /** Releases the connections (a no-op when the caller owns them). */
  close(): Promise<void>;
}
