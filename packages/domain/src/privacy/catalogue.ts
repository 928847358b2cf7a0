import type { z } from 'zod';
import {
  describePersonalFields,
  findPersonalFields,
  type PersonalField,
} from './personal-fields.js';

/** Knows each event type's data schema, hence where its personal fields are. */
export interface PersonalDataCatalogue {
  /** The schema of an event type's `data`, if the catalogue knows the type. */
  schemaOf(type: string): z.ZodType | undefined;
  /** The personal values inside one event's data (empty for unknown types). */
  fieldsOf(type: string, data: unknown): readonly PersonalField[];
  /** Event types whose schema declares at least one personal field. */
  readonly personalTypes: ReadonlySet<string>;
}

const isZod = (v: unknown): v is z.ZodType =>
  typeof v === 'object' && v !== null && '_zod' in v && 'safeParse' in v;

/**
 * Builds a catalogue from modules or records: every own property whose name ends in
 * `EventSchemas` (the `<Name>EventSchemas` of each aggregate) is read as a record from event
 * type to zod schema. Pass `import * as domain from '@civic-ledger/domain'` to cover every
 * aggregate; the first schema seen for a type wins.
 */
export const createPersonalDataCatalogue = (
  ...sources: readonly object[]
): PersonalDataCatalogue => {
  const schemas = new Map<string, z.ZodType>();
  const add = (record: object) => {
    for (const [type, schema] of Object.entries(record))
      if (isZod(schema) && !schemas.has(type)) schemas.set(type, schema);
  };
  for (const source of sources)
    for (const [name, value] of Object.entries(source))
      if (name.endsWith('EventSchemas') && typeof value === 'object' && value !== null) add(value);
  const personalTypes = new Set(
    [...schemas].filter(([, s]) => describePersonalFields(s).length > 0).map(([t]) => t),
  );
  return {
    schemaOf: (type) => schemas.get(type),
    fieldsOf: (type, data) => {
      const schema = schemas.get(type);
      return schema && personalTypes.has(type) ? findPersonalFields(schema, data) : [];
    },
    personalTypes,
  };
};
