import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EnvelopeSchema } from '@civic-ledger/domain';
import { z } from 'zod';
import { aggregateSchemas } from '../catalogue.js';
import { type Globals, print } from './context.js';

const toJson = (
  schema: z.ZodType,
  io: 'input' | 'output',
  title: string,
): Record<string, unknown> => ({
  ...(z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    cycles: 'ref',
    reused: 'inline',
  }) as Record<string, unknown>),
  title,
});

/** Writes the JSON Schema (zod 4 `z.toJSONSchema`) of every command and event, and an index. */
export const writeSchemas = (dir: string): { commands: number; events: number } => {
  const index: { aggregate: string; commands: string[]; events: string[] }[] = [];
  // Two aggregates may name a type alike: the second one's file carries its aggregate.
  const taken = new Set<string>();
  const unique = (base: string, aggregate: string): string => {
    const [folder, type] = base.split('/') as [string, string];
    const file = taken.has(base)
      ? `${folder}/${aggregate}.${type}.schema.json`
      : `${base}.schema.json`;
    taken.add(base);
    return file;
  };
  let commands = 0;
  let events = 0;
  mkdirSync(join(dir, 'commands'), { recursive: true });
  mkdirSync(join(dir, 'events'), { recursive: true });
  writeFileSync(
    join(dir, 'envelope.schema.json'),
    `${JSON.stringify(toJson(EnvelopeSchema, 'output', 'EventEnvelope'), null, 2)}\n`,
  );
  for (const a of aggregateSchemas()) {
    const entry = { aggregate: a.aggregate, commands: [] as string[], events: [] as string[] };
    for (const [type, schema] of Object.entries(a.commands)) {
      // Commands arrive from other systems: describe what they may send (input side).
      const file = unique(`commands/${type}`, a.aggregate);
      writeFileSync(join(dir, file), `${JSON.stringify(toJson(schema, 'input', type), null, 2)}\n`);
      entry.commands.push(file);
      commands++;
    }
    for (const [type, schema] of Object.entries(a.events)) {
      const file = unique(`events/${type}`, a.aggregate);
      writeFileSync(
        join(dir, file),
        `${JSON.stringify(toJson(schema, 'output', type), null, 2)}\n`,
      );
      entry.events.push(file);
      events++;
    }
    index.push(entry);
  }
  writeFileSync(join(dir, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
  return { commands, events };
};

/** `schemas --out DIR`. */
export const schemasCommand = async (globals: Globals, options: { out: string }): Promise<void> => {
  const { commands, events } = writeSchemas(options.out);
  print(
    globals.lang === 'zh'
      ? `已写出 ${commands} 个命令、${events} 个事件的 JSON Schema 到 ${options.out}`
      : `wrote JSON Schema of ${commands} commands and ${events} events to ${options.out}`,
  );
};
