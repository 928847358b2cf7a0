/** True when `command` looks like `{ type, data }` with a type of `schemas`; anything else is refused, never thrown on. */
export const commandTypeOf = <K extends string>(
  schemas: Readonly<Record<K, unknown>>,
  command: unknown,
): K | undefined => {
  if (typeof command !== 'object' || command === null) return undefined;
  const type = (command as { type?: unknown }).type;
  return typeof type === 'string' && Object.hasOwn(schemas, type) ? (type as K) : undefined;
};
