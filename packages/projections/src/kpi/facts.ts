import { type FactTable, factTable, type Interned, interned } from '../kernel/fact-table.js';

/**
 * The facts the KPIs are computed from: one small record per entity or measurement, with
 * local dates (policy time zone) and unit keys. Queries aggregate them for any period and
 * unit, so a new cut never needs a rebuild.
 */

/** A facility over time (K-01): when it was active and every condition found. */
export interface FacilityFact {
  readonly units: readonly string[];
  readonly registeredOn: string;
  readonly decommissionedOn?: string;
  /** Conditions in the order found: local date and intact or not. */
  readonly conditions: readonly { readonly on: string; readonly intact: boolean }[];
}

/** A scheduled maintenance task (K-02). */
export interface TaskFact {
  readonly units: readonly string[];
  readonly dueDate: string;
  readonly completedOn?: string;
  readonly onTime?: boolean;
  readonly cancelled: boolean;
}

/** A measurement or outcome on a local date, in some units. */
export interface DatedFact {
  readonly on: string;
  readonly units: readonly string[];
}

export interface OnTimeFact extends DatedFact {
  readonly onTime: boolean;
}

/** A closed survey (K-10, K-11). */
export interface SurveyFact {
  readonly surveyId: string;
  readonly units: readonly string[];
  readonly closedOn: string;
  /** The quarter the survey was for (`2026-Q4`). */
  readonly quarter: string;
  readonly issued: number;
  readonly responses: number;
}

/** A certificate's validity (K-12). */
export interface CertificateFact {
  readonly kind: string;
  readonly number: string;
  readonly validFrom: string;
  readonly validUntil: string;
  readonly revokedOn?: string;
}

/** A staff member over time (K-12, K-13). */
export interface StaffFact {
  readonly units: readonly string[];
  /** Post changes in order: local date and on post or not. */
  readonly posts: readonly { readonly on: string; readonly onPost: boolean }[];
  readonly certificates: readonly CertificateFact[];
  /** Dates of passed (or not failed) trainings. */
  readonly trainings: readonly string[];
}

/**
 * A rectification (K-14) as rounds: the opening starts one with its deadline, each rebound
 * (reopening) another with a new deadline; an acceptance closes the open round.
 */
export interface RectificationFact {
  readonly units: readonly string[];
  /** SAT-02: verified unfounded — no round of it is due. */
  readonly dismissed: boolean;
  readonly rounds: readonly {
    readonly dueDate: string;
    readonly acceptedOn?: string;
    readonly onTime?: boolean;
  }[];
}

/**
 * A ticket while KPI events can still follow (until it is archived, a terminal status): the
 * units later facts inherit and whether its first response was counted.
 */
export interface OpenTicket {
  readonly units: number;
  readonly responded: boolean;
}

/**
 * The columns of the ticket measurements ({@link FactTable}s): a long log holds millions, so
 * they are numbers, never objects — `DAY` a day number (`dayNumber`), `UNITS` an index into
 * `unitLists`, `VALUE` the measure (minutes, Float64; or 1/0 for on time, good, repeat, one
 * byte), `COMMUNITY` (completions only) an index into `communities`. Day and indexes start as
 * two bytes and widen if a log needs more (see `ColumnKind`).
 */
export const DAY = 0;
export const UNITS = 1;
export const VALUE = 2;
export const COMMUNITY = 3;

export interface KpiState {
  readonly facilities: Map<string, FacilityFact>;
  readonly tasks: Map<string, TaskFact>;
  /** Tickets received and not yet archived. */
  readonly openTickets: Map<string, OpenTicket>;
  /** Every distinct list of unit keys a fact belongs to, by index. */
  readonly unitLists: Interned<readonly string[]>;
  /** Community ids of completions (K-16), by index. */
  readonly communities: Interned<string>;
  /** K-15, by receipt: VALUE = repeat. */
  readonly received: FactTable;
  /** K-03, one per ticket, dated by receipt: VALUE = minutes. */
  readonly firstResponses: FactTable;
  /** K-04, one per queue number called: VALUE = minutes. */
  readonly waits: FactTable;
  /** K-05, K-08, K-16: VALUE = on time, and COMMUNITY. */
  readonly completions: FactTable;
  /** K-06: VALUE = on time. */
  readonly reviews: FactTable;
  /** K-09: VALUE = good. */
  readonly ratings: FactTable;
  /** K-07: complaint answers. */
  readonly complaintAnswers: OnTimeFact[];
  /** K-08: complaints received. */
  readonly complaints: Map<string, DatedFact>;
  /** K-10, K-11. */
  readonly surveys: Map<string, SurveyFact>;
  readonly staff: Map<string, StaffFact>;
  readonly rectifications: Map<string, RectificationFact>;
  /** Which aggregates have fed this state (a KPI with no feeder says "not yet fed"). */
  readonly fedBy: Set<string>;
}

/** An empty KPI state. */
export const initialKpiState = (): KpiState => ({
  facilities: new Map(),
  tasks: new Map(),
  openTickets: new Map(),
  unitLists: interned(),
  communities: interned(),
  received: factTable(['small', 'small', 'flag']),
  firstResponses: factTable(['small', 'small', 'float']),
  waits: factTable(['small', 'small', 'float']),
  completions: factTable(['small', 'small', 'flag', 'small']),
  reviews: factTable(['small', 'small', 'flag']),
  ratings: factTable(['small', 'small', 'flag']),
  complaintAnswers: [],
  complaints: new Map(),
  surveys: new Map(),
  staff: new Map(),
  rectifications: new Map(),
  fedBy: new Set(),
});
