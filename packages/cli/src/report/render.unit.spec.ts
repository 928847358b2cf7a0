import { describe, expect, it } from 'vitest';
import type { ReportData } from './model.js';
import { renderHtml } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';

const data: ReportData = {
  title: { zh: '公共服务质量报告', en: 'Public service quality report' },
  jurisdiction: 'Test',
  period: { label: '2026-07', from: '2026-07-01', to: '2026-07-31' },
  generatedAt: '2026-08-01T00:00:00Z',
  events: 3,
  kpiGroups: [
    {
      id: 'efficiency',
      title: { zh: '服务效率', en: 'Efficiency' },
      kpis: [
        {
          id: 'K-05',
          name: { zh: '按时办结率', en: 'On-time completion' },
          unit: 'ratio',
          value: 0.9,
          target: 0.95,
          direction: 'at-least',
          breach: true,
          numerator: 9,
          denominator: 10,
        },
        {
          id: 'K-06',
          name: { zh: '审核按时率', en: 'Review on time' },
          unit: 'ratio',
          value: null,
          target: 1,
          direction: 'at-least',
          breach: null,
        },
      ],
    },
  ],
  satisfaction: { distribution: [{ level: 5, count: 1 }], rate: null, target: 0.9, breach: null },
  trend: [],
  trendKpis: [],
  overdue: [
    {
      kind: 'ticket',
      id: 'T<1>',
      title: '<script>alert(1)</script>',
      unit: 'c',
      dueAt: '2026-07-10',
      daysOverdue: 3,
    },
  ],
  rectifications: [],
};

describe('K-01…K-16 report renderers', () => {
  it('writes a self-contained HTML page: inline SVG charts, escaped text, no links', () => {
    const html = renderHtml(data, 'zh');
    expect(html).not.toMatch(/http|<script|<link|src=/i);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('data-chart="kpi-efficiency"');
    expect(html).toContain('未达标');
    // A rate with a zero denominator is "no data", never 0 % or 100 %.
    expect(html).toContain('无数据');
  });

  it('writes Markdown tables with targets and breaches', () => {
    const md = renderMarkdown(data, 'en');
    expect(md).toContain('| K-05 | On-time completion | 90.0% | ≥ 95.0% | 9/10 | ❌ missed |');
    expect(md).toContain('| K-06 | Review on time | no data | ≥ 100.0% |  | — |');
  });
});
