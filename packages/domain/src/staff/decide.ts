import { createDecide, type DecideFunction } from '../kernel/dispatch.js';
import type { RequirementId } from '../kernel/requirement.js';
import { type StaffCommand, StaffCommandSchemas, type StaffCommandType } from './commands.js';
import type { StaffContext } from './context.js';
import { changeRole, putOnPost, registerStaff, takeOffPost } from './decide-post.js';
import {
  recordAssessment,
  recordCertificate,
  recordPerformance,
  recordTraining,
  renewCertificate,
  revokeCertificate,
} from './decide-records.js';
import {
  endSecondment,
  recordConductIncident,
  recordVerifiedComplaint,
} from './decide-seconded.js';
import { staffTransition } from './errors.js';
import type { StaffEvent } from './events.js';
import type { StaffHandler } from './handler.js';
import type { StaffState } from './state.js';

/** The requirement each command's input is validated for (named in validation errors). */
const REQUIREMENT: Readonly<Record<StaffCommandType, RequirementId>> = {
  RegisterStaff: 'STF-01',
  ChangeRole: 'STF-01',
  PutOnPost: 'STF-01',
  TakeOffPost: 'STF-01',
  RecordCertificate: 'STF-02',
  RenewCertificate: 'STF-02',
  RevokeCertificate: 'STF-02',
  RecordTraining: 'STF-03',
  RecordAssessment: 'STF-03',
  RecordPerformance: 'STF-05',
  RecordConductIncident: 'STF-04',
  RecordVerifiedComplaint: 'STF-04',
  EndSecondment: 'STF-04',
};

const HANDLERS: { readonly [K in StaffCommandType]: StaffHandler<K> } = {
  RegisterStaff: registerStaff,
  ChangeRole: changeRole,
  PutOnPost: putOnPost,
  TakeOffPost: takeOffPost,
  RecordCertificate: recordCertificate,
  RenewCertificate: renewCertificate,
  RevokeCertificate: revokeCertificate,
  RecordTraining: recordTraining,
  RecordAssessment: recordAssessment,
  RecordPerformance: recordPerformance,
  RecordConductIncident: recordConductIncident,
  RecordVerifiedComplaint: recordVerifiedComplaint,
  EndSecondment: endSecondment,
};

/**
 * Decides a staff command (STF-01 … STF-05): validates its data, then applies the rules.
 * Never throws; every refusal is a typed error.
 */
export const decideStaff: DecideFunction<StaffCommand, StaffEvent, StaffState, StaffContext> =
  createDecide({
    aggregate: { zh: '人员', en: 'staff' },
    schemas: StaffCommandSchemas,
    requirementOf: REQUIREMENT,
    handlers: HANDLERS,
    guard: (type, state) =>
      state.status === 'unregistered' && type !== 'RegisterStaff'
        ? staffTransition('STAFF_NOT_REGISTERED', 'STF-01', state.status, type)
        : undefined,
  });
