import type { Policy } from '@civic-ledger/domain';
import { col, dayNumber, type FactTable } from '../kernel/fact-table.js';
import { inPeriod, minusMonths, type Period, periodOf, plusDays } from '../kernel/periods.js';
import {
  COMMUNITY,
  DAY,
  type DatedFact,
  type KpiState,
  type OnTimeFact,
  type StaffFact,
  UNITS,
  VALUE,
} from './facts.js';
import { inUnit, unitMatches } from './units.js';
import {
  atLeast,
  atMost,
  type KpiId,
  type KpiTarget,
  type KpiValue,
  kpiValue,
  percentile,
} from './value.js';

/** What a KPI computation needs besides the facts. */
export interface KpiEnv {
  readonly policy: Policy;
  /** K-16: the communities registered (the denominator); absent = "no data". */
  readonly communities?: readonly string[];
}

export interface KpiQueryOptions {
  /** K-09 target: facility service (000 §4.1) or city public services (002); default facility. */
  readonly satisfactionTarget?: 'facility' | 'city';
}

interface Cut {
  readonly state: KpiState;
  readonly env: KpiEnv;
  readonly period: Period;
  readonly unit: KpiValue['unit'];
  readonly options: KpiQueryOptions;
  /** For each of the state's unit lists, whether it belongs to `unit`. */
  readonly matches: readonly boolean[];
}

/** Which aggregate feeds which KPI: a KPI without data says whether its feeder is silent. */
const feeders: Record<KpiId, string> = {
  'K-01': 'facility',
  'K-02': 'facility',
  'K-03': 'ticket',
  'K-04': 'ticket',
  'K-05': 'ticket',
  'K-06': 'ticket',
  'K-07': 'complaint',
  'K-08': 'complaint',
  'K-09': 'ticket',
  'K-10': 'survey',
  'K-11': 'survey',
  'K-12': 'staff',
  'K-13': 'staff',
  'K-14': 'rectification',
  'K-15': 'ticket',
  'K-16': 'ticket',
};

const value = (
  c: Cut,
  id: KpiId,
  numerator: number,
  denominator: number,
  target: KpiTarget | null,
  extra: { p90?: number | null; note?: string } = {},
): KpiValue => {
  const feeder = feeders[id];
  const silent = denominator === 0 && !c.state.fedBy.has(feeder) && extra.note === undefined;
  return kpiValue(
    { id, period: c.period.key, unit: c.unit, numerator, denominator, target },
    silent ? { ...extra, note: `not yet fed: no ${feeder} events` } : extra,
  );
};

const within = <F extends DatedFact>(c: Cut, facts: Iterable<F>): F[] => {
  const out: F[] = [];
  for (const f of facts) if (inPeriod(c.period, f.on) && inUnit(f.units, c.unit)) out.push(f);
  return out;
};

/** The rows of a fact table dated in the period and belonging to the unit. */
const rows = (c: Cut, table: FactTable): number[] => {
  const from = dayNumber(c.period.from);
  const to = dayNumber(c.period.to);
  const days = col(table, DAY);
  const units = col(table, UNITS);
  const out: number[] = [];
  for (let i = 0; i < table.length; i++) {
    const day = days[i] as number;
    if (day >= from && day <= to && c.matches[units[i] as number] === true) out.push(i);
  }
  return out;
};

/** How many of the rows have a non-zero VALUE (on time, good, repeat). */
const flagged = (table: FactTable, xs: readonly number[]): number => {
  const values = col(table, VALUE);
  let n = 0;
  for (const i of xs) if (values[i] !== 0) n++;
  return n;
};

const onTimeRate = (c: Cut, id: KpiId, table: FactTable, target: number): KpiValue => {
  const xs = rows(c, table);
  return value(c, id, flagged(table, xs), xs.length, atLeast(target));
};

const meanMinutes = (
  c: Cut,
  id: KpiId,
  table: FactTable,
  target: number,
  withP90: boolean,
): KpiValue => {
  const minutes = col(table, VALUE);
  const xs = rows(c, table).map((i) => minutes[i] as number);
  const sum = xs.reduce((a, b) => a + b, 0);
  return value(c, id, sum, xs.length, atMost(target), withP90 ? { p90: percentile(xs, 90) } : {});
};

/** The state of a history (`{on, …}` in log order) on a date: the latest entry on or before it. */
const latestOn = <T extends { readonly on: string }>(
  history: readonly T[],
  date: string,
): T | undefined => {
  let found: T | undefined;
  for (const h of history) if (h.on <= date && (found === undefined || h.on >= found.on)) found = h;
  return found;
};

const onPost = (s: StaffFact, date: string): boolean => latestOn(s.posts, date)?.onPost === true;

const certified = (s: StaffFact, date: string): boolean =>
  s.certificates.some(
    (c) =>
      c.validFrom <= date &&
      date <= c.validUntil &&
      (c.revokedOn === undefined || date < c.revokedOn),
  );

/** Quarters that overlap the period, as periods. */
const quartersOf = (period: Period): Period[] => {
  const out: Period[] = [];
  let q = periodOf('quarter', period.from);
  while (q.from <= period.to) {
    out.push(q);
    q = periodOf('quarter', plusDays(q.to, 1));
  }
  return out;
};

const computers: Record<KpiId, (c: Cut) => KpiValue> = {
  // K-01: active facilities whose latest condition is intact ÷ active facilities, at period end.
  'K-01': (c) => {
    const end = c.period.to;
    let active = 0;
    let intact = 0;
    for (const f of c.state.facilities.values()) {
      if (!inUnit(f.units, c.unit) || f.registeredOn > end) continue;
      if (f.decommissionedOn !== undefined && f.decommissionedOn <= end) continue;
      active++;
      if (latestOn(f.conditions, end)?.intact === true) intact++;
    }
    return value(c, 'K-01', intact, active, atLeast(c.env.policy.kpi.facilityIntactRate));
  },
  // K-02: tasks due in the period done by their due date ÷ tasks due in the period.
  'K-02': (c) => {
    let due = 0;
    let done = 0;
    for (const t of c.state.tasks.values()) {
      if (!inUnit(t.units, c.unit) || !inPeriod(c.period, t.dueDate)) continue;
      if (t.cancelled && t.completedOn === undefined) continue;
      due++;
      if (t.completedOn !== undefined && t.completedOn <= t.dueDate) done++;
    }
    return value(c, 'K-02', done, due, atLeast(c.env.policy.kpi.pmCompliance));
  },
  'K-03': (c) =>
    meanMinutes(c, 'K-03', c.state.firstResponses, c.env.policy.kpi.firstResponseMinutes, true),
  'K-04': (c) => meanMinutes(c, 'K-04', c.state.waits, c.env.policy.kpi.windowWaitMinutes, false),
  'K-05': (c) => onTimeRate(c, 'K-05', c.state.completions, c.env.policy.kpi.onTimeCompletion),
  'K-06': (c) => onTimeRate(c, 'K-06', c.state.reviews, c.env.policy.kpi.reviewOnTime),
  'K-07': (c) => {
    const xs = within(c, c.state.complaintAnswers);
    const target = atLeast(c.env.policy.kpi.complaintOnTime);
    return value(c, 'K-07', xs.filter((f: OnTimeFact) => f.onTime).length, xs.length, target);
  },
  // K-08: complaints received ÷ tickets completed; no target (lower is better).
  'K-08': (c) =>
    value(
      c,
      'K-08',
      within(c, c.state.complaints.values()).length,
      rows(c, c.state.completions).length,
      null,
    ),
  'K-09': (c) => {
    const xs = rows(c, c.state.ratings);
    const kpi = c.env.policy.kpi;
    const target =
      c.options.satisfactionTarget === 'city' ? kpi.satisfactionCity : kpi.satisfactionFacility;
    return value(c, 'K-09', flagged(c.state.ratings, xs), xs.length, atLeast(target));
  },
  // K-10: responses ÷ questionnaires issued, over the surveys closed in the period.
  'K-10': (c) => {
    let issued = 0;
    let responses = 0;
    for (const s of c.state.surveys.values()) {
      if (!inPeriod(c.period, s.closedOn) || !inUnit(s.units, c.unit)) continue;
      issued += s.issued;
      responses += s.responses;
    }
    return value(c, 'K-10', responses, issued, atLeast(c.env.policy.kpi.surveyResponseRate));
  },
  // K-11: quarters of the period with at least `surveysPerQuarter` surveys closed ÷ quarters.
  'K-11': (c) => {
    const quarters = quartersOf(c.period);
    const surveys = [...c.state.surveys.values()].filter((s) => inUnit(s.units, c.unit));
    const held = quarters.filter(
      (q) =>
        surveys.filter((s) => inPeriod(q, s.closedOn)).length >=
        c.env.policy.satisfaction.surveysPerQuarter,
    ).length;
    // "Yes" means every quarter: a rate that must be 1.
    return value(c, 'K-11', held, quarters.length, atLeast(1));
  },
  'K-12': (c) => {
    const end = c.period.to;
    const staff = [...c.state.staff.values()].filter(
      (s) => inUnit(s.units, c.unit) && onPost(s, end),
    );
    return value(
      c,
      'K-12',
      staff.filter((s) => certified(s, end)).length,
      staff.length,
      atLeast(c.env.policy.kpi.certifiedOnPost),
    );
  },
  'K-13': (c) => {
    const end = c.period.to;
    const since = minusMonths(end, c.env.policy.staff.trainingIntervalMonths);
    const staff = [...c.state.staff.values()].filter(
      (s) => inUnit(s.units, c.unit) && onPost(s, end),
    );
    const trained = staff.filter((s) => s.trainings.some((d) => d > since && d <= end)).length;
    return value(c, 'K-13', trained, staff.length, atLeast(c.env.policy.kpi.trainingCoverage));
  },
  // K-14: rectification rounds due in the period accepted by their deadline ÷ rounds due.
  'K-14': (c) => {
    let due = 0;
    let accepted = 0;
    for (const r of c.state.rectifications.values()) {
      if (r.dismissed || !inUnit(r.units, c.unit)) continue;
      for (const round of r.rounds) {
        if (!inPeriod(c.period, round.dueDate)) continue;
        due++;
        if (round.onTime === true) accepted++;
      }
    }
    return value(c, 'K-14', accepted, due, atLeast(c.env.policy.kpi.rectificationOnTime));
  },
  'K-15': (c) => {
    const received = rows(c, c.state.received);
    return value(c, 'K-15', flagged(c.state.received, received), received.length, null);
  },
  // K-16: registered communities with at least one completed service ÷ communities registered.
  'K-16': (c) => {
    const register = c.env.communities;
    if (register === undefined)
      return value(c, 'K-16', 0, 0, atLeast(c.env.policy.kpi.serviceCoverage), {
        note: 'not yet fed: no community register was given (KpiOptions.communities)',
      });
    const community = col(c.state.completions, COMMUNITY);
    const served = new Set(
      rows(c, c.state.completions).map((i) => c.state.communities.values[community[i] as number]),
    );
    const covered = register.filter((id) => served.has(id)).length;
    return value(c, 'K-16', covered, register.length, atLeast(c.env.policy.kpi.serviceCoverage));
  },
};

/** Every KPI id, in order. */
export const kpiIds = Object.keys(computers) as KpiId[];

/** Computes one KPI for a period and an optional unit. */
export const computeKpi = (
  state: KpiState,
  env: KpiEnv,
  id: KpiId,
  period: Period,
  unit?: KpiValue['unit'],
  options: KpiQueryOptions = {},
): KpiValue =>
  computers[id]({ state, env, period, unit, options, matches: unitMatches(state.unitLists, unit) });
