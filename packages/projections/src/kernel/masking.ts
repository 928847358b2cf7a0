import * as domain from '@civic-ledger/domain';

/** Every aggregate's event schemas, so that personal fields can be found by type. */
export const personalDataCatalogue: domain.PersonalDataCatalogue =
  domain.createPersonalDataCatalogue(domain);

// The catalogue's schema walks, compiled once per event type: masking runs for every event
// of a replay, and walking the zod schemas per event cost more than the read models.
const maskData = domain.createEventMasker(personalDataCatalogue);

/**
 * The data a read model keeps of an event: masked (`张*`, `138****5678`, free text hidden)
 * unless the read model is explicitly privileged.
 */
export const readableData = <D>(type: string, data: D, privileged: boolean): D =>
  privileged ? data : maskData(type, data);
