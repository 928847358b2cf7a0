import type { z } from 'zod';

/**
 * What the two walks over event schemas (`findPersonalFields` per value, `compilePersonalFields`
 * once per type) read of zod's internals: one place, so that they cannot drift apart.
 */
export interface Def {
  readonly type: string;
  readonly [key: string]: unknown;
}

/** A schema's definition (zod 4 keeps it under `_zod.def`). */
export const defOf = (schema: z.ZodType): Def =>
  (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The literal values a schema's properties can take (how zod 4 picks a discriminated option). */
export const propValuesOf = (schema: z.ZodType): Record<string, Set<unknown>> | undefined =>
  (schema as unknown as { _zod: { propValues?: Record<string, Set<unknown>> } })._zod.propValues;

/** Wrappers whose inner schema describes the value itself. */
export const WRAPPERS: ReadonlySet<string> = new Set([
  'optional',
  'nullable',
  'default',
  'prefault',
  'readonly',
  'catch',
  'nonoptional',
  'success',
]);

/** Guards self-referencing (`z.lazy`) schemas; no event nests personal data this deep. */
export const MAX_DEPTH = 32;

/** A plain object (not null, not an array). */
export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
