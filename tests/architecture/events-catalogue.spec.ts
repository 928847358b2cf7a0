import { readFileSync } from 'node:fs';
import * as domain from '@civic-ledger/domain';
import { describe, expect, it } from 'vitest';
import { renderCatalogue } from '../../scripts/events-catalogue.js';

describe('events catalogue (docs/events.md)', () => {
  const doc = readFileSync(new URL('../../docs/events.md', import.meta.url), 'utf8');

  it('is up to date with the schemas (run `pnpm catalogue` after changing an event)', () => {
    expect(doc).toBe(renderCatalogue());
  });

  it('lists every event type of every aggregate', () => {
    const exported = domain as unknown as Record<string, unknown>;
    const types = Object.keys(exported)
      .filter((k) => k.endsWith('EventSchemas'))
      .flatMap((k) => Object.keys(exported[k] as object));
    expect(types.length).toBeGreaterThan(100);
    for (const type of types) expect(doc).toContain(`#### \`${type}\``);
  });
});
