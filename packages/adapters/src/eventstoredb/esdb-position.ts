/** ESDB's position in `$all`: a (commit, prepare) pair of log offsets. */
export interface EsdbPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

const SHIFT = 64n;
const LOW = (1n << SHIFT) - 1n;

/**
 * Our single bigint position: commit·2⁶⁴ + prepare. It orders exactly like ESDB's
 * (commit, prepare) pairs — the events of one append share a commit position and differ in
 * prepare — and unpacks losslessly to resume a read or subscription.
 */
export const packPosition = (p: EsdbPosition): bigint => (p.commit << SHIFT) | (p.prepare & LOW);

/** The ESDB position a packed bigint stands for. */
export const unpackPosition = (position: bigint): EsdbPosition => ({
  commit: position >> SHIFT,
  prepare: position & LOW,
});
