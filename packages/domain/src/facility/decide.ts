// The facility decider's entry: validates the command's shape, then hands it to the
// handler of its type. Never throws: every failure is a typed error.
import * as E from 'fp-ts/lib/Either.js';
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
import { type Decision, isRecord } from './decide-support.js';
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

const unknownCommand = (type: unknown): DomainError => {
  const message = {
    zh: `未知的设施命令类型：${String(type)}`,
    en: `unknown facility command type: ${String(type)}`,
  };
  return {
    kind: 'validation',
    code: 'UNKNOWN_COMMAND',
    requirement: 'X-05',
    path: ['type'],
    message,
    issues: [{ path: ['type'], rule: 'unknown-command', message }],
  };
};

/** Decides a facility command against the facility's state (pure; never throws). */
export const decideFacility = (
  command: FacilityCommand,
  state: FacilityState,
  ctx: FacilityContext,
): E.Either<DomainError, readonly FacilityEvent[]> => {
  const raw: unknown = command;
  const type = isRecord(raw) ? raw.type : undefined;
  if (typeof type !== 'string' || !Object.hasOwn(handlers, type))
    return E.left(unknownCommand(type));
  return handlers[type as FacilityCommandType]((raw as { data?: unknown }).data, state, ctx);
};
