import { z } from 'zod';
import { Cycle, quarterly, Ratio, yearly } from './common.js';

export const EmergencyPolicy = z.object({
  /** EMG-04: minimum emergency water reserve, as a share of daily demand. */
  waterReserveMin: Ratio,
  /** EMG-04: minimum backup power capacity, as a share of load. */
  backupPowerMin: Ratio,
  /** EMG-03: drill cycles (quarterly / yearly). */
  drillCycles: z.object({ specialized: Cycle, comprehensive: Cycle }),
});
export type EmergencyPolicy = z.infer<typeof EmergencyPolicy>;

export const defaultEmergencyPolicy: EmergencyPolicy = {
  waterReserveMin: 0.3,
  backupPowerMin: 0.1,
  drillCycles: { specialized: quarterly, comprehensive: yearly },
};
