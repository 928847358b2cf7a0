/**
 * A deep copy of a piece of state for a query's caller: the fold keeps updating its own
 * state in place, so nothing a query returned may share structure with it.
 */
export const snapshot = <T>(value: T): T => (value === undefined ? value : structuredClone(value));
