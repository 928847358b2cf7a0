import { maskPersonalValue, type PersonalDataKind } from '@civic-ledger/domain';
import { personalDataCatalogue, readableData } from '@civic-ledger/projections';

// Field names that are personal whatever the event, for types this library has no schema
// for (an export that mixes in another system's events): better masked than leaked.
const FALLBACK: Readonly<Record<string, PersonalDataKind>> = {
  idNumber: 'id-number',
  idCardNumber: 'id-number',
  phone: 'phone',
  mobile: 'phone',
  contactPhone: 'phone',
  applicantName: 'name',
  complainantName: 'name',
  citizenName: 'name',
  email: 'email',
  address: 'address',
  homeAddress: 'address',
};

const maskByFieldName = (data: unknown): unknown => {
  if (Array.isArray(data)) return data.map(maskByFieldName);
  if (typeof data !== 'object' || data === null) return data;
  return Object.fromEntries(
    Object.entries(data).map(([key, value]) => {
      const kind = FALLBACK[key];
      return [key, kind ? maskPersonalValue(value, kind) : maskByFieldName(value)];
    }),
  );
};

/**
 * An event's data as a reader without a privileged role may see it: the fields its
 * schema marks `personal()` masked by the domain's rules; unknown types by field name.
 */
export const maskEventData = (type: string, data: unknown): unknown =>
  personalDataCatalogue.schemaOf(type) !== undefined
    ? readableData(type, data, false)
    : maskByFieldName(data);
