// The ticket aggregate (服务申请 / 工单): TKT-01 … TKT-10, SAT-01, SAT-02.
export {
  type TicketAgent,
  TicketAgentSchema,
  type TicketApplicant,
  TicketApplicantSchema,
  TicketOrganisationApplicantSchema,
  TicketPersonApplicantSchema,
} from './applicant.js';
export {
  exampleServiceCatalogue,
  type ServiceCatalogue,
  ServiceCatalogueSchema,
  type ServiceCategory,
  ServiceCategorySchema,
  type ServiceType,
  ServiceTypeSchema,
  serviceCatalogueSchema,
  validateServiceCatalogue,
} from './catalogue.js';
export {
  type TicketCommand,
  type TicketCommandData,
  TicketCommandSchemas,
  type TicketCommandType,
  ticketCommandTypes,
} from './commands.js';
export type { TicketContext } from './context.js';
export { decideTicket } from './decide.js';
export { ticketDecider, ticketStreamId } from './decider.js';
export { ticketIllegalTransition } from './errors.js';
export {
  type TicketDeadline,
  TicketDeadlineSchema,
  type TicketEvent,
  type TicketEventData,
  type TicketEventOf,
  TicketEventSchemas,
  type TicketEventType,
  ticketEventTypes,
} from './events.js';
export { evolveTicket, evolveTicketInPlace, ownTicketState } from './evolve.js';
export { type TicketProgress, ticketProgress } from './progress.js';
export {
  initialTicketState,
  type TicketIntake,
  type TicketState,
  type TicketStep,
} from './state.js';
export {
  isLegalTransition,
  type TicketStatus,
  ticketStatuses,
  ticketStatusLabels,
  ticketTransitions,
} from './status.js';
export {
  type TicketChannel,
  TicketChannelSchema,
  type TicketMaterial,
  TicketMaterialSchema,
  type TicketNature,
  TicketNatureSchema,
  type TicketRatingChannel,
  TicketRatingChannelSchema,
  type TicketRatingDimensions,
  TicketRatingDimensionsSchema,
  TicketRatingLevelSchema,
  type TicketRejectionReason,
  TicketRejectionReasonSchema,
  TicketReturnVisitMethodSchema,
  TicketSupervisionLevelSchema,
  TicketSupplementKindSchema,
  ticketRatingLevelLabels,
} from './vocabulary.js';
