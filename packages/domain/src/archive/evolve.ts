import type { ArchiveEvent } from './events.js';
import type { ArchiveState } from './state.js';

/** Folds one Archive event into the state. */
export const evolveArchive = (state: ArchiveState, event: ArchiveEvent): ArchiveState => {
  switch (event.type) {
    case 'ArchiveClassified':
      return {
        status: 'classified',
        caseId: event.data.caseId,
        caseKind: event.data.caseKind,
        archiveNumber: event.data.archiveNumber,
        retentionExpiresOn: event.data.retentionExpiresOn,
        accessLevel: event.data.accessLevel,
      };
    case 'ArchiveAccessChanged':
      return { ...state, accessLevel: event.data.accessLevel };
    case 'ArchiveBackedUp':
      return { ...state, backupRef: event.data.backupRef };
    case 'ArchiveDestroyed':
      return { ...state, status: 'destroyed' };
    default:
      return state;
  }
};
