import { cityLogFile, warmPageCache } from '../city-log.js';
import { type Scenario, secondsSince } from '../harness.js';
import { cliQuietly } from './replay.js';

/**
 * `civic-ledger verify --from FILE` over a 1 M-event export of the simulated city: streams the
 * file, re-hashes every event and checks every stream link and the global chain. The file is
 * read once untimed first, so that the timed pass finds it in the page cache, as `replay`'s
 * does (see `warmPageCache`).
 * The export is in the canonical layout (docs/jsonl-format.md), as `export` writes it, so
 * this measures the fast path: hashed as it stands, on a worker thread, never parsed.
 */
export const verifyChain: Scenario = {
  name: 'verify: hash chain of a 1 M-event JSONL export, streamed from disk',
  target: '≥ 300 000 events/s',
  meets: (m) => m.events_per_s >= 300_000,
  run: async (quick) => {
    const events = quick ? 100_000 : 1_000_000;
    const path = await cityLogFile(events);
    await warmPageCache(path);
    const start = process.hrtime.bigint();
    const code = await cliQuietly(['--quiet', 'verify', '--from', path]);
    const seconds = secondsSince(start);
    if (code !== 0) throw new Error(`verify exited with ${code}: the chain is broken`);
    return { events, seconds };
  },
};
