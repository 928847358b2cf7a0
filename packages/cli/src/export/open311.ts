import type { StoredEvent } from '@civic-ledger/domain';
import type { LineSink } from '../io.js';
import { maskEventData } from '../privacy/mask-event.js';

/** A service request in the Open311 GeoReport v2 format. */
export interface Open311Request {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  service_name: string | null;
  service_code: string | null;
  description: string | null;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
}

// A request is closed once its case is closed (TKT-10); reopening (重办) opens it again.
const CLOSED = /^Ticket(Closed|Archived)$/;

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

/**
 * Folds one ticket event into its Open311 request (a small summary per ticket); personal
 * data masked unless `privileged`. Give it decrypted events for readable masks.
 */
export const foldOpen311 = (
  current: Open311Request | undefined,
  stored: StoredEvent,
  privileged: boolean,
): Open311Request => {
  const e = stored.envelope;
  const data = (privileged ? e.data : maskEventData(e.type, e.data)) as Record<string, unknown>;
  const id = e.streamId.replace(/^ticket-/, '');
  const base: Open311Request = current ?? {
    service_request_id: id,
    status: 'open',
    status_notes: null,
    service_name: null,
    service_code: null,
    description: null,
    agency_responsible: e.actor.unit,
    service_notice: null,
    requested_datetime: e.occurredAt,
    updated_datetime: e.occurredAt,
    expected_datetime: null,
    address: null,
    address_id: null,
    zipcode: null,
    lat: null,
    long: null,
    media_url: null,
  };
  const deadline = data.finalDeadline ?? data.reviewDeadline ?? data.deadline;
  const dueAt =
    typeof deadline === 'object' && deadline !== null
      ? str((deadline as { dueAt?: unknown }).dueAt)
      : null;
  return {
    ...base,
    status: CLOSED.test(e.type)
      ? 'closed'
      : base.status === 'closed' && /Reopened$/.test(e.type)
        ? 'open'
        : base.status,
    status_notes: e.type,
    service_code: base.service_code ?? str(data.serviceType) ?? str(data.serviceCode),
    service_name:
      base.service_name ??
      str((data.serviceTypeName as { zh?: unknown } | undefined)?.zh) ??
      str(data.serviceType),
    // The applicant's own words are personal free text: masked unless privileged.
    description: base.description ?? str(data.reason) ?? str(data.description),
    agency_responsible: str(data.unit) ?? str(data.assignedUnit) ?? base.agency_responsible,
    address: base.address ?? str(data.address) ?? str(data.location),
    updated_datetime: e.occurredAt,
    expected_datetime: dueAt ?? base.expected_datetime,
  };
};

/**
 * Writes the tickets as an Open311 GeoReport v2 `requests.json` array. Memory holds one
 * small summary per ticket, never the events.
 */
export const writeOpen311 = async (
  events: AsyncIterable<StoredEvent>,
  sink: LineSink,
  privileged: boolean,
): Promise<number> => {
  const requests = new Map<string, Open311Request>();
  for await (const stored of events) {
    if (!stored.envelope.streamId.startsWith('ticket-')) continue;
    requests.set(
      stored.envelope.streamId,
      foldOpen311(requests.get(stored.envelope.streamId), stored, privileged),
    );
  }
  await sink.write('[');
  let i = 0;
  for (const request of requests.values())
    await sink.write(`${i++ === 0 ? '' : ','}${JSON.stringify(request)}`);
  await sink.write(']');
  return requests.size;
};
