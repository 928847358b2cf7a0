import type { ExpectedVersion } from '@civic-ledger/domain';
import { ANY, type AppendExpectedRevision, NO_STREAM, STREAM_EXISTS } from '@eventstore/db-client';

/**
 * Maps our expected version to ESDB's expected revision. Our stream versions are 1-based and
 * count events; an ESDB revision is the 0-based index of the last event, so revision = version − 1
 * and version 0 is `NO_STREAM`.
 */
export const toExpectedRevision = (expected: ExpectedVersion): AppendExpectedRevision => {
  switch (expected) {
    case 'no-stream':
      return NO_STREAM;
    case 'stream-exists':
      return STREAM_EXISTS;
    case 'any':
      return ANY;
    default:
      return expected === 0 ? NO_STREAM : BigInt(expected - 1);
  }
};

/**
 * The revision actually sent with a batch. Envelopes carry their `streamVersion` and
 * `prevHash`, so they fit at exactly one place: the looser `'any'` and `'stream-exists'`
 * are checked here and then tightened to that exact revision, because ESDB's `ANY` or
 * `STREAM_EXISTS` would let a batch land after someone else's events and break its chain.
 * Returns undefined when `expected` can never hold for these envelopes.
 */
export const revisionForBatch = (
  expected: ExpectedVersion,
  firstStreamVersion: number,
): AppendExpectedRevision | undefined => {
  const before = firstStreamVersion - 1;
  if (typeof expected === 'number' && expected !== before) return undefined;
  if (expected === 'no-stream' && before !== 0) return undefined;
  if (expected === 'stream-exists' && before === 0) return undefined;
  return toExpectedRevision(before);
};

/** Our stream version from ESDB's current revision (`no_stream` = 0). */
export const versionFromRevision = (current: bigint | 'no_stream' | undefined): number =>
  typeof current === 'bigint' ? Number(current) + 1 : 0;
