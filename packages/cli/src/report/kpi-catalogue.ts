import type { KpiUnit, Label } from './model.js';

/** How the report shows each KPI of requirements §9. */
export interface KpiMeta {
  readonly id: string;
  readonly name: Label;
  readonly unit: KpiUnit;
  readonly group: string;
}

/** The KPI groups, each drawn as one chart (KPI against target). */
export const KPI_GROUPS: readonly { readonly id: string; readonly title: Label }[] = [
  { id: 'facility', title: { zh: '设施管理', en: 'Facilities' } },
  { id: 'efficiency', title: { zh: '服务效率', en: 'Service efficiency' } },
  { id: 'complaints', title: { zh: '投诉处理', en: 'Complaints' } },
  { id: 'satisfaction', title: { zh: '满意度与调查', en: 'Satisfaction and surveys' } },
  { id: 'staff', title: { zh: '人员管理', en: 'Staff' } },
  { id: 'supervision', title: { zh: '监督整改与覆盖', en: 'Supervision and coverage' } },
];

/** K-01 … K-16 with their names (zh/en), units and groups. */
export const KPI_META: readonly KpiMeta[] = [
  {
    id: 'K-01',
    name: { zh: '设施完好率', en: 'Facility intact rate' },
    unit: 'ratio',
    group: 'facility',
  },
  {
    id: 'K-02',
    name: { zh: '预防性维护按期率', en: 'PM compliance' },
    unit: 'ratio',
    group: 'facility',
  },
  {
    id: 'K-03',
    name: { zh: '首次响应时间', en: 'First-response time' },
    unit: 'minutes',
    group: 'efficiency',
  },
  {
    id: 'K-04',
    name: { zh: '窗口等候时间', en: 'Window wait time' },
    unit: 'minutes',
    group: 'efficiency',
  },
  {
    id: 'K-05',
    name: { zh: '按时办结率', en: 'On-time completion' },
    unit: 'ratio',
    group: 'efficiency',
  },
  {
    id: 'K-06',
    name: { zh: '审核按时率', en: 'Review on-time rate' },
    unit: 'ratio',
    group: 'efficiency',
  },
  {
    id: 'K-07',
    name: { zh: '投诉按时办结率', en: 'Complaint on-time rate' },
    unit: 'ratio',
    group: 'complaints',
  },
  { id: 'K-08', name: { zh: '投诉率', en: 'Complaint rate' }, unit: 'ratio', group: 'complaints' },
  { id: 'K-15', name: { zh: '重复率', en: 'Repeat rate' }, unit: 'ratio', group: 'complaints' },
  {
    id: 'K-09',
    name: { zh: '满意率', en: 'Satisfaction rate' },
    unit: 'ratio',
    group: 'satisfaction',
  },
  {
    id: 'K-10',
    name: { zh: '调查回收率', en: 'Survey response rate' },
    unit: 'ratio',
    group: 'satisfaction',
  },
  {
    id: 'K-11',
    name: { zh: '每季度开展调查', en: 'Quarterly survey held' },
    unit: 'ratio',
    group: 'satisfaction',
  },
  {
    id: 'K-12',
    name: { zh: '持证上岗率', en: 'Certified on post' },
    unit: 'ratio',
    group: 'staff',
  },
  {
    id: 'K-13',
    name: { zh: '培训覆盖率', en: 'Training coverage' },
    unit: 'ratio',
    group: 'staff',
  },
  {
    id: 'K-14',
    name: { zh: '整改按期率', en: 'Rectification on time' },
    unit: 'ratio',
    group: 'supervision',
  },
  {
    id: 'K-16',
    name: { zh: '服务覆盖率', en: 'Service coverage' },
    unit: 'ratio',
    group: 'supervision',
  },
];

/** Ratio KPIs drawn in the monthly trend. */
export const TREND_KPIS = ['K-02', 'K-05', 'K-06', 'K-07', 'K-09', 'K-14'] as const;
