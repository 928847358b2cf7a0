export interface EmergencyPlanState {
  readonly adopted: boolean;
  readonly planId?: string;
  readonly facilityClass?: string;
  readonly version?: string;
  readonly adoptedOn?: string;
  readonly drillIds: readonly string[];
}

export const initialEmergencyPlanState: EmergencyPlanState = { adopted: false, drillIds: [] };
