import { createHmac } from 'node:crypto';
import type { FieldPath } from '../kernel/errors.js';
import type { PersonalField } from './personal-fields.js';

/** Personal fields that identify a person, strongest first: they name the data subject. */
export const IDENTIFYING_KINDS = ['id-number', 'phone', 'email'] as const;
export type IdentifyingKind = (typeof IDENTIFYING_KINDS)[number];

/** Spells an identifier one way: ID upper-case, phone digits without `+86`, e-mail lower-case. */
export const normalizeIdentifier = (kind: IdentifyingKind, value: string): string => {
  const trimmed = value.trim();
  if (kind === 'id-number') return trimmed.toUpperCase();
  if (kind === 'email') return trimmed.toLowerCase();
  const digits = trimmed.replace(/\D/g, '');
  return digits.length === 13 && digits.startsWith('86') ? digits.slice(2) : digits;
};

const keyedHash = (pepper: string | Uint8Array, text: string): string =>
  createHmac('sha256', pepper).update(text).digest('hex').slice(0, 40);

/**
 * The data subject id of a person (X-06): `ds-` + a keyed hash (HMAC-SHA-256 under the
 * deployment's secret pepper) of their normalised identifier. Keyed, so that the id cannot be
 * turned back into the ID number by trying all of them; deterministic, so that an erasure
 * request carrying the ID number finds the subject.
 */
export const dataSubjectId = (
  identifier: { readonly kind: IdentifyingKind; readonly value: string },
  pepper: string | Uint8Array,
): string =>
  `ds-${keyedHash(pepper, `${identifier.kind}:${normalizeIdentifier(identifier.kind, identifier.value)}`)}`;

/** The subject of personal data that names nobody identifiable: the record (stream) itself. */
export const streamSubjectId = (streamId: string, pepper: string | Uint8Array): string =>
  `ds-s-${keyedHash(pepper, `stream:${streamId}`)}`;

/** The stream that records erasures of one data subject. */
export const privacyStreamId = (subjectId: string): string => `privacy-${subjectId}`;

const parentKey = (path: FieldPath): string => JSON.stringify(path.slice(0, -1));

/**
 * For each personal field, the identifier that names its subject: an identifying field of
 * the same object (`applicant.idNumber` names `applicant.name`), strongest kind first.
 * Fields with none (a top-level `reason`) are left out; they belong to the record's subject.
 */
export const identifiersByField = (
  fields: readonly PersonalField[],
): Map<PersonalField, { readonly kind: IdentifyingKind; readonly value: string }> => {
  const byParent = new Map<string, { kind: IdentifyingKind; value: string }>();
  for (const kind of [...IDENTIFYING_KINDS].reverse())
    for (const f of fields)
      if (f.kind === kind && typeof f.value === 'string')
        byParent.set(parentKey(f.path), { kind, value: f.value });
  const out = new Map<PersonalField, { kind: IdentifyingKind; value: string }>();
  for (const f of fields) {
    const id = byParent.get(parentKey(f.path));
    if (id) out.set(f, id);
  }
  return out;
};
