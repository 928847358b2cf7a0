import type { DecideContext } from '../kernel/context.js';
import type { Decider } from '../kernel/decider.js';
import type { AuditCommand } from './commands.js';
import { decideAudit } from './decide.js';
import type { AuditEvent } from './events.js';
import { evolveAudit } from './evolve.js';
import { type AuditState, initialAuditState } from './state.js';

/** The supervision (督查) aggregate (AUD-01, AUD-03; findings open rectifications, AUD-02). */
export const auditDecider: Decider<AuditCommand, AuditEvent, AuditState, DecideContext> = {
  initialState: initialAuditState,
  decide: decideAudit,
  evolve: evolveAudit,
};

/** Stream id of a supervision: `audit-<id>`. */
export const auditStreamId = (auditId: string): string => `audit-${auditId}`;
