import type { PersonalDataCatalogue } from './catalogue.js';
import { maskPersonalValue } from './mask.js';
import { replaceAtPaths } from './personal-fields.js';

/**
 * A copy of an event's data with every personal field masked: plain values by kind
 * (`张*`, `138****5678`), ciphertext as `***`, erased values as `已删除`. Read models,
 * reports, history and exports show this to readers without a privileged role.
 */
export const maskEventData = <D>(catalogue: PersonalDataCatalogue, type: string, data: D): D =>
  replaceAtPaths(
    data,
    catalogue
      .fieldsOf(type, data)
      .map((f) => ({ path: f.path, value: maskPersonalValue(f.value, f.kind) })),
  ) as D;
