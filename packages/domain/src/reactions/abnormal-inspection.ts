import { FacilityEventSchemas } from '../facility/events.js';
import type { RepairClass, RepairPriority } from '../facility/schemas.js';
import { deriveReactionId, type Reaction, reactionMeta } from './reaction.js';

const NAME = 'abnormal-inspection';

export interface AbnormalInspectionOptions {
  /** The class a repair is ordered with before anyone has assessed it; default `minor`. */
  readonly repairClass?: RepairClass;
  /** Default `routine`: `FacilityInspected` does not carry the fault's urgency. */
  readonly priority?: RepairPriority;
}

/**
 * FAC-05, FAC-06: an abnormal inspection gets a repair order for the fault it opened. The
 * facility aggregate reports the fault itself (`FaultReported` in the same batch as
 * `FacilityInspected`), so the reaction only orders the repair, assigned to the maintainer
 * who signed the record (qualified for the class, FAC-08). A class that must be replaced
 * (FAC-13) refuses a non-replacement order; that case then needs a person's assessment.
 */
export const abnormalInspectionReaction =
  (options: AbnormalInspectionOptions = {}): Reaction =>
  (envelope) => {
    if (envelope.type !== 'FacilityInspected') return [];
    const parsed = FacilityEventSchemas.FacilityInspected.safeParse(envelope.data);
    if (!parsed.success) return [];
    const inspection = parsed.data;
    if (inspection.result !== 'abnormal' || inspection.faultId === undefined) return [];
    return [
      {
        reaction: NAME,
        aggregate: 'facility',
        streamId: envelope.streamId,
        command: {
          type: 'OrderRepair',
          data: {
            repairOrderId: deriveReactionId('RO', envelope.eventId, NAME),
            faultId: inspection.faultId,
            repairClass: options.repairClass ?? 'minor',
            priority: options.priority ?? 'routine',
            assignee: inspection.signedBy,
          },
        },
        meta: reactionMeta(envelope, NAME),
      },
    ];
  };
