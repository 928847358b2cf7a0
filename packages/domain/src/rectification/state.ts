import type { z } from 'zod';
import type { Deadline } from '../calendar/work-calendar.js';
import type { RectificationSourceSchema } from './commands.js';

/**
 * AUD-02: open (working, or rejected back) → submitted → accepted; reopened = rebound.
 * SAT-02: a source found unfounded on verification dismisses it.
 */
export type RectificationStatus = 'none' | 'open' | 'submitted' | 'accepted' | 'dismissed';

export interface RectificationState {
  readonly status: RectificationStatus;
  readonly rectificationId?: string;
  readonly source?: z.output<typeof RectificationSourceSchema>;
  readonly responsibleUnitId?: string;
  readonly deadline?: Deadline;
  readonly hasMeasures: boolean;
  readonly verificationRequired: boolean;
  readonly verified: boolean;
  readonly reboundCount: number;
}

export const initialRectificationState: RectificationState = {
  status: 'none',
  hasMeasures: false,
  verificationRequired: false,
  verified: false,
  reboundCount: 0,
};
