import {
  type DataSubjectKeyStore,
  type EncryptedValue,
  ERASED,
  type EventEnvelope,
  type EventStore,
  isEncryptedValue,
  type KeyLookup,
  type PersonalDataCatalogue,
  type ReadAllOptions,
  replaceAtPaths,
  type StoredEvent,
} from '@civic-ledger/domain';
import { decryptValue } from './aes-gcm.js';

/** A protected value names a key the key store has never held: wrong key store, or a lost one. */
export class SubjectKeyMissingError extends Error {
  override readonly name = 'SubjectKeyMissingError';
  constructor(readonly kid: string) {
    super(`no key ${kid} in the key store: is this the key store the events were written with?`);
  }
}

type Lookup = (kid: string) => Promise<KeyLookup>;

/** Memoises key lookups for one read (a report reads many fields of few subjects). */
const cachedLookup = (keyStore: DataSubjectKeyStore): Lookup => {
  const seen = new Map<string, Promise<KeyLookup>>();
  return (kid) => {
    let found = seen.get(kid);
    if (!found) {
      found = keyStore.lookup(kid);
      seen.set(kid, found);
    }
    return found;
  };
};

const open = async (value: EncryptedValue, lookup: Lookup): Promise<unknown> => {
  const found = await lookup(value.kid);
  if (found.state === 'erased') return ERASED;
  if (found.state === 'unknown') throw new SubjectKeyMissingError(value.kid);
  return decryptValue(found.key, value);
};

/**
 * The plain value of a protected field where its subject's key exists, `已删除` where the
 * subject was erased; a value that is not protected is returned as it is.
 */
export const reveal = async (value: unknown, keyStore: DataSubjectKeyStore): Promise<unknown> =>
  isEncryptedValue(value) ? open(value, (kid) => keyStore.lookup(kid)) : value;

const revealData = async (
  catalogue: PersonalDataCatalogue,
  type: string,
  data: unknown,
  lookup: Lookup,
): Promise<unknown> => {
  const replacements: { path: readonly (string | number)[]; value: unknown }[] = [];
  for (const field of catalogue.fieldsOf(type, data))
    if (isEncryptedValue(field.value))
      replacements.push({ path: field.path, value: await open(field.value, lookup) });
  return replacements.length === 0 ? data : replaceAtPaths(data, replacements);
};

/** An event's data with every protected field revealed (or `已删除`). */
export const revealEventData = (
  catalogue: PersonalDataCatalogue,
  type: string,
  data: unknown,
  keyStore: DataSubjectKeyStore,
): Promise<unknown> => revealData(catalogue, type, data, cachedLookup(keyStore));

/**
 * A copy of the envelope with its personal fields revealed, for readers. Its `hash` is the
 * stored one, taken over the ciphertext: verify the stored envelopes, never revealed copies.
 */
export const revealEnvelope = async <E extends EventEnvelope>(
  catalogue: PersonalDataCatalogue,
  envelope: E,
  keyStore: DataSubjectKeyStore,
  lookup: Lookup = cachedLookup(keyStore),
): Promise<E> => {
  const data = await revealData(catalogue, envelope.type, envelope.data, lookup);
  return data === envelope.data ? envelope : ({ ...envelope, data } as E);
};

/** `store.readAll` with every personal field revealed (or `已删除`), streamed. */
export async function* readAllRevealed(
  store: EventStore,
  catalogue: PersonalDataCatalogue,
  keyStore: DataSubjectKeyStore,
  options?: ReadAllOptions,
): AsyncIterable<StoredEvent> {
  const lookup = cachedLookup(keyStore);
  for await (const stored of store.readAll(options))
    yield {
      ...stored,
      envelope: await revealEnvelope(catalogue, stored.envelope, keyStore, lookup),
    };
}
