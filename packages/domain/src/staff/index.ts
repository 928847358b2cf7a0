// Staff aggregate (STF-01 … STF-05): roles, posts, certificates, training, seconded staff.

export type { ValidCertificate } from './certificates.js';
export { isCertificateValidOn, validCertificatesOn } from './certificates.js';
export type { StaffCommand, StaffCommandData, StaffCommandType } from './commands.js';
export { StaffCommandSchemas } from './commands.js';
export type { StaffContext, SuccessorStatus } from './context.js';
export { staffDecider, staffStreamId } from './decider.js';
export type { StaffEvent, StaffEventData, StaffEventType } from './events.js';
export { StaffEventSchemas } from './events.js';
export type { StaffRole } from './roles.js';
export { isSecondedRole, SECONDED_ROLES, StaffRoleSchema } from './roles.js';
export type {
  CertificateState,
  SecondmentState,
  StaffState,
  StaffStatus,
  TriggerEntry,
} from './state.js';
export { initialStaffState } from './state.js';
export type { ConductKind, TriggerKind } from './triggers.js';
export { ConductKindSchema, TRIGGER_POLICY_KEY, TriggerKindSchema } from './triggers.js';
