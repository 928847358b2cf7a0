import { randomUUID } from 'node:crypto';
import {
  type AccessPolicy,
  type Actor,
  type BoundCommandHandler,
  type DataSubjectKeyStore,
  type DecideContext,
  type EventEnvelope,
  maskEventData,
  type PersonalDataCatalogue,
  type PersonalDataRead,
  recordPersonalDataRead,
} from '@civic-ledger/domain';
import { revealEnvelope } from './reveal.js';

/** Who reads, and why: a privileged role sees personal data in clear only with a purpose. */
export interface Reader {
  readonly actor: Actor;
  /** Why the data is read (a case number, a court order); required for clear text. */
  readonly purpose?: string;
}

export interface PersonalDataReaderOptions {
  readonly catalogue: PersonalDataCatalogue;
  readonly keyStore: DataSubjectKeyStore;
  readonly access: AccessPolicy;
  /** Records one privileged read; see {@link securityAuditReadRecorder}. */
  readonly recordRead: (read: PersonalDataRead, reader: Actor) => Promise<void>;
}

/**
 * What read models, reports, `history` and exports show (X-06, CMP-06, ARC-02): personal
 * fields masked (`张*`, `138****5678`, `已删除` once erased), or in clear for a privileged
 * role that states a purpose, in which case the read is recorded first (one record per
 * stream read).
 */
export const createPersonalDataReader = (options: PersonalDataReaderOptions) => {
  const { catalogue, keyStore, access } = options;
  const present = async <Env extends EventEnvelope>(
    envelopes: readonly Env[],
    reader: Reader,
  ): Promise<Env[]> => {
    const revealed: Env[] = [];
    for (const e of envelopes) revealed.push(await revealEnvelope(catalogue, e, keyStore));
    const purpose = reader.purpose?.trim();
    const privileged = access.privilegedReaders.includes(reader.actor.role) && !!purpose;
    if (!privileged)
      return revealed.map((e) => ({ ...e, data: maskEventData(catalogue, e.type, e.data) }));
    const byStream = new Map<string, { eventIds: string[]; fields: Set<string> }>();
    for (const e of envelopes) {
      const fields = catalogue.fieldsOf(e.type, e.data);
      if (fields.length === 0) continue;
      const entry = byStream.get(e.streamId) ?? { eventIds: [], fields: new Set<string>() };
      entry.eventIds.push(e.eventId);
      for (const f of fields) entry.fields.add(`${e.type}.${f.path.join('.')}`);
      byStream.set(e.streamId, entry);
    }
    for (const [streamId, { eventIds, fields }] of byStream)
      await options.recordRead(
        { streamId, eventIds, fields: [...fields], purpose: purpose ?? '' },
        reader.actor,
      );
    return revealed;
  };
  return { present };
};

/**
 * A `recordRead` that appends `PersonalDataRead` to the reader's unit's security-audit
 * stream through a command handler; a failure to record throws, so no clear text is shown
 * without its record.
 */
export const securityAuditReadRecorder =
  (options: {
    readonly handle: BoundCommandHandler;
    readonly context: Omit<DecideContext, 'actor' | 'now'>;
    readonly clock: () => string;
  }) =>
  async (read: PersonalDataRead, reader: Actor): Promise<void> => {
    const now = options.clock();
    const result = await recordPersonalDataRead(
      options.handle,
      read,
      { ...options.context, actor: reader, now },
      { commandId: randomUUID(), actor: reader, occurredAt: now },
    );
    if (result._tag === 'Left')
      throw new Error(`the privileged read could not be recorded: ${result.left.message.en}`);
  };
