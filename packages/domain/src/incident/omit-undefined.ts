/**
 * A deep copy without `undefined` members: event data is plain JSON, and an optional field
 * that was sent as `undefined` must be absent, not present and empty.
 */
export const omitUndefined = <T>(value: T): T => {
  if (Array.isArray(value)) return value.map(omitUndefined) as T;
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = omitUndefined(v);
  return out as T;
};
