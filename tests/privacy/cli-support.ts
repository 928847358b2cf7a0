import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  createEmbeddedEventStore,
  createSqlKeyStore,
  pgliteDatabase,
} from '@civic-ledger/adapters';
import { PGlite } from '@civic-ledger/adapters/testing';
import { run } from '@civic-ledger/cli';
import {
  type DataSubjectKeyStore,
  type EventStore,
  matchesFilter,
  type StoredEvent,
} from '@civic-ledger/domain';
import type { AnyProjection } from '@civic-ledger/projections';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in this process, capturing what it writes (the CLI writes through `process.*.write`). */
export const runCli = async (args: readonly string[]): Promise<CliResult> => {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = process.stdout.write.bind(process.stdout);
  const stderr = process.stderr.write.bind(process.stderr);
  const capture = (into: string[]) =>
    ((chunk: unknown) => {
      into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString());
      return true;
    }) as typeof process.stdout.write;
  process.stdout.write = capture(out);
  process.stderr.write = capture(err);
  try {
    const code = await run(args);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.stdout.write = stdout;
    process.stderr.write = stderr;
  }
};

/** The CLI's embedded layout opened by hand: events and the key tables in one PGlite. */
export const openEmbedded = async (
  dir: string,
): Promise<{ pg: PGlite; store: EventStore; keyStore: DataSubjectKeyStore }> => {
  const pg = await PGlite.create(dir);
  const store = await createEmbeddedEventStore({ db: pg });
  const keyStore = await createSqlKeyStore(pgliteDatabase(pg, false), {
    schema: 'civic_ledger_keys',
  });
  return { pg, store, keyStore };
};

/** Every row of every table of the CLI's schemas, as JSON text. */
export const rawRows = async (pg: PGlite): Promise<string> => {
  const tables = await pg.query<{ s: string; t: string }>(
    `SELECT table_schema AS s, table_name AS t FROM information_schema.tables
     WHERE table_schema IN ('civic_ledger', 'civic_ledger_keys') AND table_type = 'BASE TABLE'`,
  );
  const out: Record<string, unknown[]> = {};
  for (const { s, t } of tables.rows)
    out[`${s}.${t}`] = (await pg.query(`SELECT * FROM "${s}"."${t}"`)).rows;
  return json(out);
};

/** Every file under a directory, concatenated as UTF-8 (plaintext would show as its bytes). */
export const filesText = (dir: string): string => {
  const parts: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else parts.push(readFileSync(p).toString('utf8'));
    }
  };
  walk(dir);
  return parts.join('\n');
};

export const json = (v: unknown): string =>
  JSON.stringify(v, (_k, x) =>
    typeof x === 'bigint'
      ? x.toString()
      : x instanceof Map
        ? Object.fromEntries(x)
        : x instanceof Set
          ? [...x]
          : x,
  );

/**
 * Every read model folded from `events`, as JSON of its state: what a read-model store
 * would hold. (The CLI's `replay` keeps only their queries; the state is what could leak.)
 */
export const readModelsJson = async (
  events: AsyncIterable<StoredEvent>,
  projections: readonly AnyProjection[],
): Promise<string> => {
  const states = projections.map((p) => ({ p, state: p.init() as unknown }));
  for await (const stored of events)
    for (const slot of states)
      if (matchesFilter(stored.envelope, slot.p.filter))
        slot.state = slot.p.apply(slot.state, stored);
  return json(Object.fromEntries(states.map((s) => [s.p.name, s.state])));
};
