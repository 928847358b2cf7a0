import { ANY, NO_STREAM, STREAM_EXISTS } from '@eventstore/db-client';
import { describe, expect, it } from 'vitest';
import { revisionForBatch, toExpectedRevision, versionFromRevision } from './expected-revision.js';

describe('expected version → ESDB expected revision', () => {
  it('maps the forms: version n is revision n − 1, version 0 is NO_STREAM', () => {
    expect(toExpectedRevision(0)).toBe(NO_STREAM);
    expect(toExpectedRevision('no-stream')).toBe(NO_STREAM);
    expect(toExpectedRevision('stream-exists')).toBe(STREAM_EXISTS);
    expect(toExpectedRevision('any')).toBe(ANY);
    expect(toExpectedRevision(1)).toBe(0n);
    expect(toExpectedRevision(2 ** 40)).toBe(2n ** 40n - 1n);
  });

  it('pins a batch to the exact revision its envelopes continue, or refuses it', () => {
    expect(revisionForBatch(0, 1)).toBe(NO_STREAM);
    expect(revisionForBatch(3, 4)).toBe(2n);
    expect(revisionForBatch(3, 5)).toBeUndefined();
    expect(revisionForBatch('no-stream', 2)).toBeUndefined();
    expect(revisionForBatch('stream-exists', 1)).toBeUndefined();
    expect(revisionForBatch('stream-exists', 4)).toBe(2n);
    expect(revisionForBatch('any', 1)).toBe(NO_STREAM);
    expect(revisionForBatch('any', 7)).toBe(5n);
  });

  it('reads the current revision back as a version', () => {
    expect(versionFromRevision('no_stream')).toBe(0);
    expect(versionFromRevision(undefined)).toBe(0);
    expect(versionFromRevision(4n)).toBe(5);
  });
});
