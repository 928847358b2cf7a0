// The facility commands (FAC-01 … FAC-13): a zod schema of each command's `data`.
import { z } from 'zod';
import { IdSchema, InstantSchema, IsoDateSchema, personal, Text } from '../kernel/schemas.js';
import { Cycle } from '../policy/common.js';
import {
  FacilityClassification,
  FacilityCondition,
  FacilityKey,
  FacilityPersonRef,
  InspectionResult,
  Money,
  RegistrationFields,
  RenovationKind,
  RenovationStage,
  RepairClass,
  RepairPriority,
  ReviewDecision,
  RiskLevel,
  ScheduleMode,
  TechnicalDocument,
} from './schemas.js';

const Reason = Text(2000);

/** FAC-03: the schedule part of the four fixed 定时. */
export const PlanSchedule = z.object({
  mode: ScheduleMode.default('fixed'),
  /** First due date; defaults to today plus one cycle. */
  firstDueDate: IsoDateSchema.optional(),
  /** Overrides the policy's default cycle for this plan item (FAC-04). */
  cycle: Cycle.optional(),
  /** Special maintenance 专项: the risk level that picks its cycle (FAC-04). */
  riskLevel: RiskLevel.optional(),
});

/** FAC-06: what a replacement decision weighs (000 §2.2–2.3). */
export const ReplacementAssessmentInput = z.object({
  damageDegree: z.enum(['slight', 'partial', 'severe', 'total']),
  damageDescription: Text(2000),
  userFeedback: Text(2000),
  maintenanceHistoryNotes: Text(2000).optional(),
  repairCost: Money,
  replacementCost: Money,
  justification: Text(2000),
});

/** A fault as reported: where it came from decides which reference it carries (FAC-09). */
export const ReportFaultData = z.discriminatedUnion('source', [
  z.object({
    source: z.literal('ticket'),
    /** Defaults to `ticket-<ticketId>`. */
    faultId: IdSchema.optional(),
    ticketId: IdSchema,
    description: Text(2000),
    urgency: RepairPriority.default('routine'),
  }),
  z.object({
    source: z.literal('usage'),
    /** Defaults to `usage-<usageRecordId>`. */
    faultId: IdSchema.optional(),
    usageRecordId: IdSchema,
    description: Text(2000),
    urgency: RepairPriority.default('routine'),
  }),
  z.object({
    source: z.literal('inspection'),
    /** Defaults to `inspection-<recordId>`. */
    faultId: IdSchema.optional(),
    recordId: IdSchema,
    description: Text(2000),
    urgency: RepairPriority.default('routine'),
  }),
]);

/** The data schema of every facility command, by command type. */
export const FacilityCommandSchemas = {
  /** FAC-01, FAC-02: enter a facility into the archive. */
  RegisterFacility: RegistrationFields.extend({
    facilityId: IdSchema,
    technicalDocuments: z.array(TechnicalDocument).max(200).default([]),
  }),
  /** FAC-02: attach one more technical document by reference. */
  AttachTechnicalDocument: z.object({ document: TechnicalDocument }),
  /** FAC-02, X-01, ARC-03: correct registration data; says what changed and why. */
  CorrectFacilityRegistration: z.object({
    changes: RegistrationFields.omit({ category: true, classKey: true, subClass: true })
      .extend({ classification: FacilityClassification })
      .partial(),
    reason: Reason,
    /** The envelope id of the event being corrected, when the caller knows it. */
    correctsEventId: z.string().min(1).max(200).optional(),
  }),
  /** FAC-02, FAC-13: take the facility out of service (removal included). */
  DecommissionFacility: z.object({ reason: Reason, effectiveDate: IsoDateSchema }),

  /** FAC-03, FAC-04: a plan item with the four fixed 四定: person, post, schedule, responsibility. */
  AddMaintenancePlanItem: z.object({
    // Short enough that task ids (`<planItemId>:<n>`) stay valid ids.
    planItemId: IdSchema.max(100),
    taskKind: FacilityKey,
    title: Text(200),
    person: FacilityPersonRef,
    post: Text(200),
    schedule: PlanSchedule,
    responsibility: Text(2000),
  }),
  /** FAC-03: drop a plan item; its open task is cancelled. */
  RetireMaintenancePlanItem: z.object({ planItemId: IdSchema, reason: Reason }),
  /** FAC-12: the scheduled task was done (without an inspection record). */
  CompleteMaintenanceTask: z.object({
    taskId: IdSchema,
    performedAt: InstantSchema,
    performedBy: FacilityPersonRef,
    notes: Text(2000).optional(),
  }),

  /** FAC-05, FAC-13: an inspection / maintenance record, signed by its maintainer. */
  RecordInspection: z.object({
    // Short enough that the default fault id (`<recordId>-fault`) stays a valid id.
    recordId: IdSchema.max(100),
    recordNumber: Text(64),
    /** The scheduled task this record completes, if any (FAC-12). */
    taskId: IdSchema.optional(),
    performedAt: InstantSchema,
    personnel: z.array(FacilityPersonRef).min(1).max(50),
    /** Who signs the record; one of `personnel`. */
    maintainerId: IdSchema,
    content: Text(4000),
    result: InspectionResult,
    condition: FacilityCondition,
    findings: Text(4000).optional(),
    /** Id of the fault an abnormal result opens; defaults to `<recordId>-fault`. */
    faultId: IdSchema.optional(),
    faultUrgency: RepairPriority.default('routine'),
    /** A returned record this one replaces. */
    supersedesRecordId: IdSchema.optional(),
  }),
  /** FAC-05: the department head's review 审核; approval makes the record final. */
  ReviewMaintenanceRecord: z.object({
    recordId: IdSchema,
    decision: ReviewDecision,
    comment: Text(2000).optional(),
  }),

  /** FAC-06, FAC-09: a fault from usage, an inspection or a citizen ticket. */
  ReportFault: ReportFaultData,
  /** FAC-09: a reported fault that needs no repair (no fault found, duplicate). */
  DismissFault: z.object({ faultId: IdSchema, reason: Reason }),
  /** FAC-06: order a repair of a fault; a replacement carries its assessment. */
  OrderRepair: z.object({
    repairOrderId: IdSchema,
    faultId: IdSchema,
    repairClass: RepairClass,
    priority: RepairPriority,
    assignee: FacilityPersonRef,
    dueDate: IsoDateSchema.optional(),
    assessment: ReplacementAssessmentInput.optional(),
  }),
  /** FAC-06: work on a repair starts; urgent orders first. */
  StartRepair: z.object({
    repairOrderId: IdSchema,
    startedAt: InstantSchema,
    performedBy: FacilityPersonRef,
  }),
  /** FAC-06, FAC-08: the repair is done; the fault is resolved. */
  CompleteRepair: z.object({
    repairOrderId: IdSchema,
    performedAt: InstantSchema,
    performedBy: FacilityPersonRef,
    outcome: Text(2000),
    cost: Money.optional(),
  }),
  /** FAC-09: a usage / operation record: user, time, state, operation. */
  RecordUsage: z.object({
    usageRecordId: IdSchema,
    user: z.object({
      id: IdSchema.optional(),
      name: personal(Text(100), 'name').optional(),
    }),
    usedAt: InstantSchema,
    state: z.enum(['normal', 'abnormal', 'out-of-service']),
    operation: Text(1000),
    durationMinutes: z.number().int().min(0).max(527_040).optional(),
    /** A fault seen while using the facility; opens a fault with source `usage`. */
    fault: z
      .object({
        faultId: IdSchema,
        description: Text(2000),
        urgency: RepairPriority.default('routine'),
      })
      .optional(),
  }),

  /** FAC-07: open a renovation / upgrade project (its first step is the needs analysis). */
  OpenRenovationProject: z.object({
    projectId: IdSchema,
    kind: RenovationKind,
    title: Text(200),
  }),
  /** FAC-07: complete the next lifecycle step; no step may be skipped. */
  CompleteRenovationStage: z.object({
    projectId: IdSchema,
    stage: RenovationStage,
    summary: Text(4000),
    responsible: FacilityPersonRef,
    /** Approval number 立项文号, acceptance certificate … */
    reference: Text(200).optional(),
    documents: z.array(TechnicalDocument).max(50).default([]),
  }),

  /** FAC-10: a safety / emergency record: plan, drill, response or safety check. */
  RecordSafetyRecord: z.object({
    safetyRecordId: IdSchema,
    kind: z.enum(['emergency-plan', 'drill', 'emergency-response', 'safety-check']),
    title: Text(200),
    occurredAt: InstantSchema,
    summary: Text(4000),
    participants: z.array(FacilityPersonRef).max(200).default([]),
    /** Required for drills (EMG-03): how the drill went and what to improve. */
    evaluation: Text(4000).optional(),
    documents: z.array(TechnicalDocument).max(50).default([]),
  }),
  /** FAC-10: review of a safety / emergency record. */
  ReviewSafetyRecord: z.object({
    safetyRecordId: IdSchema,
    decision: ReviewDecision,
    comment: Text(2000).optional(),
  }),

  /** FAC-11: draft a maintenance report (000 §2.5.2). */
  DraftMaintenanceReport: z.object({
    reportId: IdSchema,
    period: z.object({ from: IsoDateSchema, to: IsoDateSchema }),
    overview: z.object({ function: Text(1000), usage: Text(2000) }),
    content: Text(8000),
    results: Text(8000),
    conclusion: z.object({
      condition: FacilityCondition,
      advice: Text(4000),
      nextPlan: Text(4000),
    }),
    recordNumbers: z.array(Text(64)).max(1000),
    responsiblePerson: FacilityPersonRef,
    attachments: z.array(TechnicalDocument).max(100).default([]),
  }),
  /** FAC-11: the maintenance head's review. */
  ReviewMaintenanceReport: z.object({
    reportId: IdSchema,
    decision: ReviewDecision,
    comment: Text(2000).optional(),
  }),
  /** FAC-11: hand the approved report to the department it is for. */
  SubmitMaintenanceReport: z.object({ reportId: IdSchema, submittedTo: Text(200) }),
} as const;

type Schemas = typeof FacilityCommandSchemas;
export type FacilityCommandType = keyof Schemas;
/** Validated data of a command type. */
export type FacilityCommandData<T extends FacilityCommandType> = z.output<Schemas[T]>;
/** Input data of a command type (defaults may be omitted). */
export type FacilityCommandInput<T extends FacilityCommandType> = z.input<Schemas[T]>;
/** A facility command as callers send it. */
export type FacilityCommand = {
  [T in FacilityCommandType]: { readonly type: T; readonly data: FacilityCommandInput<T> };
}[FacilityCommandType];
