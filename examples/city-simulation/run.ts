/**
 * Runs the simulated city into any store and prints what it did:
 *
 *   pnpm exec tsx --conditions=@civic-ledger/source examples/city-simulation/run.ts \
 *     --days 365 --scale 10 --seed 7 --store memory:
 *
 * The commands are generated lazily, day by day, and decided by the real deciders; memory
 * holds the open cases only, so years and millions of events fit (see README.md).
 */
import { parseArgs } from 'node:util';
import { createMemoryKeyStore, openEventStore } from '@civic-ledger/adapters';
import {
  cityCommands,
  cliProtect,
  driveCommands,
  pepperFromEnv,
  simulatedCity,
} from '@civic-ledger/cli';

const { values } = parseArgs({
  options: {
    days: { type: 'string', default: '30' },
    scale: { type: 'string', default: '3' },
    seed: { type: 'string', default: '2026' },
    start: { type: 'string', default: '2026-07-01' },
    store: { type: 'string', default: 'memory:' },
    via: { type: 'string', default: 'fast' },
  },
});
const options = {
  days: Number(values.days),
  scale: Number(values.scale),
  seed: Number(values.seed),
  start: values.start,
};
const city = simulatedCity(options);
console.log(
  `${city.centres.length} centres (${city.centres.map((c) => c.name).join('、')}), ${city.departments.length} departments`,
);

const store = await openEventStore(values.store);
const started = performance.now();
// personal fields are encrypted with a key per data subject before they are hashed
// (here an in-memory key store; the CLI keeps keys in the store's database).
const pepper = pepperFromEnv();
if (pepper.demo) console.log('(CIVIC_LEDGER_PEPPER not set: using the public demo pepper)');
const stats = await driveCommands(store, cityCommands(options), {
  protect: cliProtect(createMemoryKeyStore(), pepper.value),
  via: values.via === 'handleCommand' ? 'handleCommand' : 'fast',
  onProgress: (s) => {
    if (s.commands % 50_000 === 0)
      console.log(`  … ${s.events} events, simulated time ${s.lastAt}`);
  },
});
const seconds = (performance.now() - started) / 1000;
console.log(
  `${stats.events} events from ${stats.commands} commands in ${seconds.toFixed(1)} s (${Math.round(stats.events / seconds)} events/s)`,
);
console.log(
  `refused by the rules: ${JSON.stringify(stats.rejected)}; heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`,
);
await store.close();
