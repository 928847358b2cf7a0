import type { z } from 'zod';
import type { RespondentSchema } from './commands.js';

/** CMP-04: the closed loop; `none` before intake. */
export type ComplaintStatus =
  | 'none'
  | 'received'
  | 'classified'
  | 'assigned'
  | 'investigated'
  | 'answered'
  | 'return-visited'
  | 'closed';

export interface ComplaintState {
  readonly status: ComplaintStatus;
  readonly complaintId?: string;
  readonly unitId?: string;
  readonly respondent?: z.output<typeof RespondentSchema>;
  readonly firstResponsibleId?: string;
  readonly receivedAt?: string;
  readonly dueAt?: string;
  readonly gradeId?: string;
  readonly escalationRequired: boolean;
  readonly escalated: boolean;
  readonly handlerId?: string;
  readonly assignedUnitId?: string;
  readonly verified?: boolean;
  readonly onTime?: boolean;
  readonly returnVisited: boolean;
  /** CMP-06: read models hide the complainant of a confidential complaint. */
  readonly confidential: boolean;
}

export const initialComplaintState: ComplaintState = {
  status: 'none',
  escalationRequired: false,
  escalated: false,
  returnVisited: false,
  confidential: false,
};
