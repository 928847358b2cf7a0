import type { Lang } from '../i18n.js';
import {
  esc,
  formatStatus,
  formatTarget,
  formatValue,
  LEVEL_NAMES,
  l,
  localDate,
  OVERDUE_KINDS,
  RECTIFICATION_STATUS_NAMES,
  TEXT,
} from './format.js';
import type { KpiValue, ReportData } from './model.js';
import { kpiChart, overdueChart, satisfactionChart, trendChart } from './svg.js';

const STYLE = `
body{font-family:system-ui,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#263238;max-width:1000px;margin:2em auto;padding:0 1em;line-height:1.5}
h1{font-size:1.6em;margin-bottom:.2em}h2{border-bottom:2px solid #cfd8dc;padding-bottom:.2em;margin-top:1.8em}
table{border-collapse:collapse;width:100%;margin:.8em 0;font-size:.92em}th,td{border:1px solid #cfd8dc;padding:.3em .5em;text-align:left}
th{background:#eceff1}td.num{text-align:right;font-variant-numeric:tabular-nums}
.missed{color:#c62828;font-weight:bold}.met{color:#2e7d32}.nodata{color:#9e9e9e}
.meta{color:#546e7a}.chart{display:block;margin:1em 0;max-width:100%;height:auto}
@media print{h2{page-break-before:auto}.chart{page-break-inside:avoid}}`;

const statusClass = (k: { breach: boolean | null }): string =>
  k.breach === null ? 'nodata' : k.breach ? 'missed' : 'met';

const kpiRow = (k: KpiValue, lang: Lang): string => {
  const basis =
    k.numerator !== undefined && k.denominator !== undefined
      ? `${k.numerator}/${k.denominator}`
      : '';
  return `<tr data-kpi="${esc(k.id)}"><td>${esc(k.id)}</td><td>${esc(l(k.name, lang))}${k.detail ? `<br><small>${esc(l(k.detail, lang))}</small>` : ''}</td><td class="num">${esc(formatValue(k.value, k.unit, lang))}</td><td class="num">${esc(formatTarget(k, lang))}</td><td class="num">${esc(basis)}</td><td class="${statusClass(k)}">${esc(formatStatus(k, lang))}</td></tr>`;
};

/**
 * Renders the report as one self-contained HTML file: inline CSS, charts as inline SVG,
 * no script, no external resource, no link.
 */
export const renderHtml = (data: ReportData, lang: Lang = 'zh'): string => {
  const T = (k: keyof typeof TEXT): string => esc(l(TEXT[k], lang));
  const parts: string[] = [];
  parts.push(
    `<!DOCTYPE html><html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(l(data.title, lang))} ${esc(data.period.label)}</title><style>${STYLE}</style></head><body>`,
  );
  parts.push(`<h1>${esc(l(data.title, lang))}</h1>`);
  parts.push(
    `<p class="meta">${T('period')}: <b>${esc(data.period.label)}</b> (${esc(data.period.from)} – ${esc(data.period.to)}) · ${T('unit')}: ${esc(data.unit ?? l(TEXT.allUnits, lang))} · ${T('jurisdiction')}: ${esc(data.jurisdiction)} · ${T('events')}: ${data.events}${data.asOf ? ` · ${T('asOf')}: ${esc(data.asOf)}` : ''} · ${T('generatedAt')}: ${esc(data.generatedAt)}</p>`,
  );
  for (const group of data.kpiGroups) {
    parts.push(
      `<section class="kpi-group" data-group="${esc(group.id)}"><h2>${esc(l(group.title, lang))}</h2>`,
    );
    parts.push(kpiChart(group, lang));
    parts.push(
      `<table><thead><tr><th>${T('id')}</th><th>${T('kpi')}</th><th>${T('value')}</th><th>${T('target')}</th><th>${T('basis')}</th><th>${T('status')}</th></tr></thead><tbody>${group.kpis.map((k) => kpiRow(k, lang)).join('')}</tbody></table></section>`,
    );
  }
  const s = data.satisfaction;
  parts.push(
    `<section data-group="satisfaction"><h2>${T('satisfaction')}</h2>${satisfactionChart(s, lang)}`,
  );
  parts.push(
    `<table><thead><tr><th>${T('level')}</th><th>${T('count')}</th></tr></thead><tbody>${[
      5, 4, 3, 2, 1,
    ]
      .map(
        (level) =>
          `<tr><td>${level} ${esc(l(LEVEL_NAMES[level as 1], lang))}</td><td class="num">${s.distribution.find((d) => d.level === level)?.count ?? 0}</td></tr>`,
      )
      .join('')}</tbody></table>`,
  );
  if (s.dimensions && s.dimensions.length > 0)
    parts.push(
      `<table><thead><tr><th>${T('dimensions')}</th><th>${T('value')}</th></tr></thead><tbody>${s.dimensions.map((d) => `<tr><td>${esc(l(d.name, lang))}</td><td class="num">${d.mean === null ? esc(formatValue(null, 'count', lang)) : d.mean.toFixed(2)}</td></tr>`).join('')}</tbody></table>`,
    );
  parts.push('</section>');
  const names = new Map(
    data.kpiGroups.flatMap((g) => g.kpis.map((k) => [k.id, l(k.name, lang)] as const)),
  );
  parts.push(
    `<section data-group="trend"><h2>${T('trend')}</h2>${trendChart(
      data.trend,
      data.trendKpis.map((id) => ({ id, name: names.get(id) ?? id })),
      lang,
    )}</section>`,
  );
  parts.push(
    `<section data-group="overdue"><h2>${T('overdue')}</h2>${overdueChart(data.overdue, lang)}`,
  );
  parts.push(
    data.overdue.length === 0
      ? `<p>${T('none')}</p>`
      : `<table><thead><tr><th>${T('kind')}</th><th>${T('id')}</th><th>${T('title')}</th><th>${T('unit')}</th><th>${T('due')}</th><th>${T('daysOverdue')}</th></tr></thead><tbody>${data.overdue
          .map(
            (o) =>
              `<tr><td>${esc(l(OVERDUE_KINDS[o.kind] ?? OVERDUE_KINDS.other!, lang))}</td><td>${esc(o.id)}</td><td>${esc(o.title)}</td><td>${esc(o.unit)}</td><td>${esc(localDate(o.dueAt))}</td><td class="num">${o.daysOverdue}</td></tr>`,
          )
          .join('')}</tbody></table>`,
  );
  parts.push('</section>');
  parts.push(`<section data-group="rectifications"><h2>${T('rectifications')}</h2>`);
  parts.push(
    data.rectifications.length === 0
      ? `<p>${T('none')}</p>`
      : `<table><thead><tr><th>${T('id')}</th><th>${T('finding')}</th><th>${T('unit')}</th><th>${T('deadline')}</th><th>${T('status')}</th><th>${T('onTime')}</th><th>${T('rebound')}</th></tr></thead><tbody>${data.rectifications
          .map(
            (r) =>
              `<tr><td>${esc(r.id)}</td><td>${esc(r.finding)}</td><td>${esc(r.unit)}</td><td>${esc(localDate(r.deadline))}</td><td>${esc(l(RECTIFICATION_STATUS_NAMES[r.status] ?? { zh: r.status, en: r.status }, lang))}</td><td>${r.onTime === null ? '—' : r.onTime ? T('yes') : `<span class="missed">${T('no')}</span>`}</td><td>${r.rebound ? `<span class="missed">${T('yes')}</span>` : T('no')}</td></tr>`,
          )
          .join('')}</tbody></table>`,
  );
  parts.push('</section></body></html>');
  return parts.join('\n');
};
