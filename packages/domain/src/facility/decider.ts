import type { Decider } from '../kernel/decider.js';
import type { FacilityCommand } from './commands.js';
import type { FacilityContext } from './context.js';
import { decideFacility } from './decide.js';
import type { FacilityEvent } from './events.js';
import { evolveFacility } from './evolve.js';
import { type FacilityState, initialFacilityState } from './state.js';

/** The facility aggregate (FAC-01 … FAC-13) as a pure decider. */
export const facilityDecider: Decider<
  FacilityCommand,
  FacilityEvent,
  FacilityState,
  FacilityContext
> = {
  initialState: initialFacilityState,
  decide: decideFacility,
  evolve: evolveFacility,
};

/** Stream id of a facility: `facility-<id>`. */
export const facilityStreamId = (facilityId: string): string => `facility-${facilityId}`;
