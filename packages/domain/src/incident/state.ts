import type { IncidentLead, IncidentLevel } from './levels.js';
import type { IncidentStage } from './stages.js';

export interface IncidentState {
  readonly stage: IncidentStage | 'none';
  readonly incidentId?: string;
  readonly level?: IncidentLevel;
  readonly lead?: IncidentLead;
  readonly affectedFacilities: readonly string[];
  /** Instant of the latest event: later events may not be dated before it. */
  readonly lastAt?: string;
}

export const initialIncidentState: IncidentState = { stage: 'none', affectedFacilities: [] };
