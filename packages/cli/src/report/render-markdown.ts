import type { Lang } from '../i18n.js';
import {
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
import type { ReportData } from './model.js';

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const row = (cells: readonly string[]): string => `| ${cells.map(cell).join(' | ')} |`;
const table = (head: readonly string[], rows: readonly (readonly string[])[]): string[] => [
  row(head),
  row(head.map(() => '---')),
  ...rows.map(row),
];

/** Renders the report as Markdown (tables; the charts are in the HTML report). */
export const renderMarkdown = (data: ReportData, lang: Lang = 'zh'): string => {
  const T = (k: keyof typeof TEXT): string => l(TEXT[k], lang);
  const out: string[] = [`# ${l(data.title, lang)} — ${data.period.label}`, ''];
  out.push(
    `${T('period')}: **${data.period.label}** (${data.period.from} – ${data.period.to}) · ${T('unit')}: ${data.unit ?? T('allUnits')} · ${T('jurisdiction')}: ${data.jurisdiction} · ${T('events')}: ${data.events}${data.asOf ? ` · ${T('asOf')}: ${data.asOf}` : ''}`,
    '',
  );
  for (const group of data.kpiGroups) {
    out.push(`## ${l(group.title, lang)}`, '');
    out.push(
      ...table(
        [T('id'), T('kpi'), T('value'), T('target'), T('basis'), T('status')],
        group.kpis.map((k) => [
          k.id,
          l(k.name, lang) + (k.detail ? ` (${l(k.detail, lang)})` : ''),
          formatValue(k.value, k.unit, lang),
          formatTarget(k, lang),
          k.numerator !== undefined && k.denominator !== undefined
            ? `${k.numerator}/${k.denominator}`
            : '',
          (k.breach ? '❌ ' : k.breach === false ? '✅ ' : '') + formatStatus(k, lang),
        ]),
      ),
      '',
    );
  }
  const s = data.satisfaction;
  out.push(`## ${T('satisfaction')}`, '');
  out.push(
    `${T('rate')}: **${formatValue(s.rate, 'ratio', lang)}** (≥ ${formatValue(s.target, 'ratio', lang)})`,
    '',
  );
  out.push(
    ...table(
      [T('level'), T('count')],
      ([5, 4, 3, 2, 1] as const).map((level) => [
        `${level} ${l(LEVEL_NAMES[level], lang)}`,
        String(s.distribution.find((d) => d.level === level)?.count ?? 0),
      ]),
    ),
    '',
  );
  if (data.trend.length > 0) {
    out.push(`## ${T('trend')}`, '');
    out.push(
      ...table(
        [T('month'), ...data.trendKpis],
        data.trend.map((p) => [
          p.month,
          ...data.trendKpis.map((id) => formatValue(p.values[id] ?? null, 'ratio', lang)),
        ]),
      ),
      '',
    );
  }
  out.push(`## ${T('overdue')}`, '');
  if (data.overdue.length === 0) out.push(T('none'), '');
  else
    out.push(
      ...table(
        [T('kind'), T('id'), T('title'), T('unit'), T('due'), T('daysOverdue')],
        data.overdue.map((o) => [
          l(OVERDUE_KINDS[o.kind] ?? OVERDUE_KINDS.other!, lang),
          o.id,
          o.title,
          o.unit,
          localDate(o.dueAt),
          String(o.daysOverdue),
        ]),
      ),
      '',
    );
  out.push(`## ${T('rectifications')}`, '');
  if (data.rectifications.length === 0) out.push(T('none'), '');
  else
    out.push(
      ...table(
        [T('id'), T('finding'), T('unit'), T('deadline'), T('status'), T('onTime'), T('rebound')],
        data.rectifications.map((r) => [
          r.id,
          r.finding,
          r.unit,
          localDate(r.deadline),
          l(RECTIFICATION_STATUS_NAMES[r.status] ?? { zh: r.status, en: r.status }, lang),
          r.onTime === null ? '—' : r.onTime ? T('yes') : T('no'),
          r.rebound ? T('yes') : T('no'),
        ]),
      ),
      '',
    );
  return out.join('\n');
};
