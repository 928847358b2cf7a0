import {
  createPersonalDataReader,
  revealEnvelope,
  SubjectKeyMissingError,
  securityAuditReadRecorder,
} from '@civic-ledger/adapters';
import {
  type Actor,
  chinaWorkCalendar,
  createCommandHandler,
  type DataSubjectKeyStore,
  defaultAccessPolicy,
  defaultPolicy,
  type EventStore,
  type StoredEvent,
} from '@civic-ledger/domain';
import { personalDataCatalogue } from '@civic-ledger/projections';
import { failure } from '../cli-error.js';
import { cachedKeyStore } from './cached-key-store.js';

/** A privileged reader: who reads in clear and why (X-06, CMP-06, ARC-02). */
export interface PrivilegedReader {
  readonly actor: Actor;
  readonly purpose: string;
}

/** How many events are revealed, and their reads recorded, at a time. */
const BATCH = 500;

/**
 * Refuses a privileged read by a role the access policy does not allow to read personal
 * data in clear (the library would silently mask; the CLI says so instead).
 */
export const checkPrivilegedRole = (actor: Actor): void => {
  const allowed = defaultAccessPolicy(defaultPolicy).privilegedReaders;
  if (!allowed.includes(actor.role))
    throw failure(
      `角色 ${actor.role} 无权明文读取个人信息（可用：${allowed.join('、')}）`,
      `role ${actor.role} may not read personal data in clear (allowed: ${allowed.join(', ')})`,
    );
};

/**
 * The events as a reader may see them. Everyone gets them decrypted (an erased
 * subject's fields read `已删除`), for the caller to mask by kind (`张*`, `138****5678`):
 * nicer than `***` for every encrypted value, and no plaintext leaves this process unmasked.
 * A privileged reader gets them in clear, and each batch's read is recorded first as
 * `PersonalDataRead` (who, which stream and events, which fields, why) in the reader's
 * unit's security-audit stream; nothing is yielded if recording fails.
 */
export async function* readableEvents(
  store: EventStore,
  events: AsyncIterable<StoredEvent>,
  keyStore: DataSubjectKeyStore,
  privileged?: PrivilegedReader,
): AsyncGenerator<StoredEvent> {
  try {
    // Remembered lookups: a log names few keys many times over.
    yield* readable(store, events, cachedKeyStore(keyStore), privileged);
  } catch (error) {
    if (!(error instanceof SubjectKeyMissingError)) throw error;
    throw failure(
      `密钥库中没有密钥 ${error.kid}：这些事件是用另一个密钥库写入的吗？`,
      `no key ${error.kid} in the key store: were these events written with another key store?`,
    );
  }
}

async function* readable(
  store: EventStore,
  events: AsyncIterable<StoredEvent>,
  keyStore: DataSubjectKeyStore,
  privileged?: PrivilegedReader,
): AsyncGenerator<StoredEvent> {
  if (!privileged) {
    for await (const stored of events)
      yield {
        ...stored,
        envelope: await revealEnvelope(personalDataCatalogue, stored.envelope, keyStore),
      };
    return;
  }
  checkPrivilegedRole(privileged.actor);
  const clock = () => new Date().toISOString();
  const reader = createPersonalDataReader({
    catalogue: personalDataCatalogue,
    keyStore,
    access: defaultAccessPolicy(defaultPolicy),
    recordRead: securityAuditReadRecorder({
      handle: createCommandHandler({ store, clock }),
      context: { policy: defaultPolicy, calendar: chinaWorkCalendar },
      clock,
    }),
  });
  let batch: StoredEvent[] = [];
  const flush = async function* () {
    const shown = await reader.present(
      batch.map((s) => s.envelope),
      privileged,
    );
    for (const [i, stored] of batch.entries())
      yield { ...stored, envelope: shown[i] ?? stored.envelope };
    batch = [];
  };
  for await (const stored of events) {
    batch.push(stored);
    if (batch.length >= BATCH) yield* flush();
  }
  if (batch.length > 0) yield* flush();
}

/** `store.readAll` up to the head it had when the read began (a privileged read appends). */
export async function* readAllUpToHead(store: EventStore): AsyncGenerator<StoredEvent> {
  const head = await store.headPosition();
  for await (const stored of store.readAll({ batchSize: 1000 })) {
    if (stored.position > head) return;
    yield stored;
  }
}
