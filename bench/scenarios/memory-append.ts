import { createMemoryEventStore } from '@civic-ledger/adapters';
import { syntheticLog } from '../data.js';
import { type Scenario, secondsSince } from '../harness.js';

/** Appends pre-sealed events one per call: the store's own cost, hashing excluded. */
export const memoryAppend: Scenario = {
  name: 'in-memory store: append 1 M events over 100 000 streams',
  target: 'linear (second half within 1.5× the first); ≥ 200 000 events/s',
  // A quadratic store would take about three times as long for the second half as the first.
  meets: (m) => m.events_per_s >= 200_000 && Number(m.second_half_over_first_half) <= 1.5,
  run: async (quick) => {
    const events = quick ? 50_000 : 1_000_000;
    const envelopes = [...syntheticLog(events, events / 10)];
    const store = createMemoryEventStore();
    const start = process.hrtime.bigint();
    // Halfway split shows linearity: the second half must not be slower than the first.
    let half = 0;
    for (let i = 0; i < envelopes.length; i++) {
      const e = envelopes[i]!;
      await store.append(e.streamId, e.streamVersion - 1, [e]);
      if (i === envelopes.length / 2) half = secondsSince(start);
    }
    const seconds = secondsSince(start);
    return { events, seconds, extra: { second_half_over_first_half: (seconds - half) / half } };
  },
};
