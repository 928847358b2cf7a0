import type { PersonalDataCatalogue } from './catalogue.js';
import { maskPersonalValue } from './mask.js';
import { type PersonalField, replaceAtPaths } from './personal-fields.js';

/** A copy of `data` with each of the personal `fields` found in it masked (the data itself when none). */
export const maskFields = (data: unknown, fields: readonly PersonalField[]): unknown =>
  fields.length === 0
    ? data
    : replaceAtPaths(
        data,
        fields.map((f) => ({ path: f.path, value: maskPersonalValue(f.value, f.kind) })),
      );

/**
 * A copy of an event's data with every personal field masked: plain values by kind
 * (`张*`, `138****5678`), ciphertext as `***`, erased values as `已删除`. Read models,
 * reports, history and exports show this to readers without a privileged role.
 */
export const maskEventData = <D>(catalogue: PersonalDataCatalogue, type: string, data: D): D =>
  maskFields(data, catalogue.fieldsOf(type, data)) as D;
