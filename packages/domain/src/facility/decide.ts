// The facility decider's entry: validates the command's shape, then hands it to the
// handler of its type. Never throws: every failure is a typed error.
import * as E from 'fp-ts/lib/Either.js';
import { readCommand } from '../kernel/dispatch.js';
import type { DomainError } from '../kernel/errors.js';
import type { FacilityCommand, FacilityCommandType } from './commands.js';
import type { FacilityContext } from './context.js';
import {
  completeRepair,
  dismissFault,
  orderRepair,
  recordUsage,
  reportFault,
  startRepair,
} from './decide-faults.js';
import { addPlanItem, completeTask, retirePlanItem } from './decide-plan.js';
import { recordInspection, reviewRecord } from './decide-records.js';
import {
  attachTechnicalDocument,
  correctRegistration,
  decommissionFacility,
  registerFacility,
} from './decide-registration.js';
import { completeRenovationStage, openRenovation } from './decide-renovation.js';
import {
  draftReport,
  recordSafety,
  reviewReport,
  reviewSafety,
  submitReport,
} from './decide-reviews.js';
import type { Decision } from './decide-support.js';
import type { FacilityEvent } from './events.js';
import type { FacilityState } from './state.js';

type Handler = (data: unknown, state: FacilityState, ctx: FacilityContext) => Decision;

const handlers: Record<FacilityCommandType, Handler> = {
  RegisterFacility: registerFacility,
  AttachTechnicalDocument: attachTechnicalDocument,
  CorrectFacilityRegistration: correctRegistration,
  DecommissionFacility: decommissionFacility,
  AddMaintenancePlanItem: addPlanItem,
  RetireMaintenancePlanItem: retirePlanItem,
  CompleteMaintenanceTask: completeTask,
  RecordInspection: recordInspection,
  ReviewMaintenanceRecord: reviewRecord,
  ReportFault: reportFault,
  DismissFault: dismissFault,
  OrderRepair: orderRepair,
  StartRepair: startRepair,
  CompleteRepair: completeRepair,
  RecordUsage: recordUsage,
  OpenRenovationProject: openRenovation,
  CompleteRenovationStage: completeRenovationStage,
  RecordSafetyRecord: recordSafety,
  ReviewSafetyRecord: reviewSafety,
  DraftMaintenanceReport: draftReport,
  ReviewMaintenanceReport: reviewReport,
  SubmitMaintenanceReport: submitReport,
};

/** Decides a facility command against the facility's state (pure; never throws). */
export const decideFacility = (
  command: FacilityCommand,
  state: FacilityState,
  ctx: FacilityContext,
): E.Either<DomainError, readonly FacilityEvent[]> => {
  // Each handler validates its own `data`: some rules (the four fixed, FAC-03) read the raw
  // input first so that a missing field gets its own error, not a generic one.
  const read = readCommand(command, handlers, { zh: '设施', en: 'facility' });
  return E.isLeft(read) ? read : handlers[read.right.type](read.right.data, state, ctx);
};
