import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmbeddedEventStore, createMemoryEventStore } from '@civic-ledger/adapters';
import { type EventStore, type StoredEvent, verifyLog } from '@civic-ledger/domain';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { encodeLine } from '../jsonl/format.js';
import { driveCommands } from '../simulation/drive.js';
import { cityCommands } from '../simulation/generate.js';

// `import` into a store the test holds on to (openStore is mocked): the in-memory store (one
// append a stream run) and the embedded one (bulk path: COPY, hashes verified by the store).
let target: EventStore = createMemoryEventStore();
vi.mock('../store/open-store.js', () => ({
  storeSpec: () => 'memory:',
  openStore: async (): Promise<EventStore> => ({ ...target, close: async () => {} }),
}));
const { importCommand } = await import('./import.js');

const dir = mkdtempSync(join(tmpdir(), 'civic-ledger-import-chain-'));
const embedded: EventStore[] = [];
let pglite: PGlite | undefined;
let schemas = 0;
afterAll(async () => {
  for (const store of embedded) await store.close();
  await pglite?.close();
  rmSync(dir, { recursive: true, force: true });
});
const globals = { debug: false, lang: 'en' as const, quiet: true };

const lines = await (async (): Promise<string[]> => {
  const source = createMemoryEventStore();
  await driveCommands(source, cityCommands({ seed: 4, days: 2, start: '2026-07-01', scale: 1 }));
  const out: string[] = [];
  for await (const e of source.readAll()) out.push(encodeLine(e as StoredEvent));
  return out;
})();

let files = 0;
const fileOf = (content: readonly string[]): string => {
  const path = join(dir, `f${++files}.jsonl`);
  writeFileSync(path, `${content.join('\n')}\n`);
  return path;
};

const stored = async (): Promise<number> => Number(await target.headPosition());

/** A line with another `logHash` (or none): the event's own hash does not cover it. */
const withLogHash = (line: string, logHash: string | undefined): string =>
  JSON.stringify({ ...(JSON.parse(line) as Record<string, unknown>), logHash });

/** The envelope of a line: the line without its position and logHash. */
const envelopeOf = (line: string): Record<string, unknown> => {
  const { position: _, logHash: __, ...envelope } = JSON.parse(line) as Record<string, unknown>;
  return envelope;
};

const stores: [string, () => Promise<EventStore>][] = [
  ['memory', async () => createMemoryEventStore()],
  [
    'embedded',
    async () => {
      pglite ??= await PGlite.create();
      const store = await createEmbeddedEventStore({ db: pglite, schema: `chain_${++schemas}` });
      embedded.push(store);
      return store;
    },
  ],
];

describe.each(stores)(
  'X-07 import checks the file before writing a batch [%s store]',
  (_, open) => {
    const refuses = async (content: readonly string[], message: RegExp): Promise<void> => {
      target = await open();
      await expect(importCommand(globals, fileOf(content), { batch: '20' })).rejects.toMatchObject({
        exitCode: 1,
        text: { en: expect.stringMatching(message) },
      });
      // The first batch (lines 1–20) went in; nothing of the second (21–40).
      expect(await stored()).toBe(20);
    };

    it('refuses a removed line: its successor does not follow its position', async () => {
      await refuses(
        lines.filter((_, i) => i !== 24),
        /^line 25: position 26 follows position 24: the events between are missing \(removed\); nothing of this batch was written/,
      );
    });

    it('refuses lines whose positions go backwards, also where lines carry no logHash', async () => {
      const swapped = lines.map((line) => withLogHash(line, undefined));
      [swapped[26], swapped[27]] = [swapped[27]!, swapped[26]!];
      await refuses(swapped, /^line 28: position 27 does not follow position 28 \(reordered\)/);
    });

    it('refuses a logHash that does not chain the previous line', async () => {
      const forged = [...lines];
      forged[32] = withLogHash(forged[32]!, 'a'.repeat(64));
      await refuses(forged, /^line 33: its logHash does not chain the previous line's/);
    });

    it('refuses an altered event by its line number, and imports the intact file when run again', async () => {
      const bad = [...lines];
      bad[30] = bad[30]!.replace(/"occurredAt":"2026-07-0/, '"occurredAt":"2026-07-1');
      await refuses(
        bad,
        /^line 31: event .* does not match its hash \(altered\); nothing of this batch was written/,
      );
      await importCommand(globals, fileOf(lines), { batch: '20' });
      expect(await stored()).toBe(lines.length);
      const all: StoredEvent[] = [];
      for await (const e of target.readAll()) all.push(e);
      expect(all.map((stored) => stored.envelope)).toEqual(lines.map(envelopeOf));
      expect(await verifyLog(all)).toMatchObject({ ok: true, events: lines.length });
    });
  },
);
