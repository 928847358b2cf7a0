import { toJson } from '@civic-ledger/projections';

/**
 * A value as a store gives it back: through the JSON codec and JSON text, so that a spec
 * compares what was written, not the objects the fold still holds.
 */
export const saved = (value: unknown): unknown => JSON.parse(JSON.stringify(toJson(value)));
