import {
  type ComplaintEvent,
  chinaWorkCalendar,
  defaultPolicy,
  type Policy,
  type PublicationFigures,
  type RectificationEvent,
  type StoredEvent,
  type SurveyEvent,
  type TicketEvent,
  type WorkCalendar,
} from '@civic-ledger/domain';
import { envelopeOf } from '../kernel/events.js';
import {
  addFact,
  col,
  dateOfDay,
  dayNumber,
  type FactTable,
  factTable,
  type Interned,
  interned,
  internId,
  rowsBetween,
} from '../kernel/fact-table.js';
import { memoDateOf } from '../kernel/local-dates.js';
import { inPeriod, type Period, parsePeriod } from '../kernel/periods.js';
import type { Projection } from '../kernel/projection.js';
import { snapshot } from '../kernel/snapshot.js';
import { atLeast, type KpiValue, kpiValue } from '../kpi/value.js';

/** One evaluation (好差评) of a ticket (SAT-01, SAT-02). */
export interface RatingRecord {
  readonly ticketId: string;
  readonly on: string;
  readonly level: number;
  readonly good: boolean;
  readonly bad: boolean;
  readonly dimensions?: Readonly<Partial<Record<Dimension, number>>>;
  readonly serviceType: string;
  readonly centreId: string;
  readonly windowId?: string;
  readonly unitId?: string;
  readonly staffId: string;
}

export type Dimension = 'content' | 'attitude' | 'efficiency' | 'environment';
const dimensions: readonly Dimension[] = ['content', 'attitude', 'efficiency', 'environment'];

/** Where a bad rating's follow-up stands (SAT-02): verification, rectification, return visit. */
export interface BadRatingStatus {
  readonly ticketId: string;
  readonly on: string;
  readonly level: number;
  readonly staffId: string;
  readonly centreId: string;
  readonly verification: 'required' | 'founded' | 'unfounded' | 'not-required';
  readonly rectification?: {
    readonly rectificationId: string;
    readonly status: RectificationStatus;
    readonly reboundCount: number;
  };
  readonly returnVisited: boolean;
}

export type RectificationStatus =
  | 'open'
  | 'submitted'
  | 'accepted'
  | 'rejected'
  | 'reopened'
  | 'dismissed';

interface ComplaintRecord {
  readonly receivedOn: string;
  readonly answeredOn?: string;
  readonly onTime?: boolean;
}

interface RectificationRecord {
  readonly status: RectificationStatus;
  readonly openedOn: string;
  readonly sourceKind: string;
  readonly sourceId: string;
  readonly reboundCount: number;
  /** Dates the current and earlier rounds were due and accepted (K-14 definition). */
  readonly rounds: readonly {
    readonly startedOn: string;
    readonly dueDate: string;
    readonly acceptedOn?: string;
    readonly onTime?: boolean;
  }[];
}

/** True when the rectification was open at the end of `date`: its round then was not yet accepted. */
const openOn = (r: RectificationRecord, date: string): boolean => {
  const round = r.rounds.filter((x) => x.startedOn <= date).at(-1);
  return round !== undefined && (round.acceptedOn === undefined || round.acceptedOn > date);
};

interface SurveyRecord {
  readonly surveyId: string;
  readonly title?: string;
  readonly quarter?: string;
  readonly unitId?: string;
  readonly closedOn?: string;
  readonly issued: number;
  readonly responses: number;
  readonly answers: number;
  readonly goodAnswers: number;
  readonly published: readonly {
    readonly period: string;
    readonly channel: string;
    readonly on: string;
  }[];
}

/**
 * Every rating as a row of numbers (a long log holds one per rated ticket): day, level, flags
 * (1 good, 2 bad, 4 << k when dimension k was scored), the interned service type, centre,
 * window (-1: none), unit (-1: none) and staff member, then the four dimension scores. Only bad
 * ratings keep their ticket id (SAT-02 follow-up), by row. Level, flags and scores (integers
 * 1–5, 0 = not scored) take a byte each, day and names two (see `ColumnKind`): 18 bytes a row.
 */
export interface RatingTable {
  readonly rows: FactTable;
  readonly names: Interned<string>;
  readonly badTickets: Map<number, string>;
}

const GOOD = 1;
const BAD = 2;
const SCORED = 4;
const DIMENSION_COLUMN = 8;

export interface SatisfactionState {
  readonly ratings: RatingTable;
  /** Tickets that had a return visit after a bad rating (SAT-02). */
  readonly returnVisits: Set<string>;
  readonly complaints: Map<string, ComplaintRecord>;
  readonly rectifications: Map<string, RectificationRecord>;
  readonly surveys: Map<string, SurveyRecord>;
}

/** Counts per level 1–5, the good rate and dimension averages of a set of ratings. */
export interface Distribution {
  readonly levels: Readonly<Record<1 | 2 | 3 | 4 | 5, number>>;
  readonly total: number;
  readonly good: number;
  readonly bad: number;
  /** Good ÷ all (K-09 definition); value null = no data. */
  readonly goodRate: KpiValue;
  /** Mean score per dimension over the ratings that scored it; null = none did. */
  readonly dimensions: Readonly<
    Record<Dimension, { readonly mean: number | null; readonly count: number }>
  >;
}

export type SatisfactionCut = 'serviceType' | 'window' | 'staff' | 'centre' | 'department';

export interface SatisfactionQueries {
  /** The distribution for a period, optionally of one service type, window, staff member or unit. */
  distribution(
    period: string | Period,
    cut?: { readonly by: SatisfactionCut; readonly id: string },
  ): Distribution;
  /** One distribution per value of the cut (per service type, per window …). */
  breakdown(
    period: string | Period,
    by: SatisfactionCut,
  ): readonly { readonly id: string; readonly distribution: Distribution }[];
  /** Bad ratings of the period with their verification, rectification and return-visit status. */
  badRatings(period: string | Period): readonly BadRatingStatus[];
  /** Surveys closed in the period: response rate (K-10) and satisfaction of the answers (SAT-03). */
  surveys(period: string | Period): readonly {
    readonly surveyId: string;
    readonly quarter?: string;
    readonly responseRate: KpiValue;
    readonly satisfaction: KpiValue;
    readonly published: boolean;
  }[];
  /**
   * SAT-05: the figures to publish for a period, in the shape the Survey aggregate's
   * publication records; a figure without data is left out, never 0 or 100 %.
   */
  publication(period: string | Period): PublicationFigures;
}

const toPeriod = (p: string | Period): Period => {
  if (typeof p !== 'string') return p;
  const parsed = parsePeriod(p);
  if (!parsed) throw new RangeError(`not a period key: ${p}`);
  return parsed;
};

const cutKey = (r: RatingRecord, by: SatisfactionCut): string | undefined => {
  switch (by) {
    case 'serviceType':
      return r.serviceType;
    case 'window':
      return r.windowId;
    case 'staff':
      return r.staffId;
    case 'centre':
      return r.centreId;
    case 'department':
      return r.unitId;
  }
};

/** The rating of one row, as the queries read it. */
const ratingAt = (t: RatingTable, i: number): RatingRecord => {
  const value = (c: number) => col(t.rows, c)[i] as number;
  const name = (c: number) => t.names.values[value(c)];
  const flags = value(2);
  const scored = dimensions.filter((_, k) => (flags & (SCORED << k)) !== 0);
  const windowId = name(5);
  const unitId = name(6);
  return {
    ticketId: t.badTickets.get(i) ?? '',
    on: dateOfDay(value(0)),
    level: value(1),
    good: (flags & GOOD) !== 0,
    bad: (flags & BAD) !== 0,
    serviceType: name(3) ?? '',
    centreId: name(4) ?? '',
    staffId: name(7) ?? '',
    ...(scored.length > 0
      ? {
          dimensions: Object.fromEntries(
            scored.map((k) => [k, value(DIMENSION_COLUMN + dimensions.indexOf(k))]),
          ),
        }
      : {}),
    ...(windowId !== undefined ? { windowId } : {}),
    ...(unitId !== undefined ? { unitId } : {}),
  };
};

const applyTicket = (
  s: SatisfactionState,
  stored: StoredEvent,
  dateOf: (i: string) => string,
): void => {
  const e = envelopeOf<TicketEvent>(stored);
  if (e.type === 'TicketRated') {
    const d = e.data;
    const { rows, names } = s.ratings;
    const name = (v: string | undefined) => (v === undefined ? -1 : internId(names, v, () => v));
    let flags = (d.good ? GOOD : 0) | (d.bad ? BAD : 0);
    const scores = dimensions.map((k, i) => {
      const v = d.dimensions?.[k];
      if (v === undefined) return 0;
      flags |= SCORED << i;
      return v;
    });
    const row = addFact(rows, [
      dayNumber(dateOf(d.at)),
      d.level,
      flags,
      name(d.serviceType),
      name(d.centreId),
      name(d.windowId),
      name(d.unitId),
      name(d.firstResponsibleStaffId),
      ...scores,
    ]);
    if (d.bad) s.ratings.badTickets.set(row, d.ticketId);
  } else if (e.type === 'ReturnVisitMade' && e.data.afterBadRating) {
    s.returnVisits.add(e.data.ticketId);
  }
};

const applyComplaint = (
  s: SatisfactionState,
  stored: StoredEvent,
  dateOf: (i: string) => string,
): void => {
  const e = envelopeOf<ComplaintEvent>(stored);
  if (e.type === 'ComplaintReceived')
    s.complaints.set(e.data.complaintId, { receivedOn: dateOf(e.data.receivedAt) });
  else if (e.type === 'ComplaintAnswered') {
    const c = s.complaints.get(e.data.complaintId);
    if (c)
      s.complaints.set(e.data.complaintId, {
        ...c,
        answeredOn: dateOf(e.data.answeredAt),
        onTime: e.data.onTime,
      });
  }
};

const applyRectification = (
  s: SatisfactionState,
  stored: StoredEvent,
  dateOf: (i: string) => string,
): void => {
  const e = envelopeOf<RectificationEvent>(stored);
  const id = e.data.rectificationId;
  const r = s.rectifications.get(id);
  if (e.type === 'RectificationOpened') {
    s.rectifications.set(id, {
      status: 'open',
      openedOn: dateOf(e.data.openedAt),
      sourceKind: e.data.source.kind,
      sourceId: e.data.source.id,
      reboundCount: 0,
      rounds: [{ startedOn: dateOf(e.data.openedAt), dueDate: e.data.deadline.dueDate }],
    });
    return;
  }
  if (!r) return;
  switch (e.type) {
    case 'RectificationSourceVerified':
      if (!e.data.founded) s.rectifications.set(id, { ...r, status: 'dismissed' });
      return;
    case 'RectificationSubmitted':
      s.rectifications.set(id, { ...r, status: 'submitted' });
      return;
    case 'RectificationRejected':
      s.rectifications.set(id, { ...r, status: 'rejected' });
      return;
    case 'RectificationAccepted':
      s.rectifications.set(id, {
        ...r,
        status: 'accepted',
        rounds: r.rounds.map((x, i) =>
          i === r.rounds.length - 1
            ? { ...x, acceptedOn: dateOf(e.data.acceptedAt), onTime: e.data.onTime }
            : x,
        ),
      });
      return;
    case 'RectificationReopened':
      s.rectifications.set(id, {
        ...r,
        status: 'reopened',
        reboundCount: e.data.reboundCount,
        rounds: [
          ...r.rounds,
          { startedOn: dateOf(e.data.reopenedAt), dueDate: e.data.deadline.dueDate },
        ],
      });
      return;
    default:
      return;
  }
};

const emptySurvey = (surveyId: string): SurveyRecord => ({
  surveyId,
  issued: 0,
  responses: 0,
  answers: 0,
  goodAnswers: 0,
  published: [],
});

const applySurvey = (
  s: SatisfactionState,
  stored: StoredEvent,
  dateOf: (i: string) => string,
): void => {
  const e = envelopeOf<SurveyEvent>(stored);
  const id = e.data.surveyId;
  const r = s.surveys.get(id) ?? emptySurvey(id);
  switch (e.type) {
    case 'SurveyPlanned':
      s.surveys.set(id, {
        ...r,
        title: e.data.title,
        quarter: e.data.period,
        unitId: e.data.unitId,
      });
      return;
    case 'SurveyClosed':
      s.surveys.set(id, {
        ...r,
        quarter: e.data.period,
        unitId: e.data.unitId,
        closedOn: dateOf(e.data.closedAt),
        issued: e.data.questionnairesIssued,
        responses: e.data.responses,
        answers: e.data.satisfaction.answers,
        goodAnswers: e.data.satisfaction.good,
      });
      return;
    case 'SurveyResultsPublished':
      s.surveys.set(id, {
        ...r,
        published: [
          ...r.published,
          { period: e.data.period, channel: e.data.channel, on: dateOf(e.data.publishedAt) },
        ],
      });
      return;
    default:
      return;
  }
};

export interface SatisfactionOptions {
  readonly policy?: Policy;
  readonly calendar?: WorkCalendar;
}

/** The satisfaction read model (SAT-01 … SAT-05). */
export const createSatisfactionProjection = (
  options: SatisfactionOptions = {},
): Projection<SatisfactionState, SatisfactionQueries> => {
  const policy = options.policy ?? defaultPolicy;
  const calendar = options.calendar ?? chinaWorkCalendar;
  const dateOf = memoDateOf(calendar);
  const rate = (
    period: Period,
    id: 'K-09' | 'K-10',
    numerator: number,
    denominator: number,
    target: number,
  ): KpiValue =>
    kpiValue({
      id,
      period: period.key,
      unit: undefined,
      numerator,
      denominator,
      target: atLeast(target),
    });

  const distributionOf = (period: Period, ratings: readonly RatingRecord[]): Distribution => {
    const levels = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
    let good = 0;
    let bad = 0;
    const sums = Object.fromEntries(dimensions.map((d) => [d, { sum: 0, count: 0 }])) as Record<
      Dimension,
      { sum: number; count: number }
    >;
    for (const r of ratings) {
      levels[r.level as 1 | 2 | 3 | 4 | 5]++;
      if (r.good) good++;
      if (r.bad) bad++;
      for (const d of dimensions) {
        const v = r.dimensions?.[d];
        if (v !== undefined) {
          sums[d].sum += v;
          sums[d].count++;
        }
      }
    }
    return {
      levels,
      total: ratings.length,
      good,
      bad,
      goodRate: rate(period, 'K-09', good, ratings.length, policy.kpi.satisfactionFacility),
      dimensions: Object.fromEntries(
        dimensions.map((d) => [
          d,
          { mean: sums[d].count === 0 ? null : sums[d].sum / sums[d].count, count: sums[d].count },
        ]),
      ) as Distribution['dimensions'],
    };
  };

  return {
    name: 'satisfaction',
    version: 1,
    filter: { streamPrefixes: ['ticket-', 'complaint-', 'rectification-', 'survey-'] },
    init: () => ({
      ratings: {
        rows: factTable([
          'small',
          'flag',
          'flag',
          'small',
          'small',
          'index-or-none',
          'index-or-none',
          'small',
          ...dimensions.map(() => 'flag' as const),
        ]),
        names: interned(),
        badTickets: new Map(),
      },
      returnVisits: new Set(),
      complaints: new Map(),
      rectifications: new Map(),
      surveys: new Map(),
    }),
    apply: (state, stored) => {
      const { streamId } = stored.envelope;
      if (streamId.startsWith('ticket-')) applyTicket(state, stored, dateOf);
      else if (streamId.startsWith('complaint-')) applyComplaint(state, stored, dateOf);
      else if (streamId.startsWith('rectification-')) applyRectification(state, stored, dateOf);
      else if (streamId.startsWith('survey-')) applySurvey(state, stored, dateOf);
      return state;
    },
    queries: (state) => {
      const ratingsIn = (p: Period): RatingRecord[] =>
        rowsBetween(state.ratings.rows, p.from, p.to).map((i) => ratingAt(state.ratings, i));
      return {
        distribution: (period, cut) => {
          const p = toPeriod(period);
          const rs = ratingsIn(p).filter((r) => cut === undefined || cutKey(r, cut.by) === cut.id);
          return distributionOf(p, rs);
        },
        breakdown: (period, by) => {
          const p = toPeriod(period);
          const groups = new Map<string, RatingRecord[]>();
          for (const r of ratingsIn(p)) {
            const key = cutKey(r, by);
            if (key === undefined) continue;
            const list = groups.get(key) ?? [];
            list.push(r);
            groups.set(key, list);
          }
          return [...groups]
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([id, rs]) => ({ id, distribution: distributionOf(p, rs) }));
        },
        badRatings: (period) => {
          const p = toPeriod(period);
          const bySource = new Map<string, [string, RectificationRecord]>();
          for (const [id, r] of state.rectifications)
            if (r.sourceKind === 'bad-rating') bySource.set(r.sourceId, [id, r]);
          return ratingsIn(p)
            .filter((r) => r.bad)
            .map((r): BadRatingStatus => {
              const rect = bySource.get(r.ticketId);
              const verification =
                rect === undefined
                  ? 'required'
                  : rect[1].status === 'dismissed'
                    ? 'unfounded'
                    : rect[1].status === 'open'
                      ? 'required'
                      : 'founded';
              return snapshot({
                ticketId: r.ticketId,
                on: r.on,
                level: r.level,
                staffId: r.staffId,
                centreId: r.centreId,
                verification,
                returnVisited: state.returnVisits.has(r.ticketId),
                ...(rect
                  ? {
                      rectification: {
                        rectificationId: rect[0],
                        status: rect[1].status,
                        reboundCount: rect[1].reboundCount,
                      },
                    }
                  : {}),
              });
            });
        },
        surveys: (period) => {
          const p = toPeriod(period);
          return [...state.surveys.values()]
            .filter((s) => s.closedOn !== undefined && inPeriod(p, s.closedOn))
            .map((s) => ({
              surveyId: s.surveyId,
              ...(s.quarter !== undefined ? { quarter: s.quarter } : {}),
              responseRate: rate(p, 'K-10', s.responses, s.issued, policy.kpi.surveyResponseRate),
              satisfaction: rate(p, 'K-09', s.goodAnswers, s.answers, policy.kpi.satisfactionCity),
              published: s.published.length > 0,
            }));
        },
        publication: (period) => {
          const p = toPeriod(period);
          const ratings = ratingsIn(p);
          const closed = [...state.surveys.values()].filter(
            (s) => s.closedOn !== undefined && inPeriod(p, s.closedOn),
          );
          const issued = closed.reduce((n, s) => n + s.issued, 0);
          const responses = closed.reduce((n, s) => n + s.responses, 0);
          const received = [...state.complaints.values()].filter((c) => inPeriod(p, c.receivedOn));
          const answered = [...state.complaints.values()].filter(
            (c) => c.answeredOn !== undefined && inPeriod(p, c.answeredOn),
          );
          const live = [...state.rectifications.values()].filter((r) => r.status !== 'dismissed');
          const roundsDue = live.flatMap((r) => r.rounds.filter((x) => inPeriod(p, x.dueDate)));
          const share = (n: number, d: number) => (d === 0 ? undefined : n / d);
          const figures: Record<string, number | undefined> = {
            satisfactionRate: share(ratings.filter((r) => r.good).length, ratings.length),
            surveyResponseRate: share(responses, issued),
            complaintsReceived: received.length,
            // Complaints received in the period that have been answered ÷ complaints received.
            complaintHandlingRate: share(
              received.filter((c) => c.answeredOn !== undefined).length,
              received.length,
            ),
            complaintOnTimeRate: share(answered.filter((c) => c.onTime).length, answered.length),
            // Open at the end of the period: the round running then was not yet accepted.
            rectificationsOpen: live.filter((r) => openOn(r, p.to)).length,
            rectificationsAccepted: live.filter((r) =>
              r.rounds.some((x) => x.acceptedOn !== undefined && inPeriod(p, x.acceptedOn)),
            ).length,
            rectificationOnTimeRate: share(
              roundsDue.filter((x) => x.onTime === true).length,
              roundsDue.length,
            ),
          };
          return Object.fromEntries(
            Object.entries(figures).filter(([, v]) => v !== undefined),
          ) as PublicationFigures;
        },
      };
    },
  };
};
