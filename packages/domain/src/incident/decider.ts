import type { DecideContext } from '../kernel/context.js';
import type { Decider } from '../kernel/decider.js';
import type { IncidentCommand } from './commands.js';
import { decideIncident } from './decide.js';
import type { IncidentEvent } from './events.js';
import { evolveIncident } from './evolve.js';
import { type IncidentState, initialIncidentState } from './state.js';

/** The incident aggregate (EMG-01, EMG-02) as a {@link Decider}. */
export const incidentDecider: Decider<
  IncidentCommand,
  IncidentEvent,
  IncidentState,
  DecideContext
> = {
  initialState: initialIncidentState,
  decide: decideIncident,
  evolve: evolveIncident,
};

/** Stream id of an incident: `incident-<id>`. */
export const incidentStreamId = (incidentId: string): string => `incident-${incidentId}`;
