import { z } from 'zod';
import { Count } from './common.js';

export const ArchivePolicy = z.object({
  /** ARC-02: retention of case files (tickets, complaints) in years, by archive class. */
  retentionYears: z.record(z.string(), Count),
  /** FAC-05: retention of inspection and maintenance records, in years. */
  maintenanceRecordRetentionYears: Count,
  /** ARC-02: access levels (访问权限) a case file may carry, from the most open. */
  accessLevels: z.array(z.string().min(1)).min(1),
});
export type ArchivePolicy = z.infer<typeof ArchivePolicy>;

// The standards require a retention period without fixing one; these follow common
// archive practice (short 10 years, long 30) and are meant to be overridden locally.
export const defaultArchivePolicy: ArchivePolicy = {
  retentionYears: { short: 10, long: 30, permanent: 100 },
  maintenanceRecordRetentionYears: 10,
  accessLevels: ['public', 'internal', 'restricted', 'confidential'],
};
