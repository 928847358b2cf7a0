import * as domain from '@civic-ledger/domain';

/** Every aggregate's event schemas, so that personal fields can be found by type. */
export const personalDataCatalogue: domain.PersonalDataCatalogue =
  domain.createPersonalDataCatalogue(domain);

/**
 * The data a read model keeps of an event: masked (`张*`, `138****5678`, free text hidden)
 * unless the read model is explicitly privileged.
 */
export const readableData = <D>(type: string, data: D, privileged: boolean): D =>
  privileged ? data : domain.maskEventData(personalDataCatalogue, type, data);
