// Incident aggregate (EMG-01, EMG-02): levels, stages, lead and affected facilities.
export type { IncidentCommand, IncidentCommandData, IncidentCommandType } from './commands.js';
export { IncidentAssessmentSchema, IncidentCommandSchemas } from './commands.js';
export { incidentDecider, incidentStreamId } from './decider.js';
export type { IncidentEvent, IncidentEventData, IncidentEventType } from './events.js';
export { IncidentEventSchemas } from './events.js';
export type { IncidentLead, IncidentLevel } from './levels.js';
export {
  INCIDENT_LEVEL_NAMES,
  IncidentCategorySchema,
  IncidentLeadSchema,
  IncidentLevelSchema,
} from './levels.js';
export type { IncidentStage } from './stages.js';
export { INCIDENT_STAGES } from './stages.js';
export type { IncidentState } from './state.js';
export { initialIncidentState } from './state.js';
