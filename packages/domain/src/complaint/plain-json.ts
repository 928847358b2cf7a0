/**
 * Drops `undefined` members recursively. Zod keeps a key whose input value was `undefined`,
 * but event data must be plain JSON with absent keys omitted (architecture: event data), so
 * that an event read back from a store equals the one decided. (Kernel material: shared by
 * the complaint, survey, audit, rectification and improvement deciders.)
 */
export const dropUndefined = <T>(value: T): T => {
  if (Array.isArray(value)) return value.map(dropUndefined) as T;
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    if (member !== undefined) out[key] = dropUndefined(member);
  }
  return out as T;
};

/** Applies {@link dropUndefined} to the data of every event a decider produced. */
export const plainEvents = <Ev extends { readonly type: string; readonly data: unknown }>(
  events: readonly Ev[],
): readonly Ev[] => events.map((e) => ({ ...e, data: dropUndefined(e.data) }));
