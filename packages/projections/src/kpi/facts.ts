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

/** A ticket as received (K-08, K-15, K-16 and the units of later facts). */
export interface TicketFact {
  readonly receivedOn: string;
  readonly units: readonly string[];
  readonly repeat: boolean;
  readonly communityId: string;
}

/** A measurement or outcome on a local date, in some units. */
export interface DatedFact {
  readonly on: string;
  readonly units: readonly string[];
}

export interface MinutesFact extends DatedFact {
  readonly minutes: number;
}

export interface OnTimeFact extends DatedFact {
  readonly onTime: boolean;
}

export interface CompletionFact extends OnTimeFact {
  readonly communityId: string;
}

export interface RatingFact extends DatedFact {
  readonly good: boolean;
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

export interface KpiState {
  readonly facilities: Map<string, FacilityFact>;
  readonly tasks: Map<string, TaskFact>;
  readonly tickets: Map<string, TicketFact>;
  /** K-03: one first response per ticket, dated by receipt. */
  readonly firstResponses: Map<string, MinutesFact>;
  /** K-04: one wait per queue number called. */
  readonly waits: MinutesFact[];
  /** K-05. */
  readonly completions: CompletionFact[];
  /** K-06. */
  readonly reviews: OnTimeFact[];
  /** K-07: complaint answers. */
  readonly complaintAnswers: OnTimeFact[];
  /** K-08: complaints received. */
  readonly complaints: Map<string, DatedFact>;
  /** K-09. */
  readonly ratings: RatingFact[];
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
  tickets: new Map(),
  firstResponses: new Map(),
  waits: [],
  completions: [],
  reviews: [],
  complaintAnswers: [],
  complaints: new Map(),
  ratings: [],
  surveys: new Map(),
  staff: new Map(),
  rectifications: new Map(),
  fedBy: new Set(),
});
