import * as E from 'fp-ts/lib/Either.js';
import type { ValidationError } from '../kernel/errors.js';
import { fromZodError } from '../kernel/validation.js';
import { defaultPolicy, type Policy, PolicySchema } from './policy.js';

/** Overrides: any part of the policy; objects merge key by key, arrays and scalars replace. */
export type PolicyOverrides = {
  readonly [K in keyof Policy]?: DeepPartial<Policy[K]>;
};
type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { readonly [K in keyof T]?: DeepPartial<T[K]> }
    : T;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const merge = (base: unknown, patch: unknown): unknown => {
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch === undefined ? base : patch;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) out[key] = merge(base[key], value);
  return out;
};

/** Thrown by {@link definePolicy} for an invalid override; names every offending field. */
export class PolicyError extends Error {
  override readonly name = 'PolicyError';
  constructor(readonly error: ValidationError) {
    super(
      `invalid policy: ${error.issues.map((i) => `${i.path.join('.')}: ${i.message.en} / ${i.message.zh}`).join('; ')}`,
    );
  }
}

/** Validates overrides on top of the defaults; returns the policy or a typed error. */
export const parsePolicy = (
  overrides: PolicyOverrides = {},
  base: Policy = defaultPolicy,
): E.Either<ValidationError, Policy> => {
  const result = PolicySchema.safeParse(merge(base, overrides), { reportInput: true });
  return result.success
    ? E.right(Object.freeze(result.data))
    : E.left(fromZodError(result.error, 'X-05', 'INVALID_POLICY'));
};

/** A jurisdiction's policy: the defaults with overrides; throws {@link PolicyError} if invalid. */
export const definePolicy = (
  overrides: PolicyOverrides = {},
  base: Policy = defaultPolicy,
): Policy => {
  const parsed = parsePolicy(overrides, base);
  if (E.isLeft(parsed)) throw new PolicyError(parsed.left);
  return parsed.right;
};
