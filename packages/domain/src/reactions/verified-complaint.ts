import { ComplaintEventSchemas } from '../complaint/events.js';
import { staffStreamId } from '../staff/decider.js';
import { openRectification } from './open-rectification.js';
import { type Reaction, type ReactionCommand, reactionMeta } from './reaction.js';

const NAME = 'verified-complaint';

/**
 * CMP-05, AUD-02: a complaint found verified (属实) is recorded on the staff member it was
 * against (feeds STF-04) and opens a rectification of the responsible unit.
 */
export const verifiedComplaintReaction: Reaction = (envelope) => {
  if (envelope.type !== 'ComplaintInvestigated') return [];
  const parsed = ComplaintEventSchemas.ComplaintInvestigated.safeParse(envelope.data);
  if (!parsed.success || !parsed.data.verified) return [];
  const finding = parsed.data;
  const commands: ReactionCommand[] = [];
  if (finding.respondent.kind === 'staff')
    commands.push({
      reaction: NAME,
      aggregate: 'staff',
      streamId: staffStreamId(finding.respondent.id),
      command: {
        type: 'RecordVerifiedComplaint',
        data: { complaintId: finding.complaintId, verifiedAt: finding.investigatedAt },
      },
      meta: reactionMeta(envelope, NAME, commands.length),
    });
  commands.push(
    openRectification(
      envelope,
      NAME,
      'RC',
      {
        source: {
          kind: 'verified-complaint',
          id: finding.complaintId,
          streamId: envelope.streamId,
        },
        responsibleUnitId: finding.responsibleUnitId,
        // The findings are personal free text and stay on the complaint.
        issue: `投诉属实整改：投诉 ${finding.complaintId}（被投诉${finding.respondent.kind} ${finding.respondent.id}）`,
        // The investigation already verified it.
        verificationRequired: false,
      },
      commands.length,
    ),
  );
  return commands;
};
