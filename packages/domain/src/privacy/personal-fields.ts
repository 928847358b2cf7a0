import type { z } from 'zod';
import type { FieldPath } from '../kernel/errors.js';
import { type PersonalDataKind, personalDataKind } from '../kernel/schemas.js';
import { type Def, defOf, isRecord, MAX_DEPTH, propValuesOf, WRAPPERS } from './schema-walk.js';

/** One personal value found in a piece of data, with where it sits. */
export interface PersonalField {
  readonly path: FieldPath;
  readonly kind: PersonalDataKind;
  readonly value: unknown;
}

/** A personal field of a schema, independent of data; `[]` stands for any array index or record key. */
export interface PersonalFieldSpec {
  readonly path: string;
  readonly kind: PersonalDataKind;
}

/** The options of a union that can describe `value` (by discriminator, else by parsing). */
const unionOptions = (def: Def, value: unknown): readonly z.ZodType[] => {
  const options = def.options as readonly z.ZodType[];
  const discriminator = def.discriminator as string | undefined;
  if (discriminator !== undefined && isRecord(value)) {
    const tag = value[discriminator];
    return options.filter((o) => propValuesOf(o)?.[discriminator]?.has(tag) ?? true);
  }
  const matching = options.find((o) => o.safeParse(value).success);
  // Stored data may hold ciphertext where the schema says string: then visit every option,
  // protecting or masking too much rather than too little.
  return matching ? [matching] : options;
};

const visit = (
  schema: z.ZodType,
  value: unknown,
  path: FieldPath,
  out: Map<string, PersonalField>,
  depth: number,
): void => {
  if (value === undefined || depth > MAX_DEPTH) return;
  const kind = personalDataKind(schema);
  if (kind !== undefined) {
    out.set(JSON.stringify(path), { path, kind, value });
    return;
  }
  const def = defOf(schema);
  const next = (s: z.ZodType, v: unknown, p: FieldPath) => visit(s, v, p, out, depth + 1);
  if (WRAPPERS.has(def.type)) {
    next(def.innerType as z.ZodType, value, path);
    return;
  }
  switch (def.type) {
    case 'lazy':
      next((def.getter as () => z.ZodType)(), value, path);
      return;
    case 'pipe':
      next(def.in as z.ZodType, value, path);
      next(def.out as z.ZodType, value, path);
      return;
    case 'intersection':
      next(def.left as z.ZodType, value, path);
      next(def.right as z.ZodType, value, path);
      return;
    case 'object': {
      if (!isRecord(value)) return;
      const shape = def.shape as Record<string, z.ZodType>;
      for (const [key, field] of Object.entries(shape))
        if (Object.hasOwn(value, key)) next(field, value[key], [...path, key]);
      return;
    }
    case 'array':
      if (Array.isArray(value))
        value.forEach((v, i) => {
          next(def.element as z.ZodType, v, [...path, i]);
        });
      return;
    case 'tuple':
      if (Array.isArray(value))
        (def.items as readonly z.ZodType[]).forEach((item, i) => {
          next(item, value[i], [...path, i]);
        });
      return;
    case 'record':
      if (isRecord(value))
        for (const [key, v] of Object.entries(value))
          next(def.valueType as z.ZodType, v, [...path, key]);
      return;
    case 'union':
      for (const option of unionOptions(def, value)) next(option, value, path);
      return;
    default:
      return;
  }
};

/**
 * Every personal value inside `data`, found by walking `schema` alongside it. Works on
 * stored data too: a marked field is reported whatever its value (plain or ciphertext).
 */
export const findPersonalFields = (schema: z.ZodType, data: unknown): readonly PersonalField[] => {
  const out = new Map<string, PersonalField>();
  visit(schema, data, [], out, 0);
  return [...out.values()];
};

const describe = (
  schema: z.ZodType,
  path: string,
  out: Map<string, PersonalFieldSpec>,
  depth: number,
): void => {
  if (depth > MAX_DEPTH) return;
  const kind = personalDataKind(schema);
  if (kind !== undefined) {
    out.set(path, { path, kind });
    return;
  }
  const def = defOf(schema);
  const next = (s: z.ZodType, p: string) => describe(s, p, out, depth + 1);
  const join = (key: string) => (path === '' ? key : `${path}.${key}`);
  if (WRAPPERS.has(def.type)) {
    next(def.innerType as z.ZodType, path);
    return;
  }
  switch (def.type) {
    case 'lazy':
      next((def.getter as () => z.ZodType)(), path);
      return;
    case 'pipe':
      next(def.in as z.ZodType, path);
      next(def.out as z.ZodType, path);
      return;
    case 'intersection':
      next(def.left as z.ZodType, path);
      next(def.right as z.ZodType, path);
      return;
    case 'object':
      for (const [key, field] of Object.entries(def.shape as Record<string, z.ZodType>))
        next(field, join(key));
      return;
    case 'array':
      next(def.element as z.ZodType, `${path}[]`);
      return;
    case 'tuple':
      (def.items as readonly z.ZodType[]).forEach((item, i) => {
        next(item, `${path}[${i}]`);
      });
      return;
    case 'record':
      next(def.valueType as z.ZodType, join('[]'));
      return;
    case 'union':
      for (const option of def.options as readonly z.ZodType[]) next(option, path);
      return;
    default:
      return;
  }
};

/** The personal fields a schema declares (`applicant.idNumber`, `witnesses[].name`), for docs and audits. */
export const describePersonalFields = (schema: z.ZodType): readonly PersonalFieldSpec[] => {
  const out = new Map<string, PersonalFieldSpec>();
  describe(schema, '', out, 0);
  return [...out.values()];
};

/** A copy of `data` with the value at each path replaced; the input is left untouched. */
export const replaceAtPaths = (
  data: unknown,
  replacements: readonly { readonly path: FieldPath; readonly value: unknown }[],
): unknown => {
  let result = data;
  for (const { path, value } of replacements) result = replaceAt(result, path, 0, value);
  return result;
};

const replaceAt = (node: unknown, path: FieldPath, i: number, value: unknown): unknown => {
  if (i === path.length) return value;
  const key = path[i] as string | number;
  if (Array.isArray(node)) {
    const copy = [...node];
    copy[key as number] = replaceAt(node[key as number], path, i + 1, value);
    return copy;
  }
  if (isRecord(node)) return { ...node, [key]: replaceAt(node[key], path, i + 1, value) };
  return node;
};
