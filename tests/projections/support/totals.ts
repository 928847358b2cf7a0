import type { StoredEvent } from '@civic-ledger/domain';
import type { Projection } from '@civic-ledger/projections';

/** A small projection over the tally events of `tests/support/tally.ts`: totals per stream. */
export interface Totals {
  readonly perStream: Map<string, { readonly total: number; readonly events: number }>;
  last: bigint;
}

export const totalsProjection = (
  version = 1,
  scale = 1,
): Projection<Totals, { total(stream: string): number | undefined; streams(): number }> => ({
  name: 'totals',
  version,
  init: () => ({ perStream: new Map(), last: 0n }),
  apply: (state, { position, envelope }: StoredEvent) => {
    if (envelope.type !== 'Added') return state;
    const amount = (envelope.data as { amount: number }).amount * scale;
    const prev = state.perStream.get(envelope.streamId) ?? { total: 0, events: 0 };
    state.perStream.set(envelope.streamId, { total: prev.total + amount, events: prev.events + 1 });
    state.last = position;
    return state;
  },
  queries: (state) => ({
    total: (stream) => state.perStream.get(stream)?.total,
    streams: () => state.perStream.size,
  }),
});
