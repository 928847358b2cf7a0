import type { z } from 'zod';
import type { AuditKindSchema, AuditScopeSchema, FindingSeveritySchema } from './commands.js';

/** AUD-01: a supervision is open while it is carried out, then closed. */
export type AuditStatus = 'none' | 'open' | 'closed';

export interface AuditState {
  readonly status: AuditStatus;
  readonly auditId?: string;
  readonly kind?: z.output<typeof AuditKindSchema>;
  readonly scope?: z.output<typeof AuditScopeSchema>;
  readonly supervisingUnitId?: string;
  readonly checklistIds: readonly string[];
  readonly results: readonly {
    readonly itemId: string;
    readonly result: 'pass' | 'fail' | 'not-applicable';
  }[];
  readonly findings: readonly {
    readonly id: string;
    readonly severity: z.output<typeof FindingSeveritySchema>;
  }[];
  readonly evaluated: boolean;
  readonly published: boolean;
}

export const initialAuditState: AuditState = {
  status: 'none',
  checklistIds: [],
  results: [],
  findings: [],
  evaluated: false,
  published: false,
};
