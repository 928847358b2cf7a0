import {
  chinaWorkCalendar,
  defaultPolicy,
  type Policy,
  type WorkCalendar,
} from '@civic-ledger/domain';
import { memoDateOf } from '../kernel/local-dates.js';
import { type Period, parsePeriod } from '../kernel/periods.js';
import type { Projection } from '../kernel/projection.js';
import { applyKpiFacts } from './apply.js';
import { computeKpi, type KpiEnv, type KpiQueryOptions, kpiIds } from './compute.js';
import { initialKpiState, type KpiState } from './facts.js';
import type { KpiId, KpiValue, UnitRef } from './value.js';

export interface KpiOptions {
  /** Targets (`policy.kpi`) and the numbers some definitions use; default: national defaults. */
  readonly policy?: Policy;
  /** Turns instants into local dates; default: the national calendar (Asia/Shanghai). */
  readonly calendar?: WorkCalendar;
  /** K-16: ids of the communities registered. */
  readonly communities?: readonly string[];
}

export interface KpiQueries {
  /** One KPI for a period (`2026-11`, `2026-Q4`, … or a {@link Period}) and an optional unit. */
  kpi(id: KpiId, period: string | Period, unit?: UnitRef, options?: KpiQueryOptions): KpiValue;
  /** K-01 … K-16 for a period and an optional unit. */
  all(period: string | Period, unit?: UnitRef, options?: KpiQueryOptions): readonly KpiValue[];
  /** K-10 per survey closed in the period. */
  surveyResponseRates(
    period: string | Period,
  ): readonly (KpiValue & { readonly surveyId: string })[];
}

const toPeriod = (p: string | Period): Period => {
  if (typeof p !== 'string') return p;
  const parsed = parsePeriod(p);
  if (!parsed)
    throw new RangeError(
      `not a period key: ${p} (expected 2026-11-20, 2026-11, 2026-Q4, 2026-H2 or 2026)`,
    );
  return parsed;
};

/** The KPI read model (K-01 … K-16): facts folded from the log, KPIs computed per query. */
export const createKpiProjection = (options: KpiOptions = {}): Projection<KpiState, KpiQueries> => {
  const calendar = options.calendar ?? chinaWorkCalendar;
  const env: KpiEnv = {
    policy: options.policy ?? defaultPolicy,
    ...(options.communities ? { communities: options.communities } : {}),
  };
  const dateOf = memoDateOf(calendar);
  return {
    name: 'kpi',
    version: 1,
    filter: {
      streamPrefixes: ['facility-', 'ticket-', 'complaint-', 'survey-', 'staff-', 'rectification-'],
    },
    init: initialKpiState,
    apply: (state, event) => applyKpiFacts(state, event, dateOf),
    queries: (state) => ({
      kpi: (id, period, unit, opts) => computeKpi(state, env, id, toPeriod(period), unit, opts),
      all: (period, unit, opts) =>
        kpiIds.map((id) => computeKpi(state, env, id, toPeriod(period), unit, opts)),
      surveyResponseRates: (period) => {
        const p = toPeriod(period);
        return [...state.surveys.values()]
          .filter((s) => s.closedOn >= p.from && s.closedOn <= p.to)
          .map((s) => ({
            ...computeKpi({ ...state, surveys: new Map([[s.surveyId, s]]) }, env, 'K-10', p),
            surveyId: s.surveyId,
          }));
      },
    }),
  };
};
