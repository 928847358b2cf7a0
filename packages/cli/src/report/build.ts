import type { Policy } from '@civic-ledger/domain';
import type {
  ComplianceQueries,
  KpiQueries,
  OpenDeadline,
  Period,
  KpiValue as ProjectedKpi,
  RectificationLedgerQueries,
  SatisfactionQueries,
  UnitRef,
} from '@civic-ledger/projections';
import { KPI_GROUPS, KPI_META, TREND_KPIS } from './kpi-catalogue.js';
import type { KpiValue, OverdueItem, ReportData } from './model.js';

/** The read models a report is built from (`@civic-ledger/projections`), already rebuilt. */
export interface ReportInput {
  readonly policy: Policy;
  readonly period: Period;
  readonly unit?: UnitRef;
  readonly kpi: KpiQueries;
  readonly satisfaction: SatisfactionQueries;
  readonly compliance: ComplianceQueries;
  readonly ledger: RectificationLedgerQueries;
  /** Events the read models were built from. */
  readonly events: number;
  /** The instant overdue items are judged at (the cut, or the last event). */
  readonly at: string;
  readonly asOf?: string;
  readonly generatedAt: string;
}

/** Months (`YYYY-MM`) a period spans. */
export const monthsOf = (period: Period): string[] => {
  const out: string[] = [];
  let [y, m] = period.from.split('-').map(Number) as [number, number];
  const last = period.to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= last || out.length > 120) return out;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
};

const toReportKpi = (meta: (typeof KPI_META)[number], v: ProjectedKpi | undefined): KpiValue => ({
  id: meta.id,
  name: meta.name,
  unit: meta.unit,
  value: v?.value ?? null,
  ...(v?.target ? { target: v.target.value } : {}),
  direction: v?.target ? v.target.comparison : 'none',
  breach: v?.breach ?? null,
  ...(v ? { numerator: v.numerator, denominator: v.denominator } : {}),
  ...(v?.p90 !== undefined && v.p90 !== null
    ? { detail: { zh: `P90 ${v.p90.toFixed(1)} 分钟`, en: `p90 ${v.p90.toFixed(1)} min` } }
    : v?.note
      ? { detail: { zh: v.note, en: v.note } }
      : {}),
});

const DIMENSIONS = {
  content: { zh: '服务内容', en: 'content' },
  attitude: { zh: '服务态度', en: 'attitude' },
  efficiency: { zh: '办事效率', en: 'efficiency' },
  environment: { zh: '服务环境', en: 'environment' },
} as const;

const DAY_MS = 86_400_000;

const overdueItems = (
  kind: OverdueItem['kind'],
  items: readonly OpenDeadline[],
  at: string,
  unit: string | undefined,
): OverdueItem[] =>
  items
    .filter((d) => !unit || d.owner === unit || d.owner.startsWith(`${unit}-`))
    .map((d) => ({
      kind,
      id: d.id,
      title: d.detail ?? '',
      unit: d.owner,
      dueAt: d.dueDate,
      daysOverdue: Math.max(1, Math.ceil((Date.parse(at) - Date.parse(d.dueAt)) / DAY_MS)),
    }));

/** Gathers the read models' answers into the plain {@link ReportData} the renderers take. */
export const buildReportData = (input: ReportInput): ReportData => {
  const { period, unit, kpi, policy } = input;
  const values = new Map(kpi.all(period.key, unit).map((v) => [v.id as string, v]));
  const months = monthsOf(period);
  const centre = unit?.kind === 'centre' ? unit.id : undefined;
  const cut = unit && unit.kind !== 'facility-class' ? { by: unit.kind, id: unit.id } : undefined;
  const dist = input.satisfaction.distribution(period.key, cut);
  const rate = dist.goodRate.value;
  const target = dist.goodRate.target?.value ?? policy.kpi.satisfactionFacility;
  const overdue = input.compliance.overdue(input.at);
  return {
    title: { zh: '公共服务质量报告', en: 'Public service quality report' },
    jurisdiction: policy.jurisdiction,
    period: { label: period.key, from: period.from, to: period.to },
    ...(unit ? { unit: `${unit.kind}:${unit.id}` } : {}),
    generatedAt: input.generatedAt,
    ...(input.asOf ? { asOf: input.asOf } : {}),
    events: input.events,
    kpiGroups: KPI_GROUPS.map((g) => ({
      ...g,
      kpis: KPI_META.filter((m) => m.group === g.id).map((m) => toReportKpi(m, values.get(m.id))),
    })),
    satisfaction: {
      distribution: ([5, 4, 3, 2, 1] as const).map((level) => ({
        level,
        count: dist.levels[level],
      })),
      rate,
      target,
      breach: dist.goodRate.breach,
      dimensions: (Object.keys(DIMENSIONS) as (keyof typeof DIMENSIONS)[]).map((key) => ({
        name: DIMENSIONS[key],
        mean: dist.dimensions[key].mean,
      })),
    },
    trend: months.map((month) => {
      const byId = new Map(kpi.all(month, unit).map((v) => [v.id as string, v.value]));
      return {
        month,
        values: Object.fromEntries(TREND_KPIS.map((id) => [id, byId.get(id) ?? null])),
      };
    }),
    trendKpis: [...TREND_KPIS],
    overdue: [
      ...overdueItems('maintenance', overdue.tasks, input.at, centre),
      ...overdueItems('ticket', overdue.reviews, input.at, centre),
      ...overdueItems('complaint', overdue.complaintAnswers, input.at, centre),
      ...overdueItems('rectification', overdue.rectifications, input.at, centre),
    ].sort((a, b) => b.daysOverdue - a.daysOverdue),
    rectifications: input.ledger.list(centre ? { unit: centre } : {}).map((r) => ({
      id: r.rectificationId,
      finding: r.issue,
      unit: r.responsibleUnitId,
      deadline: r.deadline.dueDate,
      status: r.status,
      onTime: r.accepted ? r.accepted.onTime : null,
      rebound: r.reboundCount > 0,
    })),
  };
};
