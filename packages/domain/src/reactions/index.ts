// Reactions (process managers): pure functions from a stored event to the commands it causes.
import { abnormalInspectionReaction } from './abnormal-inspection.js';
import { auditFindingReaction } from './audit-finding.js';
import { badRatingReaction } from './bad-rating.js';
import { facilityFaultTicketReaction } from './facility-fault-ticket.js';
import type { Reaction } from './reaction.js';
import { verifiedComplaintReaction } from './verified-complaint.js';

export {
  type AbnormalInspectionOptions,
  abnormalInspectionReaction,
} from './abnormal-inspection.js';
export { auditFindingReaction } from './audit-finding.js';
export { badRatingReaction } from './bad-rating.js';
export { facilityFaultTicketReaction } from './facility-fault-ticket.js';
export {
  deriveReactionId,
  type Reaction,
  type ReactionAggregate,
  type ReactionCommand,
  type ReactionMeta,
  reactionMeta,
} from './reaction.js';
export { createReactor, type Reactor } from './reactor.js';
export { verifiedComplaintReaction } from './verified-complaint.js';

/** Every reaction with its default options, for `createReactor(defaultReactions)`. */
export const defaultReactions: readonly Reaction[] = [
  badRatingReaction,
  verifiedComplaintReaction,
  abnormalInspectionReaction(),
  facilityFaultTicketReaction,
  auditFindingReaction,
];
