import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FacilityCommandSchemas } from './commands.js';
import { FacilityEventSchemas } from './events.js';

const doc = readFileSync(join(import.meta.dirname, '../../../../docs/events/facility.md'), 'utf8');

/** The text under `### name` up to the next heading. */
const section = (name: string): string | undefined => {
  const start = doc.indexOf(`\n### ${name}\n`);
  if (start < 0) return undefined;
  const end = doc.indexOf('\n#', start + 5);
  return doc.slice(start, end < 0 ? undefined : end);
};

const fieldsOf = (schema: z.ZodType): string[] => {
  const json = z.toJSONSchema(schema, { unrepresentable: 'any' }) as {
    properties?: Record<string, unknown>;
    oneOf?: { properties?: Record<string, unknown> }[];
    anyOf?: { properties?: Record<string, unknown> }[];
  };
  const branches = json.oneOf ?? json.anyOf ?? [json];
  return [...new Set(branches.flatMap((b) => Object.keys(b.properties ?? {})))];
};

describe('docs/events/facility.md lists every command and event with its fields', () => {
  it.each([...Object.entries(FacilityCommandSchemas), ...Object.entries(FacilityEventSchemas)])(
    '%s',
    (name, schema) => {
      const text = section(name);
      expect(text, `section ### ${name}`).toBeDefined();
      // Table cells may be padded (the Markdown formatter aligns columns).
      for (const field of fieldsOf(schema as z.ZodType))
        expect(text).toMatch(new RegExp(`\\|\\s*\`${field}\`\\s*\\|`));
    },
  );
});
