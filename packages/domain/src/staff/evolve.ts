import type { StaffEvent } from './events.js';
import type { CertificateState, StaffState } from './state.js';

const updateCertificate = (
  state: StaffState,
  kind: string,
  number: string,
  change: (c: CertificateState) => CertificateState,
): StaffState => ({
  ...state,
  certificates: state.certificates.map((c) =>
    c.kind === kind && c.number === number ? change(c) : c,
  ),
});

/** Folds one staff event into the state; events are facts, so it never rejects. */
export const evolveStaff = (state: StaffState, event: StaffEvent): StaffState => {
  switch (event.type) {
    case 'StaffRegistered': {
      const { staffId, role, unit, secondment } = event.data;
      return {
        ...state,
        status: 'registered',
        staffId,
        role,
        unit,
        ...(secondment
          ? {
              secondment: {
                sendingUnit: secondment.sendingUnit,
                startDate: secondment.startDate,
                minTermEndsOn: secondment.minTermEndsOn,
              },
            }
          : {}),
      };
    }
    case 'StaffRoleChanged':
      return { ...state, role: event.data.to };
    case 'StaffPutOnPost':
      return { ...state, status: 'on-post', postChangedOn: event.data.date };
    case 'StaffTakenOffPost':
      return { ...state, status: 'off-post', postChangedOn: event.data.date };
    case 'CertificateRecorded': {
      const { kind, number, issuer, validFrom, validUntil } = event.data;
      const certificate: CertificateState = {
        kind,
        number,
        validFrom,
        validUntil,
        ...(issuer === undefined ? {} : { issuer }),
      };
      return { ...state, certificates: [...state.certificates, certificate] };
    }
    case 'CertificateRenewed':
      return updateCertificate(state, event.data.kind, event.data.number, (c) => ({
        ...c,
        validUntil: event.data.validUntil,
      }));
    case 'CertificateRevoked':
      return updateCertificate(state, event.data.kind, event.data.number, (c) => ({
        ...c,
        revokedOn: event.data.revokedOn,
      }));
    case 'TrainingRecorded': {
      const { trainingId, trainedOn } = event.data;
      const last = state.lastTrainedOn;
      return {
        ...state,
        trainingIds: [...state.trainingIds, trainingId],
        lastTrainedOn: last === undefined || trainedOn > last ? trainedOn : last,
      };
    }
    case 'AssessmentRecorded':
      return { ...state, assessmentIds: [...state.assessmentIds, event.data.assessmentId] };
    case 'PerformanceRecorded':
      return {
        ...state,
        performanceRecordIds: [...state.performanceRecordIds, event.data.recordId],
      };
    case 'ConductIncidentRecorded': {
      const { recordId, kind, occurredOn, quantity } = event.data;
      const entry = { id: recordId, trigger: kind, on: occurredOn, quantity };
      return { ...state, triggerEntries: [...state.triggerEntries, entry] };
    }
    case 'VerifiedComplaintRecorded': {
      const { complaintId, verifiedOn } = event.data;
      const entry = {
        id: complaintId,
        trigger: 'verified-complaint' as const,
        on: verifiedOn,
        quantity: 1,
      };
      return { ...state, triggerEntries: [...state.triggerEntries, entry] };
    }
    case 'ReturnToSendingUnitRequired':
      return { ...state, triggersReached: [...state.triggersReached, event.data.trigger] };
    case 'SecondmentEnded':
      return { ...state, status: 'departed', postChangedOn: event.data.endDate };
    default:
      // An event type this version does not know (written by a newer one): keep the state.
      return state;
  }
};
