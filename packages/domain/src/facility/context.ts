import type { IsoDate } from '../calendar/work-calendar.js';
import type { DecideContext } from '../kernel/context.js';

/** A certificate of the person doing the work (FAC-08), as the caller looked it up. */
export interface FacilityCertificate {
  /** Certificate kind as the policy names it (`electrician`, `pipe-fitter` …). */
  readonly kind: string;
  readonly number: string;
  readonly validFrom: IsoDate;
  readonly validUntil: IsoDate;
  /** Whose certificate it is; when given it must be the performer. */
  readonly holderId?: string;
}

/** What the facility decider receives: the common context plus the performer's certificates. */
export interface FacilityContext extends DecideContext {
  /** Certificates of the person performing the work of the command (FAC-08); none when absent. */
  readonly certificates?: readonly FacilityCertificate[];
}
