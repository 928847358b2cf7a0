import type { Cycle } from '../policy/common.js';
import type {
  FacilityCondition,
  FacilityPersonRef,
  RegistrationFields,
  RenovationStage,
  RepairClass,
  RepairPriority,
  ReviewDecision,
  ScheduleMode,
  TechnicalDocument,
} from './schemas.js';

/** A plan item of the maintenance plan (FAC-03). */
export interface PlanItemState {
  readonly planItemId: string;
  readonly taskKind: string;
  readonly title: string;
  readonly person: FacilityPersonRef;
  readonly post: string;
  readonly responsibility: string;
  readonly mode: ScheduleMode;
  readonly cycle: Cycle;
  readonly firstDueDate: string;
  /** The open task of this item, if any. */
  readonly openTaskId?: string;
  readonly occurrences: number;
  readonly retired: boolean;
}

/** A scheduled task not yet done (FAC-12). Done and cancelled tasks leave the state. */
export interface OpenTaskState {
  readonly taskId: string;
  readonly planItemId: string;
  readonly taskKind: string;
  readonly occurrence: number;
  readonly dueDate: string;
  readonly dueAt: string;
}

/** An inspection / maintenance record (FAC-05). */
export interface RecordState {
  readonly recordId: string;
  readonly recordNumber: string;
  readonly signedById: string;
  readonly personnelIds: readonly string[];
  readonly performedAt: string;
  readonly retainUntil: string;
  /** `signed` until reviewed; `final` once approved; `returned` sends it back. */
  readonly status: 'signed' | 'final' | 'returned' | 'superseded';
}

export interface FaultState {
  readonly faultId: string;
  readonly source: 'usage' | 'inspection' | 'ticket';
  readonly sourceRef: string;
  readonly urgency: RepairPriority;
  readonly status: 'open' | 'repair-ordered' | 'resolved' | 'dismissed';
}

export interface RepairOrderState {
  readonly repairOrderId: string;
  readonly faultId: string;
  readonly repairClass: RepairClass;
  readonly priority: RepairPriority;
  readonly orderedAt: string;
  readonly status: 'ordered' | 'in-progress' | 'completed' | 'cancelled';
}

export interface RenovationState {
  readonly projectId: string;
  readonly kind: string;
  /** The last completed stage; undefined right after opening. */
  readonly stage?: RenovationStage;
}

export interface ReviewableState {
  readonly authorId: string;
  readonly status: 'awaiting-review' | ReviewDecision | 'submitted';
}

/** Everything the facility decider needs to know, folded from the facility's events. */
export interface FacilityState {
  readonly status: 'unregistered' | 'active' | 'decommissioned';
  readonly facilityId?: string;
  readonly registration?: RegistrationFields;
  readonly technicalDocuments: readonly TechnicalDocument[];
  /** FAC-13: the condition set by the latest inspection. */
  readonly condition?: FacilityCondition;
  readonly conditionSetAt?: string;
  readonly planItems: Readonly<Record<string, PlanItemState>>;
  readonly openTasks: Readonly<Record<string, OpenTaskState>>;
  readonly records: Readonly<Record<string, RecordState>>;
  /** Record number → record id; numbers are unique within the facility. */
  readonly recordNumbers: Readonly<Record<string, string>>;
  readonly faults: Readonly<Record<string, FaultState>>;
  readonly repairOrders: Readonly<Record<string, RepairOrderState>>;
  /** FAC-06: open repair orders, urgent first, then in order of ordering (先急后缓). */
  readonly repairQueue: readonly string[];
  readonly usageRecordIds: readonly string[];
  readonly renovations: Readonly<Record<string, RenovationState>>;
  readonly safetyRecords: Readonly<Record<string, ReviewableState>>;
  readonly reports: Readonly<Record<string, ReviewableState>>;
  /** Counts for a replacement assessment's maintenance history (FAC-06). */
  readonly history: {
    readonly inspections: number;
    readonly repairs: number;
    readonly faults: number;
    readonly lastInspectionAt?: string;
  };
}

export const initialFacilityState: FacilityState = {
  status: 'unregistered',
  technicalDocuments: [],
  planItems: {},
  openTasks: {},
  records: {},
  recordNumbers: {},
  faults: {},
  repairOrders: {},
  repairQueue: [],
  usageRecordIds: [],
  renovations: {},
  safetyRecords: {},
  reports: {},
  history: { inspections: 0, repairs: 0, faults: 0 },
};

/** The entry under `key`, only if it is the record's own (ids such as `constructor` are valid). */
export const own = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.hasOwn(record, key) ? record[key] : undefined;
