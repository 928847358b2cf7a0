import {
  type CommandMeta,
  type DataSubjectKeyStore,
  type DomainEvent,
  dataSubjectId,
  identifiersByField,
  isEncryptedValue,
  type PersonalDataCatalogue,
  type PersonalField,
  replaceAtPaths,
  type SubjectKey,
  streamSubjectId,
} from '@civic-ledger/domain';
import { encryptValue } from './aes-gcm.js';

/** Where an event is going, as the command handler's `protect` hook receives it. */
export interface ProtectTarget {
  readonly streamId: string;
  readonly meta: CommandMeta;
}

export interface FieldProtectorOptions {
  readonly keyStore: DataSubjectKeyStore;
  readonly catalogue: PersonalDataCatalogue;
  /**
   * The deployment's secret for keyed subject ids (HMAC-SHA-256); keep it out of the event
   * store. Losing it only means erasure requests must name subject ids instead of ID numbers.
   */
  readonly pepper: string | Uint8Array;
  /**
   * The integrator's explicit subject of a field, when it knows better (a citizen account
   * id); `undefined` falls back to the built-in rules (docs/security.md).
   */
  readonly subjectOf?: (
    field: PersonalField,
    event: DomainEvent,
    target: ProtectTarget,
  ) => string | undefined;
}

/**
 * Encrypts every personal field of an event under its data subject's key. Pass
 * `protect` as the command handler's hook: events are protected before they are sealed.
 *
 * Subject of a field: `subjectOf` if given; else the person named by an identifying field
 * (ID number, then phone, then e-mail) of the same object (`applicant.idNumber` for
 * `applicant.name`); else the record's subject, which is bound to the stream on its first
 * personal data — the first identified person in that event, or the record itself.
 */
export const createFieldProtector = (options: FieldProtectorOptions) => {
  const { keyStore, catalogue, pepper } = options;

  const recordSubject = async (
    fields: readonly PersonalField[],
    identified: ReturnType<typeof identifiersByField>,
    streamId: string,
  ): Promise<string> => {
    const bound = await keyStore.subjectOfStream(streamId);
    if (bound !== undefined) return bound;
    const strongest = ['id-number', 'phone', 'email']
      .map((kind) => fields.map((f) => identified.get(f)).find((id) => id?.kind === kind))
      .find((id) => id !== undefined);
    const candidate = strongest
      ? dataSubjectId(strongest, pepper)
      : streamSubjectId(streamId, pepper);
    return keyStore.bindStream(streamId, candidate);
  };

  const protect = async (event: DomainEvent, target: ProtectTarget): Promise<DomainEvent> => {
    const fields = catalogue
      .fieldsOf(event.type, event.data)
      .filter((f) => f.value !== undefined && f.value !== null && !isEncryptedValue(f.value));
    if (fields.length === 0) return event;
    const identified = identifiersByField(fields);
    let ofRecord: string | undefined;
    const keys = new Map<string, SubjectKey>();
    const replacements: { path: PersonalField['path']; value: unknown }[] = [];
    for (const field of fields) {
      const id = identified.get(field);
      let subject = options.subjectOf?.(field, event, target);
      if (subject === undefined && id) subject = dataSubjectId(id, pepper);
      if (subject === undefined) {
        ofRecord ??= await recordSubject(fields, identified, target.streamId);
        subject = ofRecord;
      }
      let key = keys.get(subject);
      if (!key) {
        key = await keyStore.activeKey(subject);
        keys.set(subject, key);
      }
      replacements.push({ path: field.path, value: encryptValue(key.key, key.kid, field.value) });
    }
    return { type: event.type, data: replaceAtPaths(event.data, replacements) };
  };

  return { protect };
};
