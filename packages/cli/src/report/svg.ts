import type { Lang } from '../i18n.js';
import { esc, formatTarget, formatValue, LEVEL_NAMES, l, OVERDUE_KINDS } from './format.js';
import type { KpiGroup, OverdueItem, SatisfactionSection, TrendPoint } from './model.js';

// Charts are hand-written SVG so that the HTML report stays one file with no script and no
// network access. Inline <svg> in HTML needs no xmlns (and an xmlns URL would be a link).

const OK = '#2e7d32';
const BAD = '#c62828';
const NONE = '#9e9e9e';
const INK = '#263238';
const GRID = '#cfd8dc';
const SERIES = [
  '#1565c0',
  '#ef6c00',
  '#6a1b9a',
  '#00838f',
  '#ad1457',
  '#558b2f',
  '#4e342e',
  '#37474f',
];
// The same CJK-aware stack as the page, so chart labels in Chinese find a font everywhere.
const FONT = `font-family="system-ui, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif"`;

const n = (x: number): string => (Math.round(x * 10) / 10).toString();

const open = (id: string, width: number, height: number, title: string): string =>
  `<svg class="chart" data-chart="${esc(id)}" role="img" aria-label="${esc(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ${FONT} font-size="12"><title>${esc(title)}</title>`;

/** Horizontal bars of each KPI of a group against its target (a dashed mark). */
export const kpiChart = (group: KpiGroup, lang: Lang): string => {
  const rowH = 34;
  const left = 230;
  const barW = 320;
  const width = left + barW + 170;
  const height = 30 + group.kpis.length * rowH + 10;
  const title = l(group.title, lang);
  let out = open(`kpi-${group.id}`, width, height, title);
  out += `<text x="0" y="16" font-weight="bold" fill="${INK}">${esc(title)}</text>`;
  group.kpis.forEach((k, i) => {
    const y = 30 + i * rowH;
    const scale =
      k.unit === 'ratio' || k.unit === 'boolean'
        ? 1
        : Math.max(k.value ?? 0, k.target ?? 0, 1) * 1.25;
    const color = k.breach === null ? NONE : k.breach ? BAD : OK;
    out += `<text x="0" y="${y + 15}" fill="${INK}">${esc(`${k.id} ${l(k.name, lang)}`)}</text>`;
    out += `<rect x="${left}" y="${y + 3}" width="${barW}" height="16" fill="#eceff1"/>`;
    if (k.value !== null) {
      const w = Math.max(1, Math.min(1, k.value / scale) * barW);
      out += `<rect class="bar" data-kpi="${esc(k.id)}" x="${left}" y="${y + 3}" width="${n(w)}" height="16" fill="${color}"/>`;
    }
    if (k.target !== undefined && k.direction !== 'none') {
      const x = left + Math.min(1, k.target / scale) * barW;
      out += `<line class="target" x1="${n(x)}" x2="${n(x)}" y1="${y}" y2="${y + 22}" stroke="${INK}" stroke-width="2" stroke-dasharray="3 2"/>`;
    }
    out += `<text x="${left + barW + 8}" y="${y + 15}" fill="${color}">${esc(`${formatValue(k.value, k.unit, lang)}  (${formatTarget(k, lang)})`)}</text>`;
  });
  return `${out}</svg>`;
};

/** Vertical bars of the ratings per level, good levels green and bad ones red (SAT-01). */
export const satisfactionChart = (s: SatisfactionSection, lang: Lang, goodFrom = 3): string => {
  const width = 520;
  const height = 240;
  const base = 200;
  const max = Math.max(1, ...s.distribution.map((d) => d.count));
  const title = lang === 'zh' ? '满意度评价分布' : 'Satisfaction ratings by level';
  let out = open('satisfaction', width, height, title);
  out += `<text x="0" y="16" font-weight="bold" fill="${INK}">${esc(title)}</text>`;
  out += `<line x1="40" x2="${width - 10}" y1="${base}" y2="${base}" stroke="${GRID}"/>`;
  const levels = [5, 4, 3, 2, 1] as const;
  levels.forEach((level, i) => {
    const count = s.distribution.find((d) => d.level === level)?.count ?? 0;
    const h = (count / max) * 150;
    const x = 50 + i * 92;
    out += `<rect class="bar" data-level="${level}" x="${x}" y="${n(base - h)}" width="60" height="${n(h)}" fill="${level >= goodFrom ? OK : BAD}"/>`;
    out += `<text x="${x + 30}" y="${n(base - h - 4)}" text-anchor="middle" fill="${INK}">${count}</text>`;
    out += `<text x="${x + 30}" y="${base + 16}" text-anchor="middle" fill="${INK}">${esc(l(LEVEL_NAMES[level], lang))}</text>`;
  });
  const rate = formatValue(s.rate, 'ratio', lang);
  const target = formatValue(s.target, 'ratio', lang);
  out += `<text x="${width - 10}" y="16" text-anchor="end" fill="${s.breach ? BAD : s.breach === null ? NONE : OK}">${esc(`${lang === 'zh' ? '满意率' : 'rate'} ${rate} (≥ ${target})`)}</text>`;
  return `${out}</svg>`;
};

/** Lines of ratio KPIs by month (0–100 %), one colour per KPI. */
export const trendChart = (
  points: readonly TrendPoint[],
  kpis: readonly { id: string; name: string }[],
  lang: Lang,
): string => {
  const width = 720;
  const height = 280;
  const left = 50;
  const right = 190;
  const top = 30;
  const bottom = 240;
  const title = lang === 'zh' ? '月度趋势' : 'Trend by month';
  let out = open('trend', width, height, title);
  out += `<text x="0" y="16" font-weight="bold" fill="${INK}">${esc(title)}</text>`;
  for (const pct of [0, 25, 50, 75, 100]) {
    const y = bottom - (pct / 100) * (bottom - top);
    out += `<line x1="${left}" x2="${width - right}" y1="${n(y)}" y2="${n(y)}" stroke="${GRID}"/>`;
    out += `<text x="${left - 6}" y="${n(y + 4)}" text-anchor="end" fill="${INK}">${pct}%</text>`;
  }
  const span = Math.max(1, points.length - 1);
  const xOf = (i: number): number =>
    left + (points.length === 1 ? 0.5 : i / span) * (width - right - left);
  points.forEach((p, i) => {
    out += `<text x="${n(xOf(i))}" y="${bottom + 16}" text-anchor="middle" fill="${INK}">${esc(p.month)}</text>`;
  });
  kpis.forEach((k, s) => {
    const color = SERIES[s % SERIES.length]!;
    const coords = points.flatMap((p, i) => {
      const v = p.values[k.id];
      return v === null || v === undefined
        ? []
        : [[xOf(i), bottom - Math.max(0, Math.min(1, v)) * (bottom - top)] as const];
    });
    if (coords.length > 1)
      out += `<polyline class="series" data-kpi="${esc(k.id)}" fill="none" stroke="${color}" stroke-width="2" points="${coords.map(([x, y]) => `${n(x)},${n(y)}`).join(' ')}"/>`;
    for (const [x, y] of coords) out += `<circle cx="${n(x)}" cy="${n(y)}" r="3" fill="${color}"/>`;
    const ly = top + s * 18;
    out += `<rect x="${width - right + 12}" y="${ly - 9}" width="10" height="10" fill="${color}"/>`;
    out += `<text x="${width - right + 28}" y="${ly}" fill="${INK}">${esc(`${k.id} ${k.name}`)}</text>`;
  });
  if (points.length === 0)
    out += `<text x="${(width - right) / 2}" y="${(top + bottom) / 2}" text-anchor="middle" fill="${NONE}">${lang === 'zh' ? '无数据' : 'no data'}</text>`;
  return `${out}</svg>`;
};

/** Bars of overdue items by kind, split by how late they are. */
export const overdueChart = (items: readonly OverdueItem[], lang: Lang): string => {
  const kinds = ['maintenance', 'ticket', 'complaint', 'rectification', 'other'] as const;
  const buckets = [
    { max: 5, color: '#ffb300', label: lang === 'zh' ? '≤5 天' : '≤5 days' },
    { max: 30, color: '#f4511e', label: lang === 'zh' ? '6–30 天' : '6–30 days' },
    { max: Number.POSITIVE_INFINITY, color: BAD, label: lang === 'zh' ? '>30 天' : '>30 days' },
  ];
  const counts = kinds.map((k) =>
    buckets.map(
      (b, i) =>
        items.filter(
          (it) =>
            it.kind === k &&
            it.daysOverdue <= b.max &&
            (i === 0 || it.daysOverdue > buckets[i - 1]!.max),
        ).length,
    ),
  );
  const max = Math.max(1, ...counts.map((c) => c.reduce((a, b) => a + b, 0)));
  const width = 620;
  const rowH = 28;
  const left = 110;
  const barW = 380;
  const height = 50 + kinds.length * rowH;
  const title = lang === 'zh' ? '逾期事项' : 'Overdue items';
  let out = open('overdue', width, height, title);
  out += `<text x="0" y="16" font-weight="bold" fill="${INK}">${esc(title)}</text>`;
  buckets.forEach((b, i) => {
    out += `<rect x="${left + i * 110}" y="24" width="10" height="10" fill="${b.color}"/><text x="${left + i * 110 + 14}" y="33" fill="${INK}">${esc(b.label)}</text>`;
  });
  kinds.forEach((k, r) => {
    const y = 44 + r * rowH;
    out += `<text x="0" y="${y + 14}" fill="${INK}">${esc(l(OVERDUE_KINDS[k]!, lang))}</text>`;
    let x = left;
    counts[r]!.forEach((c, i) => {
      const w = (c / max) * barW;
      if (c > 0)
        out += `<rect class="bar" data-kind="${k}" x="${n(x)}" y="${y}" width="${n(w)}" height="18" fill="${buckets[i]!.color}"/>`;
      x += w;
    });
    out += `<text x="${n(x + 6)}" y="${y + 14}" fill="${INK}">${counts[r]!.reduce((a, b) => a + b, 0)}</text>`;
  });
  return `${out}</svg>`;
};
