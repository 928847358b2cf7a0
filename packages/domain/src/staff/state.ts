import type { StaffRole } from './roles.js';
import type { TriggerKind } from './triggers.js';

/** Where a staff member stands: registered, on post, off post, or gone (seconded only). */
export type StaffStatus = 'unregistered' | 'registered' | 'on-post' | 'off-post' | 'departed';

/** A certificate as the staff record holds it (STF-02). */
export interface CertificateState {
  readonly kind: string;
  readonly number: string;
  readonly issuer?: string;
  readonly validFrom: string;
  readonly validUntil: string;
  /** First day the certificate no longer counts, when revoked. */
  readonly revokedOn?: string;
}

/** One item counted towards a removal trigger (STF-04). */
export interface TriggerEntry {
  readonly id: string;
  readonly trigger: TriggerKind;
  readonly on: string;
  readonly quantity: number;
}

export interface SecondmentState {
  readonly sendingUnit: string;
  readonly startDate: string;
  readonly minTermEndsOn: string;
}

export interface StaffState {
  readonly status: StaffStatus;
  readonly staffId?: string;
  readonly role?: StaffRole;
  readonly unit?: string;
  readonly secondment?: SecondmentState;
  /** Date of the latest on-post or off-post change. */
  readonly postChangedOn?: string;
  readonly certificates: readonly CertificateState[];
  readonly trainingIds: readonly string[];
  readonly lastTrainedOn?: string;
  readonly assessmentIds: readonly string[];
  readonly performanceRecordIds: readonly string[];
  /** Conduct records and verified complaints, the inputs of STF-04's triggers. */
  readonly triggerEntries: readonly TriggerEntry[];
  /** Triggers that already required a return; each is raised once per secondment. */
  readonly triggersReached: readonly TriggerKind[];
}

export const initialStaffState: StaffState = {
  status: 'unregistered',
  certificates: [],
  trainingIds: [],
  assessmentIds: [],
  performanceRecordIds: [],
  triggerEntries: [],
  triggersReached: [],
};
