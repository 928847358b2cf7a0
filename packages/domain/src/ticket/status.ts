import type { TicketCommandType } from './commands.js';

/** Where a ticket stands in its lifecycle (TKT-08). `none` = no ticket yet. */
export type TicketStatus =
  | 'none'
  | 'received'
  | 'underReview'
  | 'awaitingSupplement'
  | 'approved'
  | 'rejected'
  | 'finalApproved'
  | 'dispatched'
  | 'inProgress'
  | 'reopened'
  | 'completed'
  | 'visited'
  | 'closed'
  | 'archived';

/** Every status, in lifecycle order. */
export const ticketStatuses: readonly TicketStatus[] = [
  'none',
  'received',
  'underReview',
  'awaitingSupplement',
  'approved',
  'rejected',
  'finalApproved',
  'dispatched',
  'inProgress',
  'reopened',
  'completed',
  'visited',
  'closed',
  'archived',
];

/** The status in the applicant's words (TKT-05). */
export const ticketStatusLabels: Readonly<Record<TicketStatus, { zh: string; en: string }>> = {
  none: { zh: '无', en: 'none' },
  received: { zh: '已登记', en: 'received' },
  underReview: { zh: '审核中', en: 'under review' },
  awaitingSupplement: { zh: '待补正材料', en: 'awaiting supplementary materials' },
  approved: { zh: '审核通过', en: 'approved' },
  rejected: { zh: '不予通过', en: 'rejected' },
  finalApproved: { zh: '审批通过', en: 'finally approved' },
  dispatched: { zh: '已派单', en: 'dispatched' },
  inProgress: { zh: '办理中', en: 'in progress' },
  reopened: { zh: '重办', en: 'reopened' },
  completed: { zh: '已办结', en: 'completed' },
  visited: { zh: '已回访', en: 'return visit made' },
  closed: { zh: '已结案', en: 'closed' },
  archived: { zh: '已归档', en: 'archived' },
};

// Statuses between receipt and completion; a ticket in one of them is still being handled.
const open: readonly TicketStatus[] = [
  'received',
  'underReview',
  'awaitingSupplement',
  'approved',
  'finalApproved',
  'dispatched',
  'inProgress',
  'reopened',
];
// Statuses in which the completion clock runs and the handler may ask for more time.
const handling: readonly TicketStatus[] = [
  'approved',
  'finalApproved',
  'dispatched',
  'inProgress',
  'reopened',
];
const afterCompletion: readonly TicketStatus[] = ['completed', 'visited', 'closed'];

/**
 * The state machine (TKT-08): from which statuses each command may be issued. A command
 * from any other status is an illegal transition; business rules are checked after this.
 */
export const ticketTransitions: Readonly<Record<TicketCommandType, readonly TicketStatus[]>> = {
  ReceiveTicket: ['none'],
  TakeQueueNumber: ['received'],
  CallQueueNumber: ['received'],
  RecordFirstResponse: open,
  AcceptTicket: ['received'],
  RequestSupplement: ['underReview'],
  ProvideSupplement: ['awaitingSupplement'],
  ExtendReview: ['underReview', 'awaitingSupplement'],
  StartJointReview: ['underReview'],
  RecordJointReviewOpinion: ['underReview'],
  ReviewTicket: ['underReview'],
  GrantFinalApproval: ['approved'],
  DispatchTicket: ['approved', 'finalApproved', 'reopened'],
  SignForTicket: ['dispatched'],
  ReturnTicket: ['dispatched', 'inProgress'],
  RequestExtension: handling,
  ApproveExtension: handling,
  DeclineExtension: handling,
  SuperviseTicket: open,
  CompleteTicket: ['approved', 'finalApproved', 'inProgress', 'reopened'],
  MakeReturnVisit: afterCompletion,
  CloseTicket: ['visited', 'rejected'],
  ReopenTicket: afterCompletion,
  ArchiveTicket: ['closed'],
  RateTicket: afterCompletion,
  ApplyDefaultRating: afterCompletion,
};

/** True when `command` may be issued from `status` (TKT-08). */
export const isLegalTransition = (status: TicketStatus, command: TicketCommandType): boolean =>
  ticketTransitions[command].includes(status);
