/** What one run of a scenario measured. */
export interface Measurement {
  readonly events: number;
  readonly seconds: number;
  /** Extra figures a scenario reports (e.g. the baseline rate of a replay). */
  readonly extra?: Readonly<Record<string, number>>;
}

/** A benchmark scenario: runs once per call, in a fresh process, and measures itself. */
export interface Scenario {
  readonly name: string;
  /** The target, in words, as in the issue. */
  readonly target: string;
  /** True when the measured figures meet the target. */
  readonly meets: (median: MedianResult) => boolean;
  readonly run: (quick: boolean) => Promise<Measurement>;
  /** Runs for a median when `--runs` is not given (default 3); a 10 M-event scenario runs once. */
  readonly runs?: number;
  /**
   * The V8 old-space limit its process runs with (`--max-old-space-size`, default 8192): a
   * memory scenario states the operational setting it is measured under.
   */
  readonly heapLimitMb?: number;
  /**
   * The V8 young-generation semi-space its process runs with (`--max-semi-space-size`, MB;
   * V8's default when absent): the young generation is committed memory too (two semi-spaces).
   */
  readonly semiSpaceMb?: number;
}

export interface MedianResult {
  readonly events: number;
  readonly seconds: number;
  readonly events_per_s: number;
  readonly peak_rss_mb: number;
  readonly runs: number;
  /** Extra medians a scenario reports (e.g. `baseline_events_per_s`). */
  readonly [key: string]: number | string | boolean;
}

/** Seconds elapsed since `start` (from `process.hrtime.bigint()`). */
export const secondsSince = (start: bigint): number =>
  Number(process.hrtime.bigint() - start) / 1e9;

/** A small seeded PRNG (mulberry32) so that generated data is the same on every run. */
export const prng = (seed: number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};
