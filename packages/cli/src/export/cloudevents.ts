import type { StoredEvent } from '@civic-ledger/domain';
import { maskEventData } from '../privacy/mask-event.js';

/** A CloudEvents 1.0 event in the JSON format (structured mode). */
export interface CloudEvent {
  readonly specversion: '1.0';
  readonly id: string;
  readonly source: string;
  readonly type: string;
  readonly subject: string;
  readonly time: string;
  readonly datacontenttype: 'application/json';
  readonly dataschema: string;
  readonly data: unknown;
  // Extension attributes: lower-case letters and digits only (CloudEvents 1.0 §2.1).
  readonly sequence: string;
  readonly streamversion: number;
  readonly recordedat: string;
  readonly actorid: string;
  readonly actorrole: string;
  readonly actorunit: string;
  readonly commandid: string;
  readonly causationid: string;
  readonly correlationid: string;
  readonly hash: string;
  readonly prevhash: string;
  readonly loghash?: string;
}

/** Reverse-DNS prefix of CloudEvents `type`s. */
export const CLOUDEVENTS_TYPE_PREFIX = 'cn.civic-ledger.';

/**
 * Maps a stored event to CloudEvents 1.0 JSON. `source` names the aggregate (the stream id
 * up to its first `-`), `subject` the stream; personal data is masked unless `privileged`.
 * Give it decrypted events (`readableEvents`) for readable masks; ciphertext masks as `***`.
 */
export const toCloudEvent = (stored: StoredEvent, privileged = false): CloudEvent => {
  const e = stored.envelope;
  const dash = e.streamId.indexOf('-');
  const aggregate = dash > 0 ? e.streamId.slice(0, dash) : e.streamId;
  return {
    specversion: '1.0',
    id: e.eventId,
    source: `urn:civic-ledger:${aggregate}`,
    type: `${CLOUDEVENTS_TYPE_PREFIX}${e.type}`,
    subject: e.streamId,
    time: e.occurredAt,
    datacontenttype: 'application/json',
    dataschema: `urn:civic-ledger:schema:events:${e.type}:${e.schemaVersion}`,
    data: privileged ? e.data : maskEventData(e.type, e.data),
    sequence: stored.position.toString(),
    streamversion: e.streamVersion,
    recordedat: e.recordedAt,
    actorid: e.actor.id,
    actorrole: e.actor.role,
    actorunit: e.actor.unit,
    commandid: e.commandId,
    causationid: e.causationId,
    correlationid: e.correlationId,
    hash: e.hash,
    prevhash: e.prevHash,
    ...(stored.logHash === undefined ? {} : { loghash: stored.logHash }),
  };
};
