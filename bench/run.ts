/**
 * `pnpm bench [--quick] [--only key,key] [--runs N]`: runs every scenario several times, each
 * run in a fresh Node process, and writes the medians to bench/results.json and
 * bench/RESULTS.md (a quick run writes to bench/out/ so it never replaces the real figures).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Measurement, MedianResult } from './harness.js';
import { scenarios } from './scenarios/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1]?.split(',') : undefined;
const runsAsked = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : undefined;
/** Runs of one scenario: `--runs`, else the scenario's own count (a 10 M-event run once), else 3. */
const runsOf = (scenario: { readonly runs?: number }): number =>
  runsAsked ?? (quick ? 1 : (scenario.runs ?? 3));

const runOnce = (key: string): Measurement & { peakRssMb: number } => {
  const heapLimitMb = scenarios[key]?.heapLimitMb ?? 8192;
  const semiSpaceMb = scenarios[key]?.semiSpaceMb;
  const child = spawnSync(
    process.execPath,
    [
      '--conditions=@civic-ledger/source',
      '--import',
      'tsx',
      `--max-old-space-size=${heapLimitMb}`,
      ...(semiSpaceMb === undefined ? [] : [`--max-semi-space-size=${semiSpaceMb}`]),
      join(here, 'child.ts'),
      key,
      ...(quick ? ['--quick'] : []),
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 },
  );
  if (child.status !== 0) throw new Error(`scenario ${key} failed (exit ${child.status})`);
  const line = child.stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(line) as Measurement & { peakRssMb: number };
};

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
})();

const results: Record<string, MedianResult & { name: string; target: string; meets: boolean }> = {};
for (const [key, scenario] of Object.entries(scenarios)) {
  if (only && !only.includes(key)) continue;
  const runs = runsOf(scenario);
  const measured = Array.from({ length: runs }, (_, i) => {
    const m = runOnce(key);
    console.log(
      `${key} run ${i + 1}/${runs}: ${m.events} events in ${m.seconds.toFixed(3)} s = ${Math.round(m.events / m.seconds)} /s, peak RSS ${Math.round(m.peakRssMb)} MB`,
    );
    return m;
  });
  const seconds = median(measured.map((m) => m.seconds));
  const events = measured[0]!.events;
  const extraKeys = Object.keys(measured[0]!.extra ?? {});
  const extra = Object.fromEntries(
    extraKeys.map((k) => [k, median(measured.map((m) => m.extra?.[k] ?? Number.NaN))]),
  );
  const result: MedianResult = {
    events,
    seconds,
    events_per_s: Math.round(events / seconds),
    peak_rss_mb: Math.round(median(measured.map((m) => m.peakRssMb))),
    runs,
    ...extra,
  };
  results[key] = {
    name: scenario.name,
    target: scenario.target,
    meets: scenario.meets(result),
    ...result,
  };
}

const outDir = quick ? join(here, 'out') : here;
mkdirSync(outDir, { recursive: true });
const machine = `${process.version}, ${(await import('node:os')).cpus().length} cores`;
// `--only` measures some scenarios: the figures of the others, from an earlier run of the same
// kind (quick or not), are kept rather than dropped, in the order of the scenario list.
const previous = (() => {
  const file = join(outDir, 'results.json');
  if (!only || !existsSync(file)) return {};
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as {
      quick?: boolean;
      results?: typeof results;
    };
    return saved.quick === quick ? (saved.results ?? {}) : {};
  } catch {
    return {};
  }
})();
const merged: typeof results = {};
for (const key of Object.keys(scenarios)) {
  const r = results[key] ?? previous[key];
  if (r) merged[key] = r;
}
writeFileSync(
  join(outDir, 'results.json'),
  `${JSON.stringify({ commit, machine, quick, results: merged }, null, 2)}\n`,
);

const STANDARD = new Set([
  'name',
  'target',
  'meets',
  'events',
  'seconds',
  'events_per_s',
  'peak_rss_mb',
  'runs',
]);
/** The figures a scenario adds (the replay's baseline rate, a half-by-half ratio …), as `key = value`. */
const extras = (r: (typeof merged)[string]): string =>
  Object.entries(r)
    .filter(([k]) => !STANDARD.has(k))
    .map(
      ([k, v]) => `${k} = ${typeof v === 'number' ? Number(v.toFixed(3)).toLocaleString('en') : v}`,
    )
    .join('; ');
const rows = Object.values(merged).map(
  (r) =>
    `| ${r.name} | ${r.target} | ${r.events.toLocaleString('en')} | ${r.seconds.toFixed(3)} | ${r.events_per_s.toLocaleString('en')} | ${r.peak_rss_mb} | ${r.runs} | ${extras(r)} | ${r.meets ? 'met' : '**not met**'} |`,
);
const md = [
  '# Benchmark results',
  '',
  `Commit \`${commit}\`, ${machine}; each figure is the median of the runs shown, each run in a fresh process${quick ? ' (quick sizes: not the real figures)' : ''}.`,
  'Produced by `pnpm bench`; see bench/README.md for what each scenario measures.',
  '',
  '| scenario | target | events | seconds (median) | events/s | peak RSS MB | runs | also measured | met |',
  '|---|---|---:|---:|---:|---:|---:|---|---|',
  ...rows,
  '',
].join('\n');
writeFileSync(join(outDir, 'RESULTS.md'), md);
console.log(`\n${md}`);
