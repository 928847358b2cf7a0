import * as domain from '@civic-ledger/domain';
import type { z } from 'zod';

/** The command and event schemas one aggregate exports (`<Name>CommandSchemas`, `<Name>EventSchemas`). */
export interface AggregateSchemas {
  readonly aggregate: string;
  readonly commands: Readonly<Record<string, z.ZodType>>;
  readonly events: Readonly<Record<string, z.ZodType>>;
}

const isSchemaRecord = (value: unknown): value is Record<string, z.ZodType> =>
  typeof value === 'object' &&
  value !== null &&
  Object.values(value).every(
    (s) =>
      typeof s === 'object' &&
      s !== null &&
      typeof (s as { safeParse?: unknown }).safeParse === 'function',
  );

/**
 * Every aggregate's schemas, found by the naming convention of docs/architecture.md, so an
 * aggregate that lands later shows up without a change here.
 */
export const aggregateSchemas = (): AggregateSchemas[] => {
  const byName = new Map<
    string,
    { commands: Record<string, z.ZodType>; events: Record<string, z.ZodType> }
  >();
  for (const [key, value] of Object.entries(domain)) {
    const match = /^([A-Z][A-Za-z]*)(Command|Event)Schemas$/.exec(key);
    if (!match || !isSchemaRecord(value)) continue;
    const name = match[1]!;
    const entry = byName.get(name) ?? { commands: {}, events: {} };
    if (match[2] === 'Command') entry.commands = value;
    else entry.events = value;
    byName.set(name, entry);
  }
  return [...byName.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([aggregate, s]) => ({ aggregate, ...s }));
};

let eventIndex: Map<string, z.ZodType> | undefined;

/** The data schema of an event type, across all aggregates. */
export const eventSchema = (type: string): z.ZodType | undefined => {
  if (!eventIndex) {
    eventIndex = new Map();
    for (const a of aggregateSchemas())
      for (const [t, s] of Object.entries(a.events)) eventIndex.set(t, s);
  }
  return eventIndex.get(type);
};
