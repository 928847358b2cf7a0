/** A data subject's current key: `kid` names it inside every envelope it encrypted. */
export interface SubjectKey {
  readonly kid: string;
  readonly subjectId: string;
  /** 32 bytes for AES-256-GCM. */
  readonly key: Uint8Array;
}

/** What the key store knows about a `kid`: usable, destroyed by an erasure, or never seen. */
export type KeyLookup =
  | { readonly state: 'active'; readonly key: Uint8Array }
  | { readonly state: 'erased' }
  | { readonly state: 'unknown' };

/**
 * The key-store port (X-06 crypto-shredding): one key per data subject, destroyed on a lawful
 * erasure request. Implementations live in `@civic-ledger/adapters` (memory, SQL for PGlite
 * and PostgreSQL).
 */
export interface DataSubjectKeyStore {
  /** The subject's current key; creates one (a new generation after an erasure) when needed. */
  activeKey(subjectId: string): Promise<SubjectKey>;
  /** The key material for `kid`, or why there is none. */
  lookup(kid: string): Promise<KeyLookup>;
  /** Destroys every key of the subject, leaving tombstones; returns how many were destroyed. */
  erase(subjectId: string): Promise<number>;
  /** The subject a record's unidentified personal fields belong to (its applicant, say). */
  subjectOfStream(streamId: string): Promise<string | undefined>;
  /** Binds a stream to a subject unless bound already; returns the subject it is bound to. */
  bindStream(streamId: string, subjectId: string): Promise<string>;
}
