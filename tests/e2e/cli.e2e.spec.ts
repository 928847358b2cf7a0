import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildCli, cli } from './support/cli.js';

// The built CLI as a process against an embedded store in a temp dir: demo → verify →
// export → tamper → verify --from → replay --as-of → report. A few simulated days only.
// Each step starts a process and opens the embedded store (a few seconds); CI machines are
// shared, so allow for slowness. No assertion depends on time.
vi.setConfig({ testTimeout: 120_000 });

const dir = mkdtempSync(join(tmpdir(), 'civic-ledger-e2e-'));
const store = `embedded:${join(dir, 'store')}`;
const run = (...args: string[]) => cli(['--store', store, '--lang', 'en', '--quiet', ...args]);
const exported = join(dir, 'log.jsonl');
let demoOut = '';

beforeAll(async () => {
  buildCli();
  const demo = await run('demo', '--days', '3', '--seed', '7');
  demoOut = demo.stdout;
  expect(demo.stderr).toBe('');
  expect(demo.code).toBe(0);
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('civic-ledger demo', () => {
  it('fills the store through the deciders and prints a KPI summary', () => {
    expect(demoOut).toMatch(/wrote \d+ events \(\d+ commands, 0 refused by the rules\)/);
    expect(demoOut).toMatch(/KPIs \(2026-Q3\):[\s\S]*K-03 First-response time/);
  });

  it('refuses to fill a store that already holds events', async () => {
    const again = await run('demo', '--days', '1');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^civic-ledger: store .* already holds events/);
  });
});

describe('X-07 civic-ledger verify', () => {
  it('exits 0 when every hash link of the store holds', async () => {
    const r = await run('verify');
    expect(r.stdout).toMatch(/^intact: \d+ events in \d+ streams/);
    expect(r.code).toBe(0);
  });

  it('exports JSONL that verifies on its own', async () => {
    const ex = await run('export', '--format', 'jsonl', '--out', exported);
    expect(ex.code).toBe(0);
    const first = JSON.parse(readFileSync(exported, 'utf8').split('\n')[0]!);
    expect(first.position).toBe('1');
    expect(first.logHash).toMatch(/^[0-9a-f]{64}$/);
    const r = await run('verify', '--from', exported);
    expect(r.code).toBe(0);
  });

  it('exits 1 and names the event when one byte of one event is altered', async () => {
    const lines = readFileSync(exported, 'utf8').trimEnd().split('\n');
    const i = Math.floor(lines.length / 2);
    const victim = JSON.parse(lines[i]!);
    // Change one byte inside the data (valid JSON still): "ticketId":"T… → "ticketId":"U…
    const altered = lines[i]!.replace(/"ticketId":"T/, '"ticketId":"U');
    expect(altered).not.toBe(lines[i]);
    lines[i] = altered;
    const tampered = join(dir, 'tampered.jsonl');
    writeFileSync(tampered, `${lines.join('\n')}\n`);
    const r = await run('verify', '--from', tampered);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`stream ${victim.streamId} version ${victim.streamVersion}`);
    expect(r.stderr).toContain(`position ${victim.position}`);
    expect(r.stderr).toContain('altered');
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('imports all-or-nothing per batch: a malformed line is named and nothing of its batch is written', async () => {
    const lines = readFileSync(exported, 'utf8').trimEnd().split('\n');
    lines[4] = '{"not": "an event"';
    const broken = join(dir, 'broken.jsonl');
    writeFileSync(broken, `${lines.join('\n')}\n`);
    // One fresh store for both imports: creating an embedded store takes a few seconds.
    const target = ['--store', `embedded:${join(dir, 'copy')}`, '--lang', 'en', '--quiet'];
    const r = await cli([...target, 'import', broken, '--batch', '100']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/line 5 is not valid JSON/);
    expect(r.stderr).toMatch(/nothing of this batch was written/);
    const good = await cli([...target, 'import', exported]);
    expect(good.stderr).toBe('');
    expect(good.code).toBe(0);
    const v = await cli([...target, 'verify']);
    expect(v.stdout).toMatch(/^intact: /);
    expect(v.code).toBe(0);
  });
});

describe('civic-ledger replay', () => {
  /**
   * The exported lines whose event `keep` accepts, written to a file of their own and replayed
   * (`--from`, KPIs of July 2026): what a replay cut at a moment must equal.
   */
  const replayExportPrefix = async (
    name: string,
    keep: (event: { occurredAt: string; recordedAt: string }) => boolean,
  ) => {
    const lines = readFileSync(exported, 'utf8')
      .trimEnd()
      .split('\n')
      .filter((l) => keep(JSON.parse(l)));
    const partial = join(dir, name);
    writeFileSync(partial, `${lines.join('\n')}\n`);
    const fromFile = await run(
      'replay',
      '--from',
      partial,
      '--projection',
      'kpi',
      '--period',
      '2026-07',
      '--json',
    );
    return { lines, fromFile };
  };

  it('rebuilds the KPIs as of a moment: the same as replaying only what had happened by then', async () => {
    const asOf = '2026-07-01T23:59:59+08:00';
    const atMoment = await run('replay', '--as-of', asOf, '--projection', 'kpi', '--json');
    expect(atMoment.code).toBe(0);
    const { lines: cut, fromFile } = await replayExportPrefix(
      'day1.jsonl',
      (e) => Date.parse(e.occurredAt) <= Date.parse(asOf),
    );
    const kpis = (out: string) => JSON.parse(out).projections[0].kpis;
    expect(kpis(atMoment.stdout)).toEqual(kpis(fromFile.stdout));
    const full = await run('replay', '--projection', 'kpi', '--period', '2026-07', '--json');
    const applied = (out: string) => JSON.parse(out).projections[0].applied;
    expect(applied(atMoment.stdout)).toBeLessThan(applied(full.stdout));
    expect(applied(atMoment.stdout)).toBe(cut.length);
  });

  it('rebuilds what the system knew at a moment (--known-at reads recordedAt)', async () => {
    const knownAt = '2026-07-02T12:00:00+08:00';
    const r = await run(
      'replay',
      '--known-at',
      knownAt,
      '--projection',
      'kpi',
      '--period',
      '2026-07',
      '--json',
    );
    const { fromFile } = await replayExportPrefix(
      'known.jsonl',
      (e) => Date.parse(e.recordedAt) <= Date.parse(knownAt),
    );
    expect(JSON.parse(r.stdout).projections[0]).toEqual(JSON.parse(fromFile.stdout).projections[0]);
  });
});

describe('civic-ledger report', () => {
  it('writes one self-contained HTML file with a chart per KPI group', async () => {
    const out = join(dir, 'report.html');
    const r = await run('report', '--period', '2026-Q3', '--format', 'html', '--out', out);
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).not.toMatch(/http/i);
    expect(html).not.toMatch(/<script|<link|src=/i);
    const groups = [...html.matchAll(/<section class="kpi-group" data-group="([^"]+)">/g)].map(
      (m) => m[1],
    );
    expect(groups.length).toBeGreaterThanOrEqual(6);
    for (const g of groups) expect(html).toContain(`data-chart="kpi-${g}"`);
    for (const chart of ['satisfaction', 'trend', 'overdue'])
      expect(html).toContain(`data-chart="${chart}"`);

    // And in a real browser (Debian's chromium, headless): every chart is drawn.
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(out).href);
      for (const g of groups) {
        const box = await page.locator(`svg[data-chart="kpi-${g}"]`).boundingBox();
        expect(box?.height ?? 0).toBeGreaterThan(30);
      }
      expect(await page.locator('svg[data-chart="satisfaction"] rect.bar').count()).toBe(5);
    } finally {
      await browser.close();
    }
  });

  it('writes Markdown and JSON too', async () => {
    const md = await run('report', '--period', '2026-07', '--format', 'md');
    expect(md.stdout).toMatch(/^# Public service quality report — 2026-07/);
    const unit = await run(
      'report',
      '--period',
      '2026-07',
      '--unit',
      'centre-01',
      '--format',
      'md',
    );
    expect(unit.stdout).toContain('Unit: centre:centre-01');
    const json = await run('report', '--period', '2026-07', '--format', 'json');
    expect(JSON.parse(json.stdout).kpiGroups.length).toBeGreaterThanOrEqual(6);
  });
});

describe('X-02 X-06 civic-ledger history', () => {
  it('tells who did what, when and why, with ID numbers, phones and names masked', async () => {
    const ticket = readFileSync(exported, 'utf8').match(/"streamId":"(ticket-[^"]+)"/)![1]!;
    const r = await run('history', ticket);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/#1 {2}\S+ {2}TicketReceived/);
    expect(r.stdout).toMatch(/who\s+: \S+ \(window-staff @ centre-\d+\)/);
    expect(r.stdout).toMatch(/"idNumber":"\d{6}\*{8}\d{3}[\dX]"/);
    expect(r.stdout).toMatch(/"phone":"\d{3}\*{4}\d{4}"/);
    expect(r.stdout).not.toMatch(/"\d{17}[\dX]"/);
  });
});

describe('civic-ledger export formats and schemas', () => {
  it('exports CloudEvents 1.0 and Open311 GeoReport v2 requests, personal data masked', async () => {
    const ce = await run('export', '--format', 'cloudevents');
    const event = JSON.parse(ce.stdout.split('\n')[0]!);
    expect(event).toMatchObject({ specversion: '1.0', datacontenttype: 'application/json' });
    expect(event.type).toMatch(/^cn\.civic-ledger\./);
    expect(ce.stdout.includes('"idNumber":"1') && /"idNumber":"\d{17}/.test(ce.stdout)).toBe(false);
    const o311 = await run('export', '--format', 'open311');
    const requests = JSON.parse(o311.stdout);
    expect(requests.length).toBeGreaterThan(0);
    expect(requests[0]).toHaveProperty('service_request_id');
    expect(['open', 'closed']).toContain(requests[0].status);
  });

  it('writes the JSON Schema of every command and event', async () => {
    const out = join(dir, 'schemas');
    const r = await run('schemas', '--out', out);
    expect(r.code).toBe(0);
    expect(readdirSync(join(out, 'commands'))).toContain('ReceiveTicket.schema.json');
    const received = JSON.parse(
      readFileSync(join(out, 'events', 'TicketReceived.schema.json'), 'utf8'),
    );
    expect(JSON.stringify(received)).toContain('"personalData":"id-number"');
  });
});

describe('errors are one line with an exit code', () => {
  it('exits 2 on a usage error', async () => {
    const r = await cli(['report', '--format', 'pdf']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    const p = await run('report', '--period', 'last-tuesday');
    expect(p.code).toBe(2);
    expect(p.stderr).toMatch(/^civic-ledger: not a period: last-tuesday/);
  });

  it('exits 1 on a failure, without a stack trace unless --debug', async () => {
    const r = await run('verify', '--from', join(dir, 'missing.jsonl'));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`civic-ledger: cannot read ${join(dir, 'missing.jsonl')}\n`);
    const d = await run('--debug', 'verify', '--from', join(dir, 'missing.jsonl'));
    expect(d.stderr).toMatch(/\n\s+at /);
  });
});
