import {
  computeHash,
  type EnvelopeMeta,
  type EventEnvelope,
  GENESIS_HASH,
  nextLogHash,
} from './envelope.js';
import type { BilingualMessage } from './errors.js';
import type { StoredEvent } from './event-store.js';

/** How the log was broken. */
export type BreakKind = 'altered' | 'removed' | 'inserted' | 'reordered';

/** The first broken link found, with enough to find the event. */
export interface ChainBreak {
  readonly kind: BreakKind;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly eventId: string;
  /** Global position where the store gave one. */
  readonly position?: bigint;
  /** Index of the event in the sequence that was verified (0-based). */
  readonly index: number;
  readonly message: BilingualMessage;
}

export type VerifyReport =
  | { readonly ok: true; readonly events: number; readonly streams: number }
  | {
      readonly ok: false;
      readonly events: number;
      readonly streams: number;
      readonly break: ChainBreak;
    };

type BreakSite = Omit<ChainBreak, 'kind' | 'message'>;

/**
 * The last event of a stream that held, with where it stood (its id, index and position),
 * to name it when a later link shows it was replaced. Kept as fields rather than a
 * `BreakSite` object: one allocation less per event on the path every verified event takes.
 */
interface StreamHead {
  version: number;
  hash: string;
  eventId: string;
  index: number;
  position: bigint | undefined;
}

const siteOf = (
  streamId: string,
  streamVersion: number,
  eventId: string,
  index: number,
  position: bigint | undefined,
): BreakSite =>
  position === undefined
    ? { streamId, streamVersion, eventId, index }
    : { streamId, streamVersion, eventId, index, position };

interface PendingGap {
  readonly streamId: string;
  readonly missingVersion: number;
  readonly at: BreakSite;
}

const describe = (kind: BreakKind, streamId: string, version: number): BilingualMessage => {
  const zh: Record<BreakKind, string> = {
    altered: '内容被篡改（哈希不符）',
    removed: '之前的事件被删除',
    inserted: '插入了不属于该链的事件',
    reordered: '事件顺序被调换',
  };
  const en: Record<BreakKind, string> = {
    altered: 'content was altered (hash mismatch)',
    removed: 'an earlier event was removed',
    inserted: 'an event that does not belong to the chain was inserted',
    reordered: 'events were reordered',
  };
  return {
    zh: `流 ${streamId} 第 ${version} 个事件：${zh[kind]}`,
    en: `stream ${streamId} version ${version}: ${en[kind]}`,
  };
};

/**
 * What the chain verifier needs of one event: its links and names. Readers that hash the
 * stored bytes themselves (docs/jsonl-format.md) push these, with the hash they computed,
 * instead of whole envelopes.
 */
export type ChainLink = Pick<
  EnvelopeMeta,
  'eventId' | 'streamId' | 'streamVersion' | 'prevHash' | 'hash'
>;

/**
 * Incremental verifier of hash chains: push envelopes (or links) in log order, then
 * `finish`. Keeps one head per stream, so memory grows with streams, not events. The first
 * break is classified; a version gap is reported as `reordered` if the missing event shows
 * up later in the sequence and as `removed` otherwise.
 */
export const createChainVerifier = () => {
  const heads = new Map<string, StreamHead>();
  let index = 0;
  let lastPosition: bigint | undefined;
  let found: ChainBreak | undefined;
  let pending: PendingGap | undefined;

  const fail = (kind: BreakKind, at: BreakSite): void => {
    found ??= { kind, ...at, message: describe(kind, at.streamId, at.streamVersion) };
  };

  let logHead = GENESIS_HASH;

  /**
   * One step of the chain. The content hash is `computed`, or, for a whole envelope, computed
   * here only when it is needed (not once a break is pending or found).
   */
  const step = (
    envelope: ChainLink,
    computed: string | undefined,
    position: bigint | undefined,
    logHash: string | undefined,
    logBase?: string,
    computedLogHash?: string,
  ): boolean => {
    const i = index++;
    if (found) return false;
    const { streamId, streamVersion, eventId } = envelope;
    if (pending) {
      if (
        envelope.streamId === pending.streamId &&
        envelope.streamVersion === pending.missingVersion
      ) {
        fail('reordered', pending.at);
        return false;
      }
      return true;
    }
    if (position !== undefined) {
      if (lastPosition !== undefined && position <= lastPosition) {
        fail('reordered', siteOf(streamId, streamVersion, eventId, i, position));
        return false;
      }
      lastPosition = position;
    }
    if ((computed ?? computeHash(envelope as EventEnvelope)) !== envelope.hash) {
      fail('altered', siteOf(streamId, streamVersion, eventId, i, position));
      return false;
    }
    const known = heads.get(streamId);
    const head = known ?? {
      version: 0,
      hash: GENESIS_HASH,
      eventId,
      index: i,
      position,
    };
    const nextVersion = head.version + 1;
    if (envelope.streamVersion === nextVersion && envelope.prevHash === head.hash) {
      if (logHash !== undefined) {
        // The stream is intact but the global chain is not: events of other streams went missing.
        const expected =
          computedLogHash !== undefined && logBase === logHead
            ? computedLogHash
            : nextLogHash(logHead, envelope.hash);
        if (logHash !== expected) {
          fail('removed', siteOf(streamId, streamVersion, eventId, i, position));
          return false;
        }
        logHead = logHash;
      }
      head.version = nextVersion;
      head.hash = envelope.hash;
      head.eventId = eventId;
      head.index = i;
      head.position = position;
      // A stream counts once its first event holds.
      if (known === undefined) heads.set(streamId, head);
      return true;
    }
    if (envelope.streamVersion > nextVersion) {
      // Either removed or moved later: decided when the missing version shows up (or not).
      pending = {
        streamId: envelope.streamId,
        missingVersion: nextVersion,
        at: siteOf(streamId, streamVersion, eventId, i, position),
      };
      return true;
    }
    if (envelope.streamVersion < nextVersion) {
      fail('inserted', siteOf(streamId, streamVersion, eventId, i, position));
      return false;
    }
    // Right version, wrong link: the previous event is not the one this event was chained
    // to, so that one was altered and re-hashed (or swapped for a forgery).
    fail(
      'altered',
      known === undefined
        ? siteOf(streamId, streamVersion, eventId, i, position)
        : siteOf(streamId, head.version, head.eventId, head.index, head.position),
    );
    return false;
  };

  /** Pushes the next envelope of the log; false once a break is found. */
  const push = (envelope: EventEnvelope, position?: bigint, logHash?: string): boolean =>
    step(envelope, undefined, position, logHash);

  /**
   * Pushes the next event of the log as a link, with the hash its content actually has
   * (`computedHash`: not `link.hash` when the content was altered). A caller that hashed
   * ahead may also pass `computedLogHash = nextLogHash(logBase, link.hash)`: it is used when
   * `logBase` is the chain's head, and computed here otherwise.
   */
  const pushLink = (
    link: ChainLink,
    computedHash: string,
    position?: bigint,
    logHash?: string,
    logBase?: string,
    computedLogHash?: string,
  ): boolean => step(link, computedHash, position, logHash, logBase, computedLogHash);

  /** The number of events pushed so far, broken or not. */
  const count = (): number => index;

  const finish = (): VerifyReport => {
    if (!found && pending) fail('removed', pending.at);
    const summary = { events: index, streams: heads.size };
    return found ? { ok: false, ...summary, break: found } : { ok: true, ...summary };
  };

  return { push, pushLink, count, finish };
};

/** Verifies one stream's envelopes in version order. */
export const verifyStream = (envelopes: Iterable<EventEnvelope>): VerifyReport => {
  const verifier = createChainVerifier();
  for (const envelope of envelopes) if (!verifier.push(envelope)) break;
  return verifier.finish();
};

/** Verifies a whole log in global order, streaming; reports the first broken link. */
export const verifyLog = async (
  events: AsyncIterable<StoredEvent> | Iterable<StoredEvent>,
  onProgress?: (verified: number) => void,
): Promise<VerifyReport> => {
  const verifier = createChainVerifier();
  let n = 0;
  for await (const { envelope, position, logHash } of events) {
    verifier.push(envelope, position, logHash);
    n++;
    if (onProgress && n % 10_000 === 0) onProgress(n);
  }
  return verifier.finish();
};
