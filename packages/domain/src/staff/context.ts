import type { DecideContext } from '../kernel/context.js';

/**
 * What the caller knows about the successor named in `EndSecondment` (STF-04, 先进后出):
 * read from the successor's own stream before deciding, never looked up by the decider.
 */
export interface SuccessorStatus {
  readonly staffId: string;
  readonly onPost: boolean;
  /** The day the successor went on post, when on post. */
  readonly onPostSince?: string;
}

/** Context of the staff decider. */
export interface StaffContext extends DecideContext {
  readonly successor?: SuccessorStatus;
}
