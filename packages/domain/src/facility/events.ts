// The facility events: one stream per facility (`facility-<id>`) holds its registration,
// plan, records, faults, repairs, renovation projects, safety records and reports.
import { z } from 'zod';
import { ActorSchema, type DomainEvent } from '../kernel/envelope.js';
import { IdSchema, InstantSchema, IsoDateSchema, personal, Text } from '../kernel/schemas.js';
import { Cycle } from '../policy/common.js';
import {
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

/** Name, number and location as they stood when a record was written (FAC-05, FAC-11). */
const FacilitySnapshot = z.object({
  name: Text(200),
  number: Text(64),
  location: Text(500),
  classKey: FacilityKey,
});

/** FAC-06: the assessment behind a replacement, with the figures the archive already knew. */
export const ReplacementAssessment = z.object({
  damageDegree: z.enum(['slight', 'partial', 'severe', 'total']),
  damageDescription: Text(2000),
  /** Whole years since the construction date, on the day of the decision. */
  ageInServiceYears: z.number().int().min(0),
  maintenanceHistory: z.object({
    inspections: z.number().int().min(0),
    repairs: z.number().int().min(0),
    faults: z.number().int().min(0),
    lastInspectionAt: InstantSchema.optional(),
    notes: Text(2000).optional(),
  }),
  userFeedback: Text(2000),
  repairCost: Money,
  replacementCost: Money,
  justification: Text(2000),
});

const RegistrationPatch = RegistrationFields.partial();

/** The data schema of every facility event, by event type. */
export const FacilityEventSchemas = {
  FacilityRegistered: RegistrationFields.extend({
    facilityId: IdSchema,
    technicalDocuments: z.array(TechnicalDocument),
    registeredAt: InstantSchema,
  }),
  TechnicalDocumentAttached: z.object({ document: TechnicalDocument, attachedAt: InstantSchema }),
  FacilityRegistrationCorrected: z.object({
    /** Names of the fields that changed. */
    changed: z.array(z.string()).min(1),
    before: RegistrationPatch,
    after: RegistrationPatch,
    reason: Reason,
    correctsEventId: z.string().optional(),
    correctedBy: ActorSchema,
    correctedAt: InstantSchema,
  }),
  FacilityDecommissioned: z.object({
    reason: Reason,
    effectiveDate: IsoDateSchema,
    decommissionedAt: InstantSchema,
    /** Scheduled tasks that will no longer fall due (K-02 drops them). */
    cancelledTaskIds: z.array(IdSchema),
    cancelledRepairOrderIds: z.array(IdSchema),
  }),

  MaintenancePlanItemAdded: z.object({
    planItemId: IdSchema,
    taskKind: FacilityKey,
    title: Text(200),
    classKey: FacilityKey,
    person: FacilityPersonRef,
    post: Text(200),
    schedule: z.object({
      mode: ScheduleMode,
      cycle: Cycle,
      /** Where the cycle came from (FAC-04). */
      cycleSource: z.enum(['override', 'class-default', 'any-facility-default', 'risk-level']),
      riskLevel: RiskLevel.optional(),
      firstDueDate: IsoDateSchema,
    }),
    responsibility: Text(2000),
    addedAt: InstantSchema,
  }),
  MaintenancePlanItemRetired: z.object({
    planItemId: IdSchema,
    reason: Reason,
    cancelledTaskIds: z.array(IdSchema),
    retiredAt: InstantSchema,
  }),
  MaintenanceTaskScheduled: z.object({
    taskId: IdSchema,
    planItemId: IdSchema,
    taskKind: FacilityKey,
    classKey: FacilityKey,
    /** 1 for the plan item's first task. */
    occurrence: z.number().int().min(1),
    dueDate: IsoDateSchema,
    /** The task is overdue from this instant on (end of `dueDate` in the calendar's zone). */
    dueAt: InstantSchema,
    /** What the due date counts from: the first due date, the previous due date (fixed) or the completion (floating). */
    basis: z.enum(['first', 'previous-due', 'completion']),
  }),
  MaintenanceTaskCompleted: z.object({
    taskId: IdSchema,
    planItemId: IdSchema,
    taskKind: FacilityKey,
    occurrence: z.number().int().min(1),
    dueDate: IsoDateSchema,
    completedAt: InstantSchema,
    completedOn: IsoDateSchema,
    /** Done on or before its due date (K-02). */
    onTime: z.boolean(),
    performedBy: FacilityPersonRef,
    /** The inspection record that completed it, if any. */
    recordId: IdSchema.optional(),
    notes: Text(2000).optional(),
  }),

  FacilityInspected: z.object({
    recordId: IdSchema,
    recordNumber: Text(64),
    taskId: IdSchema.optional(),
    facility: FacilitySnapshot,
    performedAt: InstantSchema,
    personnel: z.array(FacilityPersonRef).min(1),
    content: Text(4000),
    result: InspectionResult,
    condition: FacilityCondition,
    findings: Text(4000).optional(),
    /** The maintainer's signature 维护人员签字. */
    signedBy: FacilityPersonRef,
    signedAt: InstantSchema,
    retentionYears: z.number().int().min(1),
    retainUntil: IsoDateSchema,
    /** The fault an abnormal result opened (a `FaultReported` follows in the same batch). */
    faultId: IdSchema.optional(),
    supersedesRecordId: IdSchema.optional(),
  }),
  MaintenanceRecordReviewed: z.object({
    recordId: IdSchema,
    recordNumber: Text(64),
    decision: ReviewDecision,
    comment: Text(2000).optional(),
    reviewer: ActorSchema,
    reviewedAt: InstantSchema,
    /** True once approved: the record is final. */
    final: z.boolean(),
  }),

  FaultReported: z.object({
    faultId: IdSchema,
    source: z.enum(['usage', 'inspection', 'ticket']),
    ticketId: IdSchema.optional(),
    recordId: IdSchema.optional(),
    usageRecordId: IdSchema.optional(),
    description: Text(2000),
    urgency: RepairPriority,
    reportedAt: InstantSchema,
  }),
  FaultDismissed: z.object({ faultId: IdSchema, reason: Reason, dismissedAt: InstantSchema }),
  RepairOrdered: z.object({
    repairOrderId: IdSchema,
    faultId: IdSchema,
    repairClass: RepairClass,
    priority: RepairPriority,
    assignee: FacilityPersonRef,
    orderedAt: InstantSchema,
    dueDate: IsoDateSchema.optional(),
    /** Present for a replacement (FAC-06). */
    assessment: ReplacementAssessment.optional(),
  }),
  RepairStarted: z.object({
    repairOrderId: IdSchema,
    startedAt: InstantSchema,
    performedBy: FacilityPersonRef,
  }),
  RepairCompleted: z.object({
    repairOrderId: IdSchema,
    faultId: IdSchema,
    repairClass: RepairClass,
    completedAt: InstantSchema,
    performedBy: FacilityPersonRef,
    outcome: Text(2000),
    cost: Money.optional(),
  }),
  FaultResolved: z.object({
    faultId: IdSchema,
    repairOrderId: IdSchema,
    resolvedAt: InstantSchema,
  }),
  UsageRecorded: z.object({
    usageRecordId: IdSchema,
    user: z.object({
      id: IdSchema.optional(),
      name: personal(Text(100), 'name').optional(),
    }),
    usedAt: InstantSchema,
    state: z.enum(['normal', 'abnormal', 'out-of-service']),
    operation: Text(1000),
    durationMinutes: z.number().int().min(0).optional(),
    faultId: IdSchema.optional(),
  }),

  RenovationProjectOpened: z.object({
    projectId: IdSchema,
    kind: RenovationKind,
    title: Text(200),
    openedBy: ActorSchema,
    openedAt: InstantSchema,
  }),
  RenovationStageCompleted: z.object({
    projectId: IdSchema,
    stage: RenovationStage,
    summary: Text(4000),
    responsible: FacilityPersonRef,
    reference: Text(200).optional(),
    documents: z.array(TechnicalDocument),
    completedBy: ActorSchema,
    completedAt: InstantSchema,
  }),

  SafetyRecordAdded: z.object({
    safetyRecordId: IdSchema,
    kind: z.enum(['emergency-plan', 'drill', 'emergency-response', 'safety-check']),
    title: Text(200),
    occurredAt: InstantSchema,
    summary: Text(4000),
    participants: z.array(FacilityPersonRef),
    evaluation: Text(4000).optional(),
    documents: z.array(TechnicalDocument),
    recordedBy: ActorSchema,
    recordedAt: InstantSchema,
  }),
  SafetyRecordReviewed: z.object({
    safetyRecordId: IdSchema,
    decision: ReviewDecision,
    comment: Text(2000).optional(),
    reviewer: ActorSchema,
    reviewedAt: InstantSchema,
  }),

  MaintenanceReportDrafted: z.object({
    reportId: IdSchema,
    facility: FacilitySnapshot,
    period: z.object({ from: IsoDateSchema, to: IsoDateSchema }),
    overview: z.object({ function: Text(1000), usage: Text(2000) }),
    content: Text(8000),
    results: Text(8000),
    conclusion: z.object({
      condition: FacilityCondition,
      advice: Text(4000),
      nextPlan: Text(4000),
    }),
    /** The records the report rests on, with their retention (FAC-11). */
    records: z.array(
      z.object({ recordNumber: Text(64), recordId: IdSchema, retainUntil: IsoDateSchema }),
    ),
    retentionYears: z.number().int().min(1),
    retainUntil: IsoDateSchema,
    responsiblePerson: FacilityPersonRef,
    attachments: z.array(TechnicalDocument),
    draftedBy: ActorSchema,
    draftedAt: InstantSchema,
  }),
  MaintenanceReportReviewed: z.object({
    reportId: IdSchema,
    decision: ReviewDecision,
    comment: Text(2000).optional(),
    reviewer: ActorSchema,
    reviewedAt: InstantSchema,
  }),
  MaintenanceReportSubmitted: z.object({
    reportId: IdSchema,
    submittedTo: Text(200),
    submittedAt: InstantSchema,
  }),
} as const;

type Schemas = typeof FacilityEventSchemas;
export type FacilityEventType = keyof Schemas;
/** The data of a facility event type. */
export type FacilityEventData<T extends FacilityEventType> = z.output<Schemas[T]>;
/** Every facility event. */
export type FacilityEvent = {
  [T in FacilityEventType]: DomainEvent<T, FacilityEventData<T>>;
}[FacilityEventType];

export type FacilityRegisteredData = FacilityEventData<'FacilityRegistered'>;
export type FacilityRegistrationCorrectedData = FacilityEventData<'FacilityRegistrationCorrected'>;
export type FacilityDecommissionedData = FacilityEventData<'FacilityDecommissioned'>;
export type MaintenancePlanItemAddedData = FacilityEventData<'MaintenancePlanItemAdded'>;
export type MaintenanceTaskScheduledData = FacilityEventData<'MaintenanceTaskScheduled'>;
export type MaintenanceTaskCompletedData = FacilityEventData<'MaintenanceTaskCompleted'>;
export type FacilityInspectedData = FacilityEventData<'FacilityInspected'>;
export type MaintenanceRecordReviewedData = FacilityEventData<'MaintenanceRecordReviewed'>;
export type FaultReportedData = FacilityEventData<'FaultReported'>;
export type RepairOrderedData = FacilityEventData<'RepairOrdered'>;
export type RepairCompletedData = FacilityEventData<'RepairCompleted'>;
export type UsageRecordedData = FacilityEventData<'UsageRecorded'>;
export type RenovationStageCompletedData = FacilityEventData<'RenovationStageCompleted'>;
export type SafetyRecordAddedData = FacilityEventData<'SafetyRecordAdded'>;
export type MaintenanceReportDraftedData = FacilityEventData<'MaintenanceReportDrafted'>;
