import { z } from 'zod';
import { Count, Workdays } from './common.js';

export const AuditPolicy = z.object({
  /** AUD-02: default rectification deadline; 15 working days is common practice for bad ratings. */
  rectificationWorkdays: Workdays,
  /** AUD-03: a comprehensive evaluation every this many months. */
  comprehensiveEvaluationMonths: Count,
  /** AUD-02: role of the supervising department that accepts rectifications. */
  acceptanceRole: z.string().min(1),
});
export type AuditPolicy = z.infer<typeof AuditPolicy>;

export const defaultAuditPolicy: AuditPolicy = {
  rectificationWorkdays: 15,
  comprehensiveEvaluationMonths: 6,
  acceptanceRole: 'supervisor',
};
