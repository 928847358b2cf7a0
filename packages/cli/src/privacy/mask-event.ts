import type { PersonalDataKind } from '@civic-ledger/domain';
import { z } from 'zod';
import { eventSchema } from '../catalogue.js';
import { maskValue } from './mask.js';

type JsonSchema = {
  personalData?: PersonalDataKind;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
};

const jsonSchemas = new Map<string, JsonSchema | null>();

const jsonSchemaOf = (type: string): JsonSchema | null => {
  let cached = jsonSchemas.get(type);
  if (cached === undefined) {
    const schema = eventSchema(type);
    try {
      cached = schema
        ? (z.toJSONSchema(schema, {
            io: 'output',
            unrepresentable: 'any',
            cycles: 'ref',
          }) as JsonSchema)
        : null;
    } catch {
      cached = null;
    }
    jsonSchemas.set(type, cached);
  }
  return cached;
};

// Field names that are personal whatever the schema says (and for types without a schema).
const FALLBACK: Record<string, PersonalDataKind> = {
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

/** The alternatives a schema node stands for, with `$ref`s resolved. */
const branches = (node: JsonSchema | undefined, root: JsonSchema): JsonSchema[] => {
  if (!node) return [];
  let n = node;
  if (n.$ref?.startsWith('#/$defs/')) n = root.$defs?.[n.$ref.slice(8)] ?? n;
  const alternatives = [...(n.anyOf ?? []), ...(n.oneOf ?? []), ...(n.allOf ?? [])];
  return [n, ...alternatives.flatMap((a) => branches(a, root))];
};

const walk = (value: unknown, nodes: JsonSchema[], root: JsonSchema): unknown => {
  const kind = nodes.find((n) => n.personalData)?.personalData;
  if (kind) return maskValue(value, kind);
  if (Array.isArray(value)) {
    const items = nodes.flatMap((n) => branches(n.items, root));
    return value.map((v, i) =>
      walk(v, [...items, ...nodes.flatMap((n) => branches(n.prefixItems?.[i], root))], root),
    );
  }
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      const fallback = FALLBACK[key];
      if (fallback) {
        out[key] = maskValue(v, fallback);
        continue;
      }
      const children = nodes.flatMap((n) => [
        ...branches(n.properties?.[key], root),
        ...(typeof n.additionalProperties === 'object'
          ? branches(n.additionalProperties, root)
          : []),
      ]);
      out[key] = walk(v, children, root);
    }
    return out;
  }
  return value;
};

/**
 * The event's data with every field marked `personal()` in its schema masked, and
 * the usual personal field names masked even where no schema is known.
 */
export const maskEventData = (type: string, data: unknown): unknown => {
  const schema = jsonSchemaOf(type);
  const root = schema ?? {};
  return walk(data, branches(root, root), root);
};
