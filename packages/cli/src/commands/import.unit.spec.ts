import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryEventStore } from '@civic-ledger/adapters';
import type { EventStore, StoredEvent } from '@civic-ledger/domain';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { encodeLine } from '../jsonl/format.js';
import { driveCommands } from '../simulation/drive.js';
import { cityCommands } from '../simulation/generate.js';

// `import` against a memory store that the test holds on to (openStore is mocked).
const target = createMemoryEventStore();
vi.mock('../store/open-store.js', () => ({
  storeSpec: () => 'memory:',
  openStore: async (): Promise<EventStore> => ({ ...target, close: async () => {} }),
}));
const { importCommand } = await import('./import.js');

const dir = mkdtempSync(join(tmpdir(), 'civic-ledger-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const globals = { debug: false, lang: 'en' as const, quiet: true };

const exportOf = async (): Promise<string[]> => {
  const source = createMemoryEventStore();
  await driveCommands(source, cityCommands({ seed: 4, days: 2, start: '2026-07-01', scale: 1 }));
  const lines: string[] = [];
  for await (const e of source.readAll()) lines.push(encodeLine(e as StoredEvent));
  return lines;
};

describe('X-07 import checks a whole batch before writing any of it', () => {
  it('refuses an altered event by its line number, writes nothing of its batch, and can be rerun', async () => {
    const lines = await exportOf();
    const bad = [...lines];
    bad[30] = bad[30]!.replace(/"occurredAt":"2026-07-0/, '"occurredAt":"2026-07-1');
    const badFile = join(dir, 'bad.jsonl');
    writeFileSync(badFile, `${bad.join('\n')}\n`);
    await expect(importCommand(globals, badFile, { batch: '20' })).rejects.toMatchObject({
      exitCode: 1,
      text: {
        en: expect.stringMatching(
          /^line 31: event .* does not match its hash \(altered\); nothing of this batch was written/,
        ),
      },
    });
    // The first batch (lines 1–20) went in; the second (21–40) did not.
    expect((target as { size(): number }).size()).toBe(20);
    const goodFile = join(dir, 'good.jsonl');
    writeFileSync(goodFile, `${lines.join('\n')}\n`);
    await importCommand(globals, goodFile, { batch: '20' });
    expect((target as { size(): number }).size()).toBe(lines.length);
  });
});
