import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAllRevealed } from '@civic-ledger/adapters';
import { projectionCatalogue } from '@civic-ledger/cli';
import { personalDataCatalogue } from '@civic-ledger/projections';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openEmbedded, readModelsJson, runCli } from './cli-support.js';

// A demo-sized log (7 simulated days, written by `civic-ledger demo` through the field
// protector) scanned for personal data in clear in everything a non-privileged reader gets
// (X-06): read models, reports, CloudEvents and Open311 exports, the history of a few cases.
vi.setConfig({ testTimeout: 120_000 });

const dir = mkdtempSync(join(tmpdir(), 'civic-ledger-scan-'));
const storeDir = join(dir, 'store');
const cli = (...args: string[]) =>
  runCli(['--store', `embedded:${storeDir}`, '--lang', 'en', '--quiet', ...args]);

// Not inside a longer run of letters or digits: hashes, event ids, base64 and positions
// never match, only a value that is an ID number or a phone by itself.
const EDGE_BEFORE = '(?<![0-9A-Za-z+/])';
const EDGE_AFTER = '(?![0-9A-Za-z])';
/** An 18-digit resident ID with a plausible birth date (19xx/20xx, month, day), or any 17 digits + check. */
const ID_NUMBER = new RegExp(
  `${EDGE_BEFORE}(?:[1-9]\\d{5}(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[\\dXx]|\\d{17}[\\dXx])${EDGE_AFTER}`,
  'g',
);
/** A mainland mobile number. */
const MOBILE = new RegExp(`${EDGE_BEFORE}1[3-9]\\d{9}${EDGE_AFTER}`, 'g');
/** What masking leaves of them: the region and last four, the first three and last four. */
const MASKED_ID = /\b\d{6}\*{8}\d{3}[\dX]\b/g;
const MASKED_MOBILE = /\b1[3-9]\d\*{4}\d{4}\b/g;

const count = (text: string, re: RegExp): number => text.match(re)?.length ?? 0;

const outputs: Record<string, string> = {};
let privileged = '';
let demoOut = '';

beforeAll(async () => {
  delete process.env.CIVIC_LEDGER_PEPPER;
  const demo = await cli('demo', '--days', '7', '--seed', '11');
  expect(demo.code, demo.stderr).toBe(0);
  demoOut = demo.stdout;
  const file = (name: string) => join(dir, name);
  for (const format of ['md', 'html', 'json']) {
    const r = await cli('report', '--format', format, '--out', file(`report.${format}`));
    expect(r.code, r.stderr).toBe(0);
    outputs[`report ${format}`] = readFileSync(file(`report.${format}`), 'utf8');
  }
  for (const format of ['cloudevents', 'open311']) {
    const r = await cli('export', '--format', format, '--out', file(`export.${format}`));
    expect(r.code, r.stderr).toBe(0);
    outputs[`export ${format}`] = readFileSync(file(`export.${format}`), 'utf8');
  }
  // A few cases of each kind with personal data: tickets, complaints, staff.
  const streams = [
    ...new Set(
      [
        ...outputs['export cloudevents']!.matchAll(
          /"subject":"((?:ticket|complaint|staff)-[^"]+)"/g,
        ),
      ].map((m) => m[1]!),
    ),
  ];
  const pick = (prefix: string) => streams.filter((s) => s.startsWith(prefix)).slice(0, 2);
  for (const stream of [...pick('ticket-'), ...pick('complaint-'), ...pick('staff-')]) {
    outputs[`history ${stream}`] = (await cli('history', stream)).stdout;
    outputs[`history --json ${stream}`] = (await cli('history', stream, '--json')).stdout;
  }
  // The positive control: the same export in clear, for a privileged reader.
  privileged = (
    await cli('export', '--format', 'cloudevents', '--privileged', '--purpose', '正则对照检查')
  ).stdout;

  const { pg, store, keyStore } = await openEmbedded(storeDir);
  try {
    const projections = [...projectionCatalogue().values()];
    outputs['read models (stored log)'] = await readModelsJson(store.readAll(), projections);
    outputs['read models (decrypted log)'] = await readModelsJson(
      readAllRevealed(store, personalDataCatalogue, keyStore),
      projections,
    );
  } finally {
    await store.close();
    await pg.close();
  }
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('X-06 a demo-sized log leaks no ID number or mobile to a non-privileged reader', () => {
  it('X-06 the demo warns that the public demo pepper is in use', () => {
    expect(demoOut).toMatch(/^warning: CIVIC_LEDGER_PEPPER is not set/m);
    expect(demoOut).toMatch(/wrote \d+ events .*personal data encrypted/);
  });

  it('X-06 the patterns are strict: no event id, hash or position matches, real values do', () => {
    const ids = outputs['export cloudevents']!;
    expect(count(ids, ID_NUMBER)).toBe(0);
    expect(ids).toMatch(/"hash":"[0-9a-f]{64}"/);
    // The privileged export of the same log holds the real values: the scan would see them.
    expect(count(privileged, ID_NUMBER)).toBeGreaterThan(10);
    expect(count(privileged, MOBILE)).toBeGreaterThan(10);
    expect('"110105194912310021"').toMatch(ID_NUMBER);
    expect('x13812345678"').not.toMatch(MOBILE);
  });

  it('X-06 no unmasked ID number or mobile in read models, reports, exports or history', () => {
    const names = Object.keys(outputs);
    expect(names.filter((n) => n.startsWith('history')).length).toBeGreaterThanOrEqual(8);
    let masked = 0;
    for (const [name, text] of Object.entries(outputs)) {
      expect(text.length, name).toBeGreaterThan(100);
      expect(text.match(ID_NUMBER) ?? [], `${name}: ID numbers`).toEqual([]);
      expect(text.match(MOBILE) ?? [], `${name}: mobiles`).toEqual([]);
      masked += count(text, MASKED_ID) + count(text, MASKED_MOBILE);
    }
    // The scan saw the personal data, masked: it cannot pass on an empty log.
    expect(count(outputs['export cloudevents']!, MASKED_ID)).toBeGreaterThan(10);
    expect(count(outputs['export cloudevents']!, MASKED_MOBILE)).toBeGreaterThan(10);
    expect(masked).toBeGreaterThan(50);
    const histories = names.filter((n) => n.startsWith('history --json ticket-'));
    for (const h of histories) expect(count(outputs[h]!, MASKED_ID), h).toBeGreaterThan(0);
  });
});
