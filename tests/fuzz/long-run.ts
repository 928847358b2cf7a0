// A longer fuzzing run than CI's, with a fresh seed each time (printed, so a failure can be
// replayed): pnpm exec tsx --conditions=@civic-ledger/source tests/fuzz/long-run.ts
// Environment: FUZZ_SEED (replay a seed), FUZZ_RUNS (sequences per aggregate, default 5000).
import fc from 'fast-check';
import { discoverTargets } from './discover.js';
import { deciderNeverThrows, handlerAppendsNothingInvalid, sizeLimitHolds } from './properties.js';

const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const numRuns = Number(process.env.FUZZ_RUNS ?? 5000);
const { targets, unpaired } = discoverTargets();

console.log(`fuzz seed ${seed}, ${numRuns} runs per property, ${targets.length} aggregates`);
if (unpaired.length > 0) console.log(`CommandSchemas without a decider: ${unpaired.join(', ')}`);

let failures = 0;
const check = async (label: string, run: () => Promise<void> | void) => {
  const started = performance.now();
  try {
    await run();
    console.log(`ok    ${label} (${Math.round(performance.now() - started)} ms)`);
  } catch (error) {
    failures++;
    console.log(`FAIL  ${label}\n${error instanceof Error ? error.message : String(error)}`);
  }
};

for (const target of targets) {
  await check(`${target.name}: decider never throws`, () =>
    fc.assert(deciderNeverThrows(target), { seed, numRuns }),
  );
  await check(`${target.name}: handler appends nothing invalid`, () =>
    fc.assert(handlerAppendsNothingInvalid(target), { seed, numRuns: Math.ceil(numRuns / 10) }),
  );
}
await check('size limit', () => fc.assert(sizeLimitHolds(512), { seed, numRuns }));

console.log(
  failures === 0 ? 'all properties hold' : `${failures} properties failed (seed ${seed})`,
);
process.exitCode = failures === 0 ? 0 : 1;
