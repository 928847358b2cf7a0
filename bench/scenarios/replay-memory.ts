import { projectionCatalogue } from '../../packages/cli/src/replay/catalogue.js';
import { replayLog } from '../../packages/cli/src/replay/replay-log.js';
import { startPostgresServer } from '../../tests/support/postgres-server.js';
import { cityLogFile } from '../city-log.js';
import { type Scenario, secondsSince } from '../harness.js';
import { tiledLog } from '../tiled-log.js';

/**
 * 10 M events streamed through every read model `replay` rebuilds, the way it rebuilds them
 * (`replayLog`): the cached 1 M-event city log read ten times, each pass moved four years
 * later (bench/tiled-log.ts), so that state grows as over a longer history. Case files and
 * ticket progress go to a document store — a PostgreSQL server of its own, so that the peak
 * RSS of this process is the read models' and not the database's.
 */
export const replayMemory: Scenario = {
  name: 'replay memory: 10 M events through every projection (case files and ticket progress to a document store)',
  target: 'peak RSS ≤ 512 MB',
  meets: (m) => m.peak_rss_mb <= 512,
  run: async (quick) => {
    const events = quick ? 500_000 : 10_000_000;
    const path = await cityLogFile(1_000_000);
    const server = await startPostgresServer();
    try {
      const start = process.hrtime.bigint();
      const built = await replayLog(tiledLog(path, events), [...projectionCatalogue().values()], {
        documents: server.connectionString,
      });
      const seconds = secondsSince(start);
      const applied = Math.max(...[...built.values()].map((b) => b.applied));
      if (applied === 0) throw new Error('nothing applied');
      return {
        events,
        seconds,
        extra: { heap_used_mb: Math.round(process.memoryUsage().heapUsed / 2 ** 20) },
      };
    } finally {
      await server.stop();
    }
  },
};
