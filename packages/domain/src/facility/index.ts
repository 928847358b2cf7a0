// Public API of the facility aggregate (FAC-01 … FAC-13).
export {
  type FacilityCommand,
  type FacilityCommandData,
  type FacilityCommandInput,
  FacilityCommandSchemas,
  type FacilityCommandType,
} from './commands.js';
export type { FacilityCertificate, FacilityContext } from './context.js';
export {
  type CycleSource,
  type ResolvedCycle,
  resolveCycle as resolveFacilityCycle,
} from './cycles.js';
export { facilityTaskId } from './decide-plan.js';
export { facilityDecider, facilityStreamId } from './decider.js';
export type {
  FacilityDecommissionedData,
  FacilityEvent,
  FacilityEventData,
  FacilityEventType,
  FacilityInspectedData,
  FacilityRegisteredData,
  FacilityRegistrationCorrectedData,
  FaultReportedData,
  MaintenancePlanItemAddedData,
  MaintenanceRecordReviewedData,
  MaintenanceReportDraftedData,
  MaintenanceTaskCompletedData,
  MaintenanceTaskScheduledData,
  RenovationStageCompletedData,
  RepairCompletedData,
  RepairOrderedData,
  SafetyRecordAddedData,
  UsageRecordedData,
} from './events.js';
export { FacilityEventSchemas } from './events.js';
export { requiredCertificateKinds } from './qualification.js';
export { facilityRepairQueue, type OverdueTask, overdueTasks } from './queries.js';
export {
  type FacilityCondition,
  type FacilityPersonRef,
  type InspectionResult as FacilityInspectionResult,
  type RegistrationFields,
  type RepairClass as FacilityRepairClass,
  type RepairPriority as FacilityRepairPriority,
  renovationStages as facilityRenovationStages,
  type TechnicalDocument,
} from './schemas.js';
export {
  type FacilityState,
  initialFacilityState,
  type OpenTaskState as FacilityOpenTask,
  type RepairOrderState as FacilityRepairOrder,
} from './state.js';
export {
  type FacilityCategory,
  facilityCategories,
  facilityClassKeys,
  facilityTaskKinds,
  facilityTaxonomy,
  findFacilityClass,
} from './taxonomy.js';
