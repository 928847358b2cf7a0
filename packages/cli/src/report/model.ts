/** A text in the report's two languages. */
export interface Label {
  readonly zh: string;
  readonly en: string;
}

/** How a KPI is measured: a ratio (0–1), minutes, a count, or held / not held. */
export type KpiUnit = 'ratio' | 'minutes' | 'count' | 'boolean';

/** Which side of the target is good. */
export type KpiDirection = 'at-least' | 'at-most' | 'none';

/** One KPI of requirements §9 for the period and unit. */
export interface KpiValue {
  /** `K-01` … `K-16`. */
  readonly id: string;
  readonly name: Label;
  readonly unit: KpiUnit;
  /** `null` when the denominator is zero: "no data", never 0 or 100 %. */
  readonly value: number | null;
  readonly target?: number;
  readonly direction: KpiDirection;
  /** `true` when the value misses the target; `null` when there is no data or no target. */
  readonly breach: boolean | null;
  readonly numerator?: number;
  readonly denominator?: number;
  /** e.g. the p90 of K-03. */
  readonly detail?: Label;
}

/** KPIs shown together, with one chart (KPI against target). */
export interface KpiGroup {
  readonly id: string;
  readonly title: Label;
  readonly kpis: readonly KpiValue[];
}

/** Ratings per Likert level (SAT-01): 5 very satisfied … 1 very dissatisfied. */
export interface SatisfactionSection {
  readonly distribution: readonly { readonly level: 1 | 2 | 3 | 4 | 5; readonly count: number }[];
  readonly rate: number | null;
  readonly target: number;
  readonly breach: boolean | null;
  /** Mean level per dimension (content, attitude, efficiency, environment), when rated. */
  readonly dimensions?: readonly { readonly name: Label; readonly mean: number | null }[];
}

/** One month of the trend chart; values by KPI id (ratios 0–1). */
export interface TrendPoint {
  readonly month: string;
  readonly values: Readonly<Record<string, number | null>>;
}

/** An item past its deadline and not done (FAC-12, TKT-03, CMP-03, AUD-02). */
export interface OverdueItem {
  readonly kind: 'maintenance' | 'ticket' | 'complaint' | 'rectification' | 'other';
  readonly id: string;
  readonly title: string;
  readonly unit: string;
  readonly dueAt: string;
  readonly daysOverdue: number;
}

/** One line of the rectification ledger 整改台账 (AUD-02). */
export interface RectificationRow {
  readonly id: string;
  readonly finding: string;
  readonly unit: string;
  readonly deadline: string;
  readonly status: string;
  readonly onTime: boolean | null;
  readonly rebound: boolean;
}

/**
 * Everything a report shows, as plain data: the renderers (Markdown, HTML with inline SVG,
 * JSON) take only this, so they can be tested without a store or projections.
 */
export interface ReportData {
  readonly title: Label;
  readonly jurisdiction: string;
  readonly period: { readonly label: string; readonly from: string; readonly to: string };
  readonly unit?: string;
  /** When the report was produced (stamped by the caller). */
  readonly generatedAt: string;
  /** Events considered: occurred up to this instant. */
  readonly asOf?: string;
  readonly events: number;
  readonly kpiGroups: readonly KpiGroup[];
  readonly satisfaction: SatisfactionSection;
  readonly trend: readonly TrendPoint[];
  /** KPI ids the trend chart draws. */
  readonly trendKpis: readonly string[];
  readonly overdue: readonly OverdueItem[];
  readonly rectifications: readonly RectificationRow[];
}
