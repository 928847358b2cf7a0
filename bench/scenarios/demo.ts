import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Scenario, secondsSince } from '../harness.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * `civic-ledger demo --days 30` end to end, as a user runs it: a process of its own (startup
 * included) filling a fresh embedded store in a temporary directory, then the KPI summary.
 */
export const demo: Scenario = {
  name: 'embedded store: `demo --days 30` end to end',
  target: 'report the figure; under 60 s',
  meets: (m) => m.seconds < 60,
  run: async (quick) => {
    const days = quick ? 3 : 30;
    const dir = mkdtempSync(join(tmpdir(), 'civic-ledger-bench-demo-'));
    try {
      const start = process.hrtime.bigint();
      const child = spawnSync(
        process.execPath,
        [
          '--conditions=@civic-ledger/source',
          '--import',
          'tsx',
          join(root, 'packages/cli/src/bin.ts'),
          '--lang',
          'en',
          '--quiet',
          '--store',
          `embedded:${join(dir, 'store')}`,
          'demo',
          '--days',
          String(days),
        ],
        { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 },
      );
      const seconds = secondsSince(start);
      if (child.status !== 0) throw new Error(`demo exited with ${child.status}: ${child.stderr}`);
      const wrote = /wrote (\d+) events/.exec(child.stdout);
      if (!wrote) throw new Error(`demo output without an event count: ${child.stdout}`);
      return { events: Number(wrote[1]), seconds };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
