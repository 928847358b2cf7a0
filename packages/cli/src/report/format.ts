import type { Lang } from '../i18n.js';
import type { KpiValue, Label } from './model.js';

/** Escapes text for HTML and SVG. */
export const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The text of a label in the chosen language. */
export const l = (label: Label, lang: Lang): string => label[lang];

/** A KPI value as people read it: `97.5%`, `18.2 min`, `12`, `是/yes`; no data is `—`. */
export const formatValue = (
  value: number | null | undefined,
  unit: KpiValue['unit'],
  lang: Lang,
): string => {
  if (value === null || value === undefined) return lang === 'zh' ? '无数据' : 'no data';
  switch (unit) {
    case 'ratio':
      return `${(value * 100).toFixed(1)}%`;
    case 'minutes':
      return `${value.toFixed(1)} ${lang === 'zh' ? '分钟' : 'min'}`;
    case 'boolean':
      return value >= 1 ? (lang === 'zh' ? '是' : 'yes') : lang === 'zh' ? '否' : 'no';
    default:
      return String(Math.round(value * 100) / 100);
  }
};

/** The target as a condition: `≥ 95.0%`, `≤ 20.0 min`. */
export const formatTarget = (kpi: KpiValue, lang: Lang): string => {
  if (kpi.target === undefined || kpi.direction === 'none') return '—';
  return `${kpi.direction === 'at-least' ? '≥' : '≤'} ${formatValue(kpi.target, kpi.unit, lang)}`;
};

/** Met / missed / no data. */
export const formatStatus = (kpi: { breach: boolean | null }, lang: Lang): string =>
  kpi.breach === null
    ? lang === 'zh'
      ? '—'
      : '—'
    : kpi.breach
      ? lang === 'zh'
        ? '未达标'
        : 'missed'
      : lang === 'zh'
        ? '达标'
        : 'met';

/** Labels of the report's fixed texts. */
export const TEXT = {
  period: { zh: '统计周期', en: 'Period' },
  unit: { zh: '单位', en: 'Unit' },
  allUnits: { zh: '全部', en: 'all' },
  jurisdiction: { zh: '适用政策', en: 'Policy' },
  generatedAt: { zh: '生成时间', en: 'Generated' },
  asOf: { zh: '截至', en: 'As of' },
  events: { zh: '事件数', en: 'Events' },
  kpi: { zh: '指标', en: 'KPI' },
  value: { zh: '实际值', en: 'Value' },
  target: { zh: '目标', en: 'Target' },
  status: { zh: '状态', en: 'Status' },
  basis: { zh: '分子/分母', en: 'Basis' },
  satisfaction: { zh: '满意度', en: 'Satisfaction' },
  distribution: { zh: '评价分布', en: 'Distribution of ratings' },
  level: { zh: '等级', en: 'Level' },
  count: { zh: '数量', en: 'Count' },
  rate: { zh: '满意率', en: 'Satisfaction rate' },
  trend: { zh: '月度趋势', en: 'Trend by month' },
  month: { zh: '月份', en: 'Month' },
  overdue: { zh: '逾期事项', en: 'Overdue items' },
  none: { zh: '无', en: 'none' },
  kind: { zh: '类别', en: 'Kind' },
  id: { zh: '编号', en: 'Id' },
  title: { zh: '事项', en: 'Item' },
  due: { zh: '期限', en: 'Due' },
  daysOverdue: { zh: '逾期天数', en: 'Days overdue' },
  rectifications: { zh: '整改台账', en: 'Rectification ledger' },
  finding: { zh: '问题', en: 'Finding' },
  deadline: { zh: '整改期限', en: 'Deadline' },
  onTime: { zh: '按期', en: 'On time' },
  rebound: { zh: '反弹', en: 'Rebound' },
  yes: { zh: '是', en: 'yes' },
  no: { zh: '否', en: 'no' },
  dimensions: { zh: '分项均分', en: 'Mean by dimension' },
} satisfies Record<string, Label>;

/** Names of the Likert levels (SAT-01). */
export const LEVEL_NAMES: Record<1 | 2 | 3 | 4 | 5, Label> = {
  5: { zh: '非常满意', en: 'very satisfied' },
  4: { zh: '满意', en: 'satisfied' },
  3: { zh: '基本满意', en: 'basically satisfied' },
  2: { zh: '不满意', en: 'dissatisfied' },
  1: { zh: '非常不满意', en: 'very dissatisfied' },
};

/** Rectification ledger statuses (AUD-02). */
export const RECTIFICATION_STATUS_NAMES: Record<string, Label> = {
  open: { zh: '待整改', en: 'open' },
  'measures-set': { zh: '整改中', en: 'measures set' },
  submitted: { zh: '待验收', en: 'awaiting acceptance' },
  accepted: { zh: '已验收', en: 'accepted' },
  rejected: { zh: '验收未通过', en: 'rejected' },
  reopened: { zh: '反弹重开', en: 'reopened (rebound)' },
  dismissed: { zh: '不予整改（核实不属实）', en: 'dismissed (unfounded)' },
};

/** A deadline or instant as a local date (Asia/Shanghai); dates pass through. */
export const localDate = (value: string): string =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))
    ? value
    : new Date(Date.parse(value) + 8 * 3_600_000).toISOString().slice(0, 10);

/** Names of overdue-item kinds. */
export const OVERDUE_KINDS: Record<string, Label> = {
  maintenance: { zh: '维护保养', en: 'maintenance' },
  ticket: { zh: '工单', en: 'tickets' },
  complaint: { zh: '投诉', en: 'complaints' },
  rectification: { zh: '整改', en: 'rectifications' },
  other: { zh: '其他', en: 'other' },
};
