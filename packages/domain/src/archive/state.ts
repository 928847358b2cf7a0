import type { CaseKind } from './commands.js';

/** Where a case file is in its life: not filed, filed, or destroyed. */
export type ArchiveStatus = 'none' | 'classified' | 'destroyed';

export interface ArchiveState {
  readonly status: ArchiveStatus;
  readonly caseId?: string;
  readonly caseKind?: CaseKind;
  readonly archiveNumber?: string;
  readonly retentionExpiresOn?: string;
  readonly accessLevel?: string;
  /** The latest backup reference, if any. */
  readonly backupRef?: string;
}

export const initialArchiveState: ArchiveState = { status: 'none' };

/** Stream id of a case file: `archive-<caseId>`. */
export const archiveStreamId = (caseId: string): string => `archive-${caseId}`;
