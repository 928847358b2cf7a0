import {
  chinaWorkCalendar,
  type StaffEvent,
  type StaffEventData,
  type StoredEvent,
  type TicketEvent,
  type WorkCalendar,
} from '@civic-ledger/domain';
import { envelopeOf, idOf } from '../kernel/events.js';
import {
  addFact,
  col,
  dayNumber,
  type FactTable,
  factTable,
  rowsBetween,
} from '../kernel/fact-table.js';
import { memoDateOf } from '../kernel/local-dates.js';
import { inPeriod, type Period, parsePeriod } from '../kernel/periods.js';
import type { Projection } from '../kernel/projection.js';

/**
 * One staff member's record. Services, responses and ratings arrive with most tickets, so they
 * are fact tables (columns of numbers: a day number, then the measure) rather than an object
 * each — memory that stays small over a long log.
 */
interface StaffRecord {
  /** Day, on time (1/0). */
  readonly completions: FactTable;
  /** Day, minutes. */
  readonly responses: FactTable;
  /** Day, good (1/0), level (1–5: an integer, one byte). */
  readonly ratings: FactTable;
  readonly verifiedComplaints: string[];
  readonly trainings: string[];
  readonly assessments: { readonly on: string; readonly result: string; readonly score?: number }[];
  readonly reviews: {
    readonly from: string;
    readonly to: string;
    readonly rating?: string;
    readonly quantitative?: StaffEventData<'PerformanceRecorded'>['quantitative'];
    readonly usedFor?: readonly string[];
  }[];
}

export interface StaffPerformanceState {
  readonly staff: Map<string, StaffRecord>;
}

/** STF-05: the quantitative figures of one staff member for a period, and the recorded reviews. */
export interface StaffPerformance {
  readonly staffId: string;
  readonly period: string;
  /** Tickets completed for which the staff member was first-responsible (首问负责). */
  readonly servicesCompleted: number;
  readonly completedOnTime: number;
  /** Mean first-response minutes of the responses they gave; null = none. */
  readonly meanFirstResponseMinutes: number | null;
  readonly ratings: number;
  readonly goodRatings: number;
  /** Good ÷ all ratings; null = no ratings (no data, not 0 %). */
  readonly satisfactionRate: number | null;
  readonly meanRatingLevel: number | null;
  readonly verifiedComplaints: number;
  readonly trainings: number;
  readonly assessments: readonly {
    readonly on: string;
    readonly result: string;
    readonly score?: number;
  }[];
  /** Performance records whose period overlaps this one (qualitative text stays in the log). */
  readonly recordedReviews: StaffRecord['reviews'];
}

export interface StaffPerformanceQueries {
  performance(staffId: string, period: string | Period): StaffPerformance;
  /** Every staff member known, for a period. */
  all(period: string | Period): readonly StaffPerformance[];
}

const empty = (): StaffRecord => ({
  completions: factTable(['small', 'flag'], 16),
  responses: factTable(['small', 'float'], 16),
  ratings: factTable(['small', 'flag', 'flag'], 16),
  verifiedComplaints: [],
  trainings: [],
  assessments: [],
  reviews: [],
});

const toPeriod = (p: string | Period): Period => {
  if (typeof p !== 'string') return p;
  const parsed = parsePeriod(p);
  if (!parsed) throw new RangeError(`not a period key: ${p}`);
  return parsed;
};

const mean = (xs: readonly number[]): number | null =>
  xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length;

/** The rows of a table (day in column 0) dated in the period. */
const rowsIn = (table: FactTable, p: Period): number[] => rowsBetween(table, p.from, p.to);

/** Column `c` of the given rows. */
const valuesOf = (table: FactTable, c: number, rows: readonly number[]): number[] => {
  const values = col(table, c);
  return rows.map((i) => values[i] as number);
};

/** Staff performance (STF-05): services, time, satisfaction, complaints, training, reviews. */
export const createStaffPerformanceProjection = (
  options: { readonly calendar?: WorkCalendar } = {},
): Projection<StaffPerformanceState, StaffPerformanceQueries> => {
  const calendar = options.calendar ?? chinaWorkCalendar;
  const dateOf = memoDateOf(calendar);
  const record = (state: StaffPerformanceState, staffId: string): StaffRecord => {
    const existing = state.staff.get(staffId);
    if (existing) return existing;
    const created = empty();
    state.staff.set(staffId, created);
    return created;
  };
  const performance = (
    state: StaffPerformanceState,
    staffId: string,
    p: Period,
  ): StaffPerformance => {
    const r = state.staff.get(staffId) ?? empty();
    const completions = rowsIn(r.completions, p);
    const ratings = rowsIn(r.ratings, p);
    const good = valuesOf(r.ratings, 1, ratings).filter((x) => x !== 0).length;
    return {
      staffId,
      period: p.key,
      servicesCompleted: completions.length,
      completedOnTime: valuesOf(r.completions, 1, completions).filter((x) => x !== 0).length,
      meanFirstResponseMinutes: mean(valuesOf(r.responses, 1, rowsIn(r.responses, p))),
      ratings: ratings.length,
      goodRatings: good,
      satisfactionRate: ratings.length === 0 ? null : good / ratings.length,
      meanRatingLevel: mean(valuesOf(r.ratings, 2, ratings)),
      verifiedComplaints: r.verifiedComplaints.filter((d) => inPeriod(p, d)).length,
      trainings: r.trainings.filter((d) => inPeriod(p, d)).length,
      assessments: r.assessments.filter((x) => inPeriod(p, x.on)).map((x) => ({ ...x })),
      recordedReviews: r.reviews
        .filter((x) => x.from <= p.to && x.to >= p.from)
        .map((x) => ({ ...x })),
    };
  };
  return {
    name: 'staff-performance',
    version: 1,
    filter: { streamPrefixes: ['ticket-', 'staff-'] },
    init: () => ({ staff: new Map() }),
    apply: (state, stored: StoredEvent) => {
      const { streamId } = stored.envelope;
      if (streamId.startsWith('ticket-')) {
        // No closure per event: a replay passes every ticket event through here.
        const e = envelopeOf<TicketEvent>(stored);
        if (e.type === 'TicketCompleted')
          addFact(record(state, e.data.firstResponsibleStaffId).completions, [
            dayNumber(dateOf(e.data.at)),
            e.data.withinLimit ? 1 : 0,
          ]);
        else if (e.type === 'FirstResponseRecorded')
          addFact(record(state, e.data.staffId).responses, [
            dayNumber(dateOf(e.data.receivedAt)),
            e.data.minutes,
          ]);
        else if (e.type === 'TicketRated')
          addFact(record(state, e.data.firstResponsibleStaffId).ratings, [
            dayNumber(dateOf(e.data.at)),
            e.data.good ? 1 : 0,
            e.data.level,
          ]);
        return state;
      }
      const staffId = idOf(streamId, 'staff-');
      if (staffId === undefined) return state;
      const e = envelopeOf<StaffEvent>(stored);
      const r = record(state, staffId);
      switch (e.type) {
        case 'VerifiedComplaintRecorded':
          r.verifiedComplaints.push(e.data.verifiedOn);
          break;
        case 'TrainingRecorded':
          r.trainings.push(e.data.trainedOn);
          break;
        case 'AssessmentRecorded':
          r.assessments.push({
            on: e.data.assessedOn,
            result: e.data.result,
            ...(e.data.score !== undefined ? { score: e.data.score } : {}),
          });
          break;
        case 'PerformanceRecorded':
          r.reviews.push({
            from: e.data.period.from,
            to: e.data.period.to,
            ...(e.data.rating !== undefined ? { rating: e.data.rating } : {}),
            ...(e.data.quantitative !== undefined ? { quantitative: e.data.quantitative } : {}),
            ...(e.data.usedFor !== undefined ? { usedFor: e.data.usedFor } : {}),
          });
          break;
        default:
          break;
      }
      return state;
    },
    queries: (state) => ({
      performance: (staffId, period) => performance(state, staffId, toPeriod(period)),
      all: (period) => {
        const p = toPeriod(period);
        return [...state.staff.keys()].sort().map((id) => performance(state, id, p));
      },
    }),
  };
};

/** Staff performance with the national calendar. */
export const staffPerformanceProjection = createStaffPerformanceProjection();
