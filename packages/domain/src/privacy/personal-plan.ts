import type { z } from 'zod';
import type { FieldPath } from '../kernel/errors.js';
import { type PersonalDataKind, personalDataKind } from '../kernel/schemas.js';
import type { PersonalDataCatalogue } from './catalogue.js';
import { maskPersonalValue } from './mask.js';
import { maskFields } from './mask-event.js';
import { findPersonalFields, type PersonalField } from './personal-fields.js';
import { defOf, isRecord, MAX_DEPTH, propValuesOf, WRAPPERS } from './schema-walk.js';

/**
 * The walk `findPersonalFields` makes over a schema, compiled once per schema: only the
 * branches that can hold personal data are kept, so that a replay finding the personal fields
 * of millions of events no longer asks zod for every node's metadata and shape, nor visits
 * the (mostly personal-free) rest of each event's data. Data-dependent choices (which option
 * of a union describes the value, which array items and record keys exist) are still made
 * per value, exactly as `findPersonalFields` makes them, so both find the same fields.
 */
type Plan =
  | { readonly t: 'leaf'; readonly kind: PersonalDataKind }
  | { readonly t: 'all'; readonly plans: readonly Plan[] }
  | { readonly t: 'object'; readonly fields: readonly (readonly [string, Plan])[] }
  | { readonly t: 'array'; readonly element: Plan }
  | { readonly t: 'tuple'; readonly items: readonly (readonly [number, Plan])[] }
  | { readonly t: 'record'; readonly value: Plan }
  /** A `z.lazy` schema (possibly self-referencing): walked per value, not compiled. */
  | { readonly t: 'dynamic'; readonly schema: z.ZodType }
  | {
      readonly t: 'union';
      readonly options: readonly z.ZodType[];
      readonly discriminator: string | undefined;
      /** The plan of each option, in the same order (undefined: no personal data in it). */
      readonly plans: readonly (Plan | undefined)[];
    };

const all = (plans: readonly (Plan | undefined)[]): Plan | undefined => {
  const kept = plans.filter((p): p is Plan => p !== undefined);
  return kept.length === 0 ? undefined : kept.length === 1 ? kept[0] : { t: 'all', plans: kept };
};

/** The plan of `schema` visited at `depth`; undefined when nothing personal can be under it. */
const compile = (schema: z.ZodType, depth: number): Plan | undefined => {
  if (depth > MAX_DEPTH) return undefined;
  const kind = personalDataKind(schema);
  if (kind !== undefined) return { t: 'leaf', kind };
  const def = defOf(schema);
  const next = (s: z.ZodType) => compile(s, depth + 1);
  if (WRAPPERS.has(def.type)) return next(def.innerType as z.ZodType);
  switch (def.type) {
    case 'lazy':
      // Expanding a self-referencing schema ahead of any data could be exponential.
      return { t: 'dynamic', schema };
    case 'pipe':
      return all([next(def.in as z.ZodType), next(def.out as z.ZodType)]);
    case 'intersection':
      return all([next(def.left as z.ZodType), next(def.right as z.ZodType)]);
    case 'object': {
      const fields: (readonly [string, Plan])[] = [];
      for (const [key, field] of Object.entries(def.shape as Record<string, z.ZodType>)) {
        const plan = next(field);
        if (plan) fields.push([key, plan]);
      }
      return fields.length === 0 ? undefined : { t: 'object', fields };
    }
    case 'array': {
      const element = next(def.element as z.ZodType);
      return element ? { t: 'array', element } : undefined;
    }
    case 'tuple': {
      const items: (readonly [number, Plan])[] = [];
      (def.items as readonly z.ZodType[]).forEach((item, i) => {
        const plan = next(item);
        if (plan) items.push([i, plan]);
      });
      return items.length === 0 ? undefined : { t: 'tuple', items };
    }
    case 'record': {
      const value = next(def.valueType as z.ZodType);
      return value ? { t: 'record', value } : undefined;
    }
    case 'union': {
      const options = def.options as readonly z.ZodType[];
      const plans = options.map(next);
      return plans.every((p) => p === undefined)
        ? undefined
        : { t: 'union', options, discriminator: def.discriminator as string | undefined, plans };
    }
    default:
      return undefined;
  }
};

/** Which options of a union describe `value`: by discriminator, else by parsing (as `findPersonalFields`). */
const chosenOptions = (plan: Extract<Plan, { t: 'union' }>, value: unknown): readonly number[] => {
  const { options, discriminator } = plan;
  const every = options.map((_, i) => i);
  if (discriminator !== undefined && isRecord(value)) {
    const tag = value[discriminator];
    return every.filter(
      (i) => propValuesOf(options[i] as z.ZodType)?.[discriminator]?.has(tag) ?? true,
    );
  }
  const matching = options.findIndex((o) => o.safeParse(value).success);
  // Stored data may hold ciphertext where the schema says string: then every option.
  return matching >= 0 ? [matching] : every;
};

const run = (
  plan: Plan,
  value: unknown,
  path: (string | number)[],
  out: Map<string, PersonalField>,
): void => {
  if (value === undefined) return;
  switch (plan.t) {
    case 'leaf': {
      const at: FieldPath = [...path];
      out.set(JSON.stringify(at), { path: at, kind: plan.kind, value });
      return;
    }
    case 'all':
      for (const p of plan.plans) run(p, value, path, out);
      return;
    case 'object':
      if (!isRecord(value)) return;
      for (const [key, p] of plan.fields)
        if (Object.hasOwn(value, key)) {
          path.push(key);
          run(p, value[key], path, out);
          path.pop();
        }
      return;
    case 'array':
      if (!Array.isArray(value)) return;
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        run(plan.element, value[i], path, out);
        path.pop();
      }
      return;
    case 'tuple':
      if (!Array.isArray(value)) return;
      for (const [i, p] of plan.items) {
        path.push(i);
        run(p, value[i], path, out);
        path.pop();
      }
      return;
    case 'record':
      if (!isRecord(value)) return;
      for (const key of Object.keys(value)) {
        path.push(key);
        run(plan.value, value[key], path, out);
        path.pop();
      }
      return;
    case 'dynamic':
      for (const f of findPersonalFields(plan.schema, value)) {
        const at: FieldPath = [...path, ...f.path];
        out.set(JSON.stringify(at), { path: at, kind: f.kind, value: f.value });
      }
      return;
    case 'union':
      for (const i of chosenOptions(plan, value)) {
        const p = plan.plans[i];
        if (p) run(p, value, path, out);
      }
      return;
  }
};

/**
 * `findPersonalFields(schema, ·)` compiled once: a function finding the same personal values
 * (same paths, kinds and values) in any data, much faster when called for many events.
 */
export const compilePersonalFields = (
  schema: z.ZodType,
): ((data: unknown) => readonly PersonalField[]) => {
  const plan = compile(schema, 0);
  if (plan === undefined) return () => [];
  return (data) => {
    const out = new Map<string, PersonalField>();
    run(plan, data, [], out);
    return out.size === 0 ? [] : [...out.values()];
  };
};

/** A copy of `value` (within a plan of the kinds that may visit one value twice) with its personal fields masked. */
const maskFound = (plan: Plan, value: unknown): unknown => {
  const out = new Map<string, PersonalField>();
  run(plan, value, [], out);
  return maskFields(value, [...out.values()]);
};

/** An object or array whose parts `maskWith` masks one by one. */
type Parts = Record<string | number, unknown>;

/**
 * Masks one part of `value` (a key or an index) by `plan`. When that changes it, the part is
 * written into `copy`, which is made from `value` at the first change, and `copy` is returned.
 */
const maskPart = (
  value: object,
  key: string | number,
  plan: Plan,
  copy: Parts | undefined,
): Parts | undefined => {
  const before = (value as Parts)[key];
  const after = maskWith(plan, before);
  if (after === before) return copy;
  const out = copy ?? ((Array.isArray(value) ? [...value] : { ...value }) as Parts);
  out[key] = after;
  return out;
};

/**
 * `value` with the personal fields `plan` finds masked, in one walk: an object or array is
 * copied only when a field under it changes, and copied once however many change (finding the
 * fields first and replacing them path by path copied the data once per field, and made a
 * path, a key string and a map entry for each). Under an object, array, tuple or record every
 * branch is a different part of the value, so each is masked on its own; where plans may
 * visit one value twice or depend on it (`all`, `union`, `dynamic`), the fields are found
 * first, each once, and replaced — as `run` and `replaceAtPaths` do for the whole data.
 */
const maskWith = (plan: Plan, value: unknown): unknown => {
  if (value === undefined) return value;
  switch (plan.t) {
    case 'leaf':
      return maskPersonalValue(value, plan.kind);
    case 'object': {
      if (!isRecord(value)) return value;
      let copy: Parts | undefined;
      for (const [key, p] of plan.fields)
        if (Object.hasOwn(value, key)) copy = maskPart(value, key, p, copy);
      return copy ?? value;
    }
    case 'array': {
      if (!Array.isArray(value)) return value;
      let copy: Parts | undefined;
      for (let i = 0; i < value.length; i++) copy = maskPart(value, i, plan.element, copy);
      return copy ?? value;
    }
    case 'tuple': {
      if (!Array.isArray(value)) return value;
      let copy: Parts | undefined;
      for (const [i, p] of plan.items) copy = maskPart(value, i, p, copy);
      return copy ?? value;
    }
    case 'record': {
      if (!isRecord(value)) return value;
      let copy: Parts | undefined;
      for (const key of Object.keys(value)) copy = maskPart(value, key, plan.value, copy);
      return copy ?? value;
    }
    default:
      return maskFound(plan, value);
  }
};

/**
 * `maskEventData(catalogue, ·, ·)` with each event type's walk compiled once (cached by type,
 * as the catalogue holds one schema per type): the same masked copy, the input untouched, and
 * the data itself returned when the type holds no personal field.
 */
export const createEventMasker = (
  catalogue: PersonalDataCatalogue,
): (<D>(type: string, data: D) => D) => {
  const plans = new Map<string, Plan | null>();
  return <D>(type: string, data: D): D => {
    let plan = plans.get(type);
    if (plan === undefined) {
      const schema = catalogue.personalTypes.has(type) ? catalogue.schemaOf(type) : undefined;
      plan = (schema && compile(schema, 0)) ?? null;
      plans.set(type, plan);
    }
    return plan === null ? data : (maskWith(plan, data) as D);
  };
};
