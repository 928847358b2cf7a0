import { AuditEventSchemas } from '../audit/events.js';
import { openRectification } from './open-rectification.js';
import type { Reaction } from './reaction.js';

const NAME = 'audit-finding';

/** AUD-02: a supervision finding that requires it opens a rectification of the responsible unit. */
export const auditFindingReaction: Reaction = (envelope) => {
  if (envelope.type !== 'AuditFindingRecorded') return [];
  const parsed = AuditEventSchemas.AuditFindingRecorded.safeParse(envelope.data);
  if (!parsed.success || !parsed.data.rectificationRequired) return [];
  const finding = parsed.data;
  return [
    openRectification(envelope, NAME, 'RA', {
      source: { kind: 'audit-finding', id: finding.findingId, streamId: envelope.streamId },
      responsibleUnitId: finding.responsibleUnitId,
      supervisingUnitId: finding.supervisingUnitId,
      issue: finding.description,
      verificationRequired: false,
    }),
  ];
};
