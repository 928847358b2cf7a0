import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { projectionCatalogue } from '../../packages/cli/src/replay/catalogue.js';
import { replayLog } from '../../packages/cli/src/replay/replay-log.js';
import { startPostgresServer } from '../../tests/support/postgres-server.js';
import { cityLogFile } from '../city-log.js';
import { type Scenario, secondsSince } from '../harness.js';
import { tiledLog } from '../tiled-log.js';

/** Heap limit of the measured process (old space, MB): see `heapLimitMb` below. */
const HEAP_LIMIT_MB = 320;
/**
 * Young-generation semi-space (MB; V8's default is 16): the young generation is two of them,
 * committed whether full or not, and the read models' garbage is short-lived enough for 8.
 */
const SEMI_SPACE_MB = 8;

/**
 * 10 M events streamed through every read model `replay` rebuilds, the way it rebuilds them
 * (`replayLog`): the cached 1 M-event city log read ten times, each pass moved four years
 * later (bench/tiled-log.ts), so that state grows as over a longer history. Case files and
 * ticket progress go to a document store — a PostgreSQL server of its own, so that the peak
 * RSS of this process is the read models' and not the database's.
 *
 * Measured under an operational heap limit: with the harness's default 8 GB, V8 lets garbage
 * grow to about four times the live heap before collecting (a 500 000-event run peaked at
 * 770 MB of heap for 140 MB live). The limit only makes the collector keep up; it holds
 * because the live heap stays small — `live_heap_mb`, measured after a full collection at the
 * end (when the read models are largest), and `max_heap_mb`, the largest heap seen — and the
 * run fails (out of memory) if it does not. A long replay is run the same way
 * (`NODE_OPTIONS='--max-old-space-size=320 --max-semi-space-size=8' civic-ledger replay
 * --documents …`, docs/projections.md).
 */
export const replayMemory: Scenario = {
  name: 'replay memory: 10 M events through every projection (case files and ticket progress to a document store)',
  target: 'peak RSS ≤ 512 MB',
  meets: (m) => m.peak_rss_mb <= 512,
  runs: 1,
  heapLimitMb: HEAP_LIMIT_MB,
  semiSpaceMb: SEMI_SPACE_MB,
  run: async (quick) => {
    const events = quick ? 500_000 : 10_000_000;
    const path = await cityLogFile(1_000_000);
    const server = await startPostgresServer();
    let maxHeap = 0;
    const sample = setInterval(() => {
      maxHeap = Math.max(maxHeap, getHeapStatistics().used_heap_size);
    }, 250);
    try {
      const start = process.hrtime.bigint();
      const built = await replayLog(
        progress(tiledLog(path, events)),
        [...projectionCatalogue().values()],
        {
          documents: server.connectionString,
        },
      );
      const seconds = secondsSince(start);
      const applied = Math.max(...[...built.values()].map((b) => b.applied));
      if (applied === 0) throw new Error('nothing applied');
      return {
        events,
        seconds,
        extra: {
          heap_limit_mb: HEAP_LIMIT_MB,
          semi_space_mb: SEMI_SPACE_MB,
          live_heap_mb: Math.round(liveHeap() / 2 ** 20),
          max_heap_mb: Math.round(maxHeap / 2 ** 20),
        },
      };
    } finally {
      clearInterval(sample);
      await server.stop();
    }
  },
};

/**
 * Passes the events through, writing the count, RSS and heap to stderr every million events:
 * a run of this length that is stopped still says how far it got and how memory grew.
 */
async function* progress<T>(events: AsyncIterable<T>): AsyncGenerator<T> {
  let n = 0;
  const start = Date.now();
  for await (const e of events) {
    yield e;
    if (++n % 1_000_000 === 0) {
      const { rss, heapUsed } = process.memoryUsage();
      process.stderr.write(
        `replay-memory: ${n} events in ${Math.round((Date.now() - start) / 1000)} s, RSS ${Math.round(rss / 2 ** 20)} MB, heap ${Math.round(heapUsed / 2 ** 20)} MB\n`,
      );
    }
  }
}

/**
 * The heap in use after a full collection (the read models are still held by `built`). The
 * collector is reached the way `--expose-gc` would expose it, for this one measurement.
 */
const liveHeap = (): number => {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  return getHeapStatistics().used_heap_size;
};
