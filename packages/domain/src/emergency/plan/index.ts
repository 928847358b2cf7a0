export type {
  DrillKind,
  EmergencyPlanCommand,
  EmergencyPlanCommandData,
  EmergencyPlanCommandType,
} from './commands.js';
export {
  DrillEvaluationSchema,
  DrillKindSchema,
  DrillParticipantsSchema,
  EmergencyPlanCommandSchemas,
} from './commands.js';
export { emergencyPlanDecider, emergencyPlanStreamId } from './decider.js';
export type {
  EmergencyPlanEvent,
  EmergencyPlanEventData,
  EmergencyPlanEventType,
} from './events.js';
export { EmergencyPlanEventSchemas } from './events.js';
export type { EmergencyPlanState } from './state.js';
export { initialEmergencyPlanState } from './state.js';
