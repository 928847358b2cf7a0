import { createChainVerifier } from '@civic-ledger/domain';
import { syntheticLog } from '../data.js';
import { type Scenario, secondsSince } from '../harness.js';

/** Re-hashes every event and checks every link, as `civic-ledger verify` does. */
export const verifyChain: Scenario = {
  name: 'verify: hash chain of 1 M events',
  target: '≥ 300 000 events/s',
  meets: (m) => m.events_per_s >= 300_000,
  run: async (quick) => {
    const events = quick ? 50_000 : 1_000_000;
    const envelopes = [...syntheticLog(events, events / 10)];
    const verifier = createChainVerifier();
    const start = process.hrtime.bigint();
    for (let i = 0; i < envelopes.length; i++) verifier.push(envelopes[i]!, BigInt(i + 1));
    const report = verifier.finish();
    const seconds = secondsSince(start);
    if (!report.ok) throw new Error(`chain broken: ${report.break.message.en}`);
    return { events, seconds };
  },
};
