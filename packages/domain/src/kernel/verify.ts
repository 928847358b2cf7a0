import { computeHash, type EventEnvelope, GENESIS_HASH, nextLogHash } from './envelope.js';
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

interface StreamHead {
  version: number;
  hash: string;
  /** Where the head event stood, to name it when a later link shows it was replaced. */
  at?: Omit<ChainBreak, 'kind' | 'message'>;
}

interface PendingGap {
  readonly streamId: string;
  readonly missingVersion: number;
  readonly at: Omit<ChainBreak, 'kind' | 'message'>;
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
 * Incremental verifier of hash chains: push envelopes in log order, then `finish`. Keeps
 * one head per stream, so memory grows with streams, not events. The first break is
 * classified; a version gap is reported as `reordered` if the missing event shows up later
 * in the sequence and as `removed` otherwise.
 */
export const createChainVerifier = () => {
  const heads = new Map<string, StreamHead>();
  let index = 0;
  let lastPosition: bigint | undefined;
  let found: ChainBreak | undefined;
  let pending: PendingGap | undefined;

  const fail = (kind: BreakKind, at: Omit<ChainBreak, 'kind' | 'message'>): void => {
    found ??= { kind, ...at, message: describe(kind, at.streamId, at.streamVersion) };
  };

  let logHead = GENESIS_HASH;

  const push = (envelope: EventEnvelope, position?: bigint, logHash?: string): boolean => {
    const i = index++;
    if (found) return false;
    const at = {
      streamId: envelope.streamId,
      streamVersion: envelope.streamVersion,
      eventId: envelope.eventId,
      index: i,
      ...(position === undefined ? {} : { position }),
    };
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
        fail('reordered', at);
        return false;
      }
      lastPosition = position;
    }
    if (computeHash(envelope) !== envelope.hash) {
      fail('altered', at);
      return false;
    }
    const head = heads.get(envelope.streamId) ?? { version: 0, hash: GENESIS_HASH };
    const nextVersion = head.version + 1;
    if (envelope.streamVersion === nextVersion && envelope.prevHash === head.hash) {
      if (logHash !== undefined) {
        // The stream is intact but the global chain is not: events of other streams went missing.
        if (logHash !== nextLogHash(logHead, envelope.hash)) {
          fail('removed', at);
          return false;
        }
        logHead = logHash;
      }
      head.version = nextVersion;
      head.hash = envelope.hash;
      head.at = at;
      heads.set(envelope.streamId, head);
      return true;
    }
    if (envelope.streamVersion > nextVersion) {
      // Either removed or moved later: decided when the missing version shows up (or not).
      pending = { streamId: envelope.streamId, missingVersion: nextVersion, at };
      return true;
    }
    if (envelope.streamVersion < nextVersion) {
      fail('inserted', at);
      return false;
    }
    // Right version, wrong link: the previous event is not the one this event was chained
    // to, so that one was altered and re-hashed (or swapped for a forgery).
    fail('altered', head.at ?? at);
    return false;
  };

  const finish = (): VerifyReport => {
    if (!found && pending) fail('removed', pending.at);
    const summary = { events: index, streams: heads.size };
    return found ? { ok: false, ...summary, break: found } : { ok: true, ...summary };
  };

  return { push, finish };
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
