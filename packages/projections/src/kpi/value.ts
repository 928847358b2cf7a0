/** The KPIs of requirements §9. */
export type KpiId =
  | 'K-01'
  | 'K-02'
  | 'K-03'
  | 'K-04'
  | 'K-05'
  | 'K-06'
  | 'K-07'
  | 'K-08'
  | 'K-09'
  | 'K-10'
  | 'K-11'
  | 'K-12'
  | 'K-13'
  | 'K-14'
  | 'K-15'
  | 'K-16';

/** The units a KPI can be cut by (requirements §9). */
export type UnitKind = 'centre' | 'department' | 'window' | 'staff' | 'facility-class';

/** One unit: a centre, department, window, staff member or facility class, by id. */
export interface UnitRef {
  readonly kind: UnitKind;
  readonly id: string;
}

/** A target: the value must be at least, or at most, this. */
export interface KpiTarget {
  readonly comparison: 'at-least' | 'at-most';
  readonly value: number;
}

/**
 * One KPI figure. A rate is `numerator / denominator`; a time is `sum of minutes / count`.
 * A zero denominator is "no data" (`value: null`, `status: 'no-data'`), never 0 or 100 %.
 */
export interface KpiValue {
  readonly id: KpiId;
  /** Period key (`2026-11`, `2026-Q4` …). */
  readonly period: string;
  /** The unit, or undefined for the whole jurisdiction. */
  readonly unit?: UnitRef;
  readonly numerator: number;
  readonly denominator: number;
  readonly value: number | null;
  readonly target: KpiTarget | null;
  /** True when the target is missed; null when there is no data or no target. */
  readonly breach: boolean | null;
  readonly status: 'ok' | 'breach' | 'no-data' | 'no-target';
  /** K-03: the 90th percentile (nearest rank over exact values). */
  readonly p90?: number | null;
  /** Why a figure is missing, e.g. "not yet fed: the Survey aggregate emits no events yet". */
  readonly note?: string;
}

interface ValueInput {
  readonly id: KpiId;
  readonly period: string;
  readonly unit: UnitRef | undefined;
  readonly numerator: number;
  readonly denominator: number;
  readonly target: KpiTarget | null;
}

/** Builds a {@link KpiValue} from a numerator and a denominator. */
export const kpiValue = (
  input: ValueInput,
  extra: Partial<Pick<KpiValue, 'p90' | 'note'>> = {},
): KpiValue => {
  const value = input.denominator === 0 ? null : input.numerator / input.denominator;
  const breach =
    value === null || input.target === null
      ? null
      : input.target.comparison === 'at-least'
        ? value < input.target.value
        : value > input.target.value;
  const status =
    value === null ? 'no-data' : breach === null ? 'no-target' : breach ? 'breach' : 'ok';
  return {
    id: input.id,
    period: input.period,
    ...(input.unit ? { unit: input.unit } : {}),
    numerator: input.numerator,
    denominator: input.denominator,
    value,
    target: input.target,
    breach,
    status,
    ...extra,
  };
};

/** At least `value`. */
export const atLeast = (value: number): KpiTarget => ({ comparison: 'at-least', value });
/** At most `value`. */
export const atMost = (value: number): KpiTarget => ({ comparison: 'at-most', value });

/** Nearest-rank percentile of exact values (p in 0–100); null for no values. */
export const percentile = (values: readonly number[], p: number): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? null;
};
