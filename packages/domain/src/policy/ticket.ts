import { z } from 'zod';
import { Minutes, Workdays } from './common.js';

export const TicketPolicy = z.object({
  /** TKT-03: initial review and feedback within this many working days of acceptance. */
  initialReviewWorkdays: Workdays,
  /** TKT-03: the limit once supplementary materials or an investigation are needed. */
  extendedReviewWorkdays: Workdays,
  /** TKT-03: no service type may allow final approval later than this. */
  finalApprovalMaxWorkdays: Workdays,
  /** TKT-03: role whose approval a further extension needs. */
  furtherExtensionApproverRole: z.string().min(1),
  /** TKT-09: first response within this many minutes of receipt. */
  firstResponseMinutes: Minutes,
  /** TKT-09: average window wait (queue number → call) at most this many minutes. */
  windowWaitMinutes: Minutes,
  /** TKT-08: a unit may return (退单) a dispatched ticket within this many working days. */
  returnWithinWorkdays: Workdays,
  /** TKT-08: an extension (延期) granted to a unit adds at most this many working days. */
  maxExtensionWorkdays: Workdays,
});
export type TicketPolicy = z.infer<typeof TicketPolicy>;

export const defaultTicketPolicy: TicketPolicy = {
  initialReviewWorkdays: 5,
  extendedReviewWorkdays: 10,
  finalApprovalMaxWorkdays: 30,
  furtherExtensionApproverRole: 'centre-head',
  firstResponseMinutes: 20,
  windowWaitMinutes: 30,
  // 12345-hotline practice: a unit that is not competent returns the order within one working day.
  returnWithinWorkdays: 1,
  maxExtensionWorkdays: 10,
};
