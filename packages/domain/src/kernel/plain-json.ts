// Event data is plain JSON (architecture: "Writing an aggregate"): zod keeps a key whose
// input value was `undefined`, and spreads of optional fields carry `undefined` too, so every
// decider drops those members before an event leaves it. An event read back from a store
// then equals the one decided.

/** A deep copy without `undefined` object members (arrays keep their length). */
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

/**
 * A typed event constructor for one aggregate's event union: `plainEvent<FacilityEvent>()`
 * returns `(type, data) => event` with `data` checked against its type and made plain JSON.
 */
export const plainEvent =
  <Ev extends { readonly type: string; readonly data: unknown }>() =>
  <K extends Ev['type']>(type: K, data: Extract<Ev, { readonly type: K }>['data']): Ev =>
    ({ type, data: dropUndefined(data) }) as unknown as Ev;
