/**
 * Benchmark data from the seeded city simulation (packages/cli/src/simulation): the real
 * deciders' events, sealed and hash-chained by the simulation's fast path, in the CLI's JSONL
 * export format (docs/jsonl-format.md). Untimed: scenarios build it before their clock starts.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cityCommands, driveCommands, encodeLine, type SimCommand } from '@civic-ledger/cli';
import {
  type AppendResult,
  type EventEnvelope,
  type EventStore,
  GENESIS_HASH,
  nextLogHash,
  type StoredEvent,
} from '@civic-ledger/domain';

const here = dirname(fileURLToPath(import.meta.url));
/** Where generated logs are cached between runs (git-ignored). */
export const CACHE_DIR = join(here, 'out');

/** The simulated city of every benchmark: 20 centres from 2026-01-01, seed 2026. */
export const CITY = { seed: 2026, scale: 20, start: '2026-01-01' } as const;
/** Far more days than any benchmark needs: generation stops at the requested event count. */
const DAYS = 36_500;

/**
 * Runs the simulation until `events` events are stored and hands each one, with its global
 * position and the store's `logHash`, to `sink` in log order (awaited: a sink that writes
 * can wait for the disk). Only the simulation's open cases are held in memory.
 */
export const simulateCity = async (
  events: number,
  sink: (event: StoredEvent) => void | Promise<void>,
): Promise<void> => {
  let position = 0;
  let logHead = GENESIS_HASH;
  const store = {
    append: async (
      _streamId: string,
      _expected: unknown,
      envelopes: readonly EventEnvelope[],
    ): Promise<AppendResult> => {
      for (const envelope of envelopes) {
        if (position >= events) break;
        logHead = nextLogHash(logHead, envelope.hash);
        await sink({ position: BigInt(++position), envelope, logHash: logHead });
      }
      return { nextVersion: 0, lastPosition: BigInt(position), duplicate: false };
    },
  } as unknown as EventStore;
  function* untilEnough(): Generator<SimCommand> {
    for (const c of cityCommands({ ...CITY, days: DAYS })) {
      if (position >= events) return;
      yield c;
    }
  }
  const stats = await driveCommands(store, untilEnough());
  if (stats.samples.length > 0)
    throw new Error(`the simulation refused commands: ${stats.samples.join('; ')}`);
};

/**
 * Version of the line layout `encodeLine` writes, part of the cached file's name so that a
 * file written by an older encoder is never reused (v2: the canonical layout of
 * docs/jsonl-format.md, which `verify` hashes without parsing).
 */
const LAYOUT = 'v2';

/**
 * The path of a JSONL export of the first `events` events of the simulated city, written
 * once into bench/out/ and reused by later runs. Written to a temporary name of its own
 * (process id and a random id: concurrent generators, in one process or several, never share
 * one) and renamed into place, which is atomic: a reader sees no file or a whole one.
 */
export const cityLogFile = async (events: number): Promise<string> => {
  const path = join(CACHE_DIR, `city-${CITY.seed}-${CITY.scale}-${LAYOUT}-${events}.jsonl`);
  if (existsSync(path) && statSync(path).size > 0) return path;
  mkdirSync(CACHE_DIR, { recursive: true });
  const partial = `${path}.${process.pid}-${randomUUID()}.partial`;
  const out = createWriteStream(partial, { encoding: 'utf8' });
  let buffer: string[] = [];
  // The simulation never yields to the event loop by itself: wait for the disk to drain, or
  // the whole file would pile up in memory before the first byte is written.
  const flush = async () => {
    if (buffer.length === 0) return;
    const ok = out.write(`${buffer.join('\n')}\n`);
    buffer = [];
    if (!ok) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  };
  await simulateCity(events, async (e) => {
    buffer.push(encodeLine(e));
    if (buffer.length >= 1000) await flush();
  });
  await flush();
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  renameSync(partial, path);
  return path;
};

/**
 * Reads a file once, untimed, so that a timed pass finds it in the page cache. This host's
 * kernel pages out memory left untouched for about a minute (DAMON, action `pageout`, minimum
 * age 12 × 5 s): a file written or read earlier in the run may be back on disk or not, and a
 * cold first run of `verify` read 35 600 /s against 212 909 and 276 610 for the two after it.
 * `replay` warms its file the same way, through its untimed baseline pass.
 */
export const warmPageCache = async (path: string): Promise<void> => {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1 << 20);
    while ((await file.read(buffer, 0, buffer.length, null)).bytesRead > 0);
  } finally {
    await file.close();
  }
};

// `tsx bench/city-log.ts N`: writes (or finds) the file and prints its path.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const n = Number(process.argv[2] ?? 1_000_000);
  const start = Date.now();
  const path = await cityLogFile(n);
  console.log(
    `${path} (${(statSync(path).size / 1e6).toFixed(0)} MB, ${((Date.now() - start) / 1000).toFixed(1)} s)`,
  );
}
