import { z } from 'zod';

/** A calendar date `YYYY-MM-DD` that exists. */
export const IsoDateSchema = z.iso.date();
/** An instant with an explicit offset (`2026-10-08T09:30:00+08:00`, `…Z`). */
export const InstantSchema = z.iso.datetime({ offset: true });
/** A non-empty, trimmed text of bounded length (names, reasons, titles). */
export const Text = (max = 2000) => z.string().trim().min(1).max(max);
/** An identifier: letters, digits, `-`, `_`, `.`, `:`; 1–128 characters. */
export const IdSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/);

/** Kinds of personal data, so that privacy code can protect, mask and erase them. */
export type PersonalDataKind =
  | 'name'
  | 'id-number'
  | 'phone'
  | 'address'
  | 'email'
  | 'health'
  | 'free-text';

/**
 * Marks a schema field as personal data. The mark lives in zod's metadata
 * (`schema.meta()`), so it reaches the JSON Schema export and can be found by walking schemas.
 */
export const personal = <T extends z.ZodType>(schema: T, kind: PersonalDataKind): T =>
  schema.meta({ personalData: kind }) as T;

/** The personal-data kind a schema was marked with, if any. */
export const personalDataKind = (schema: z.ZodType): PersonalDataKind | undefined =>
  (schema.meta() as { personalData?: PersonalDataKind } | undefined)?.personalData;
