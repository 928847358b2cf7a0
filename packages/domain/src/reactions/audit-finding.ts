import { AuditEventSchemas } from '../audit/events.js';
import { rectificationStreamId } from '../rectification/decider.js';
import { deriveReactionId, type Reaction, reactionMeta } from './reaction.js';

const NAME = 'audit-finding';

/** AUD-02: a supervision finding that requires it opens a rectification of the responsible unit. */
export const auditFindingReaction: Reaction = (envelope) => {
  if (envelope.type !== 'AuditFindingRecorded') return [];
  const parsed = AuditEventSchemas.AuditFindingRecorded.safeParse(envelope.data);
  if (!parsed.success || !parsed.data.rectificationRequired) return [];
  const finding = parsed.data;
  const rectificationId = deriveReactionId('RA', envelope.eventId, NAME);
  return [
    {
      reaction: NAME,
      aggregate: 'rectification',
      streamId: rectificationStreamId(rectificationId),
      command: {
        type: 'OpenRectification',
        data: {
          rectificationId,
          source: { kind: 'audit-finding', id: finding.findingId, streamId: envelope.streamId },
          responsibleUnitId: finding.responsibleUnitId,
          supervisingUnitId: finding.supervisingUnitId,
          issue: finding.description,
          verificationRequired: false,
        },
      },
      meta: reactionMeta(envelope, NAME),
    },
  ];
};
