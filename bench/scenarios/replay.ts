import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { run as runCli } from '@civic-ledger/cli';
import { cityLogFile } from '../city-log.js';
import { type Scenario, secondsSince } from '../harness.js';

/**
 * The baseline: read the file line by line, `JSON.parse`, a trivial fold (count per type and
 * sum of stream versions) — what any replay of this file costs before any read model runs.
 */
export const parseAndFold = async (path: string): Promise<{ events: number; seconds: number }> => {
  const start = process.hrtime.bigint();
  const lines = createInterface({
    input: createReadStream(path, { encoding: 'utf8' }),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  const perType = new Map<string, number>();
  let events = 0;
  let versions = 0;
  for await (const line of lines) {
    if (line === '') continue;
    const e = JSON.parse(line) as { type: string; streamVersion: number };
    perType.set(e.type, (perType.get(e.type) ?? 0) + 1);
    versions += e.streamVersion;
    events++;
  }
  if (versions <= 0) throw new Error('empty log');
  return { events, seconds: secondsSince(start) };
};

/** Runs the CLI in this process with its stdout swallowed (the harness reads the last line). */
export const cliQuietly = async (args: readonly string[]): Promise<number> => {
  const write = process.stdout.write;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    return await runCli([...args]);
  } finally {
    process.stdout.write = write;
  }
};

/**
 * `civic-ledger replay --from FILE` over a 1 M-event export of the simulated city: every read
 * model the CLI rebuilds, in one process (one core), against the raw parse-and-fold rate of the
 * same file measured in the same run.
 */
export const replay: Scenario = {
  name: 'replay: every projection over a 1 M-event JSONL export (one core)',
  target: '≥ 50 % of the raw parse-and-fold rate of the same file',
  meets: (m) => m.events_per_s >= 0.5 * Number(m.baseline_events_per_s),
  run: async (quick) => {
    const path = await cityLogFile(quick ? 100_000 : 1_000_000);
    // Once untimed, so that both passes find the file in the page cache.
    await parseAndFold(path);
    const baseline = await parseAndFold(path);
    const start = process.hrtime.bigint();
    const code = await cliQuietly(['--quiet', 'replay', '--from', path, '--json']);
    const seconds = secondsSince(start);
    if (code !== 0) throw new Error(`replay exited with ${code}`);
    return {
      events: baseline.events,
      seconds,
      extra: {
        baseline_events_per_s: Math.round(baseline.events / baseline.seconds),
        baseline_seconds: baseline.seconds,
      },
    };
  },
};
