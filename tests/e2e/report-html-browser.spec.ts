import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderHtml } from '@civic-ledger/cli';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportFixture } from './support/report-fixture.js';

// The HTML report in a real browser (Debian's chromium, headless): the charts are there,
// drawn, and the page asks the network for nothing.
const dir = mkdtempSync(join(tmpdir(), 'civic-ledger-html-'));
let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({
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
});

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('SAT-05 the HTML report in headless Chromium', () => {
  it('shows one KPI chart per group plus satisfaction, trend and overdue charts, offline', async () => {
    const file = join(dir, 'report.html');
    writeFileSync(file, renderHtml(reportFixture, 'zh'));
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) requests.push(r.url());
    });
    await page.goto(pathToFileURL(file).href);

    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.locator('h1').textContent()).toBe('公共服务质量报告');
    for (const group of reportFixture.kpiGroups) {
      const chart = page.locator(
        `section[data-group="${group.id}"] svg.chart[data-chart="kpi-${group.id}"]`,
      );
      expect(await chart.count()).toBe(1);
      const box = await chart.boundingBox();
      expect(box?.width ?? 0).toBeGreaterThan(100);
      // One bar per KPI with data, one dashed target mark per KPI with a target.
      expect(await chart.locator('rect.bar').count()).toBe(
        group.kpis.filter((k) => k.value !== null).length,
      );
      expect(await chart.locator('line.target').count()).toBe(
        group.kpis.filter((k) => k.target !== undefined).length,
      );
    }
    expect(await page.locator('svg[data-chart="satisfaction"] rect.bar').count()).toBe(5);
    expect(await page.locator('svg[data-chart="trend"] polyline.series').count()).toBe(2);
    expect(await page.locator('svg[data-chart="overdue"] rect.bar').count()).toBe(2);
    // Text is escaped, never markup.
    expect(await page.locator('text=医疗救助 <审批>').count()).toBe(1);
    expect(requests).toEqual([]);
    await page.close();
  });

  it('speaks English with --lang en', async () => {
    const file = join(dir, 'report-en.html');
    writeFileSync(file, renderHtml(reportFixture, 'en'));
    const page = await browser.newPage();
    await page.goto(pathToFileURL(file).href);
    expect(await page.locator('h1').textContent()).toBe('Public service quality report');
    expect(await page.locator('svg[data-chart="kpi-efficiency"] title').textContent()).toBe(
      'Service efficiency',
    );
    await page.close();
  });
});
