import type {
  Actor,
  FacilityEvent,
  FacilityEventData,
  IncidentEvent,
  RegistrationFields,
  ReserveEvent,
  StoredEvent,
  TechnicalDocument,
} from '@civic-ledger/domain';
import {
  type ChangeEntry,
  changeEntry,
  envelopeOf,
  idOf,
  push,
  replaceWhere,
} from '../kernel/events.js';
import { readableData } from '../kernel/masking.js';
import type { Projection } from '../kernel/projection.js';
import { snapshot } from '../kernel/snapshot.js';

const PREFIX = 'facility-';

type RegistrationPatch = FacilityEventData<'FacilityRegistrationCorrected'>['after'];

/** The basic info with a correction's new values (keys the correction leaves out stay). */
const corrected = (info: RegistrationFields, after: RegistrationPatch): RegistrationFields => {
  const out: Record<string, unknown> = { ...info };
  for (const [k, v] of Object.entries(after)) if (v !== undefined) out[k] = v;
  return out as RegistrationFields;
};

/** A correction of the basic info: who, when, why, and what changed (ARC-03). */
export interface BasicInfoCorrection {
  readonly changed: readonly string[];
  readonly before: RegistrationPatch;
  readonly after: RegistrationPatch;
  readonly reason: string;
  readonly correctedBy: Actor;
  readonly correctedAt: string;
  readonly eventId: string;
  readonly correctsEventId?: string;
}

/** A review (审核) of a record. */
export interface ReviewEntry {
  readonly decision: 'approved' | 'returned';
  readonly reviewer: Actor;
  readonly reviewedAt: string;
  readonly comment?: string;
}

/** An inspection / maintenance record with its review status (FAC-05): final once approved. */
export interface InspectionEntry {
  readonly record: FacilityEventData<'FacilityInspected'>;
  readonly reviewStatus: 'pending' | 'approved' | 'returned';
  readonly reviews: readonly ReviewEntry[];
  readonly supersededBy?: string;
}

export interface ScheduledTaskEntry {
  readonly taskId: string;
  readonly planItemId: string;
  readonly taskKind: string;
  readonly dueDate: string;
  readonly dueAt: string;
  readonly status: 'scheduled' | 'done' | 'cancelled';
  readonly completedOn?: string;
  readonly onTime?: boolean;
  readonly recordId?: string;
}

export interface RepairEntry {
  readonly order: FacilityEventData<'RepairOrdered'>;
  readonly status: 'ordered' | 'in-progress' | 'completed';
  readonly startedAt?: string;
  readonly completion?: FacilityEventData<'RepairCompleted'>;
}

/** A fault and the repairs made for it (ARC-01 operation records). */
export interface FaultEntry {
  readonly fault: FacilityEventData<'FaultReported'>;
  readonly status: 'open' | 'dismissed' | 'resolved';
  readonly closedAt?: string;
  readonly dismissalReason?: string;
  readonly repairs: readonly RepairEntry[];
}

export interface SafetyEntry {
  readonly record: FacilityEventData<'SafetyRecordAdded'>;
  readonly reviews: readonly ReviewEntry[];
}

export interface RenovationEntry {
  readonly projectId: string;
  readonly kind: string;
  readonly title: string;
  readonly openedAt: string;
  readonly stages: readonly FacilityEventData<'RenovationStageCompleted'>[];
}

export interface ReportEntry {
  readonly draft: FacilityEventData<'MaintenanceReportDrafted'>;
  readonly reviews: readonly ReviewEntry[];
  readonly submittedTo?: string;
  readonly submittedAt?: string;
}

/** An emergency (EMG-01, EMG-02) that affected the facility, with its stages (ARC-01). */
export interface IncidentEntry {
  readonly incidentId: string;
  readonly title: string;
  readonly level: string;
  /** The latest step's event type. */
  readonly status: string;
  readonly steps: readonly { readonly type: string; readonly at: string }[];
}

/** The archive of one facility (ARC-01): complete, traceable, updated with every event. */
export interface FacilityDossier {
  readonly facilityId: string;
  readonly status: 'active' | 'decommissioned';
  /** Basic info as it stands now (FAC-02). */
  readonly basicInfo: RegistrationFields;
  readonly registeredAt: string;
  /** Every correction of the basic info (ARC-03). */
  readonly corrections: readonly BasicInfoCorrection[];
  readonly technicalDocuments: readonly (TechnicalDocument & { readonly attachedAt: string })[];
  readonly maintenancePlan: readonly (FacilityEventData<'MaintenancePlanItemAdded'> & {
    readonly retired?: { readonly reason: string; readonly retiredAt: string };
  })[];
  readonly tasks: readonly ScheduledTaskEntry[];
  readonly inspections: readonly InspectionEntry[];
  readonly faults: readonly FaultEntry[];
  readonly usage: readonly FacilityEventData<'UsageRecorded'>[];
  readonly renovations: readonly RenovationEntry[];
  readonly safety: readonly SafetyEntry[];
  /** Emergencies that affected the facility (the Incident aggregate). */
  readonly incidents: readonly IncidentEntry[];
  /** Reserve-capacity records (EMG-04), with breaches and restorations. */
  readonly reserves: readonly ReserveEvent[];
  readonly reports: readonly ReportEntry[];
  /** FAC-13: the latest condition an inspection found. */
  readonly condition?: {
    readonly condition: 'intact' | 'not-intact';
    readonly since: string;
    readonly recordId: string;
  };
  readonly decommissioned?: { readonly reason: string; readonly effectiveDate: string };
  /** Who, when, what, why of every event in the dossier (ARC-03). */
  readonly changes: readonly ChangeEntry[];
}

export interface FacilityArchiveState {
  readonly dossiers: Map<string, FacilityDossier>;
  /** Each incident's title, level and the facilities it affects. */
  readonly incidents: Map<
    string,
    { readonly title: string; readonly level: string; readonly facilityIds: readonly string[] }
  >;
}

export interface FacilityArchiveQueries {
  dossier(facilityId: string): FacilityDossier | undefined;
  /** Facility ids, optionally of one class. */
  list(filter?: {
    readonly classKey?: string;
    readonly status?: 'active' | 'decommissioned';
  }): readonly string[];
}

const review = (d: {
  decision: 'approved' | 'returned';
  reviewer: Actor;
  reviewedAt: string;
  comment?: string | undefined;
}): ReviewEntry => ({
  decision: d.decision,
  reviewer: d.reviewer,
  reviewedAt: d.reviewedAt,
  ...(d.comment !== undefined ? { comment: d.comment } : {}),
});

const evolveDossier = (d: FacilityDossier, e: FacilityEvent): FacilityDossier => {
  switch (e.type) {
    case 'FacilityRegistered':
      return d;
    case 'TechnicalDocumentAttached':
      return {
        ...d,
        technicalDocuments: [
          ...d.technicalDocuments,
          { ...e.data.document, attachedAt: e.data.attachedAt },
        ],
      };
    case 'FacilityRegistrationCorrected':
      return d; // handled with the envelope (needs the event id)
    case 'FacilityDecommissioned':
      return {
        ...d,
        status: 'decommissioned',
        decommissioned: { reason: e.data.reason, effectiveDate: e.data.effectiveDate },
        tasks: d.tasks.map((t) =>
          e.data.cancelledTaskIds.includes(t.taskId) ? { ...t, status: 'cancelled' } : t,
        ),
      };
    case 'MaintenancePlanItemAdded':
      return { ...d, maintenancePlan: [...d.maintenancePlan, e.data] };
    case 'MaintenancePlanItemRetired':
      return {
        ...d,
        maintenancePlan: replaceWhere(
          d.maintenancePlan,
          (p) => p.planItemId === e.data.planItemId,
          (p) => ({ ...p, retired: { reason: e.data.reason, retiredAt: e.data.retiredAt } }),
        ),
        tasks: d.tasks.map((t) =>
          e.data.cancelledTaskIds.includes(t.taskId) ? { ...t, status: 'cancelled' } : t,
        ),
      };
    case 'MaintenanceTaskScheduled':
      return {
        ...d,
        tasks: push(d.tasks, {
          taskId: e.data.taskId,
          planItemId: e.data.planItemId,
          taskKind: e.data.taskKind,
          dueDate: e.data.dueDate,
          dueAt: e.data.dueAt,
          status: 'scheduled',
        }),
      };
    case 'MaintenanceTaskCompleted':
      return {
        ...d,
        tasks: replaceWhere(
          d.tasks,
          (t) => t.taskId === e.data.taskId,
          (t) => ({
            ...t,
            status: 'done',
            completedOn: e.data.completedOn,
            onTime: e.data.onTime,
            ...(e.data.recordId !== undefined ? { recordId: e.data.recordId } : {}),
          }),
        ),
      };
    case 'FacilityInspected': {
      const inspections = e.data.supersedesRecordId
        ? replaceWhere(
            d.inspections,
            (i) => i.record.recordId === e.data.supersedesRecordId,
            (i) => ({ ...i, supersededBy: e.data.recordId }),
          )
        : d.inspections;
      return {
        ...d,
        inspections: push(inspections, { record: e.data, reviewStatus: 'pending', reviews: [] }),
        condition: {
          condition: e.data.condition,
          since: e.data.performedAt,
          recordId: e.data.recordId,
        },
      };
    }
    case 'MaintenanceRecordReviewed':
      return {
        ...d,
        inspections: replaceWhere(
          d.inspections,
          (i) => i.record.recordId === e.data.recordId,
          (i) => ({ ...i, reviewStatus: e.data.decision, reviews: [...i.reviews, review(e.data)] }),
        ),
      };
    case 'FaultReported':
      return { ...d, faults: [...d.faults, { fault: e.data, status: 'open', repairs: [] }] };
    case 'FaultDismissed':
      return {
        ...d,
        faults: replaceWhere(
          d.faults,
          (f) => f.fault.faultId === e.data.faultId,
          (f) => ({
            ...f,
            status: 'dismissed',
            closedAt: e.data.dismissedAt,
            dismissalReason: e.data.reason,
          }),
        ),
      };
    case 'RepairOrdered':
      return {
        ...d,
        faults: replaceWhere(
          d.faults,
          (f) => f.fault.faultId === e.data.faultId,
          (f) => ({ ...f, repairs: [...f.repairs, { order: e.data, status: 'ordered' }] }),
        ),
      };
    case 'RepairStarted':
    case 'RepairCompleted': {
      const data = e.data;
      const step = (r: RepairEntry): RepairEntry =>
        e.type === 'RepairStarted'
          ? { ...r, status: 'in-progress', startedAt: e.data.startedAt }
          : { ...r, status: 'completed', completion: e.data };
      return {
        ...d,
        faults: d.faults.map((f) =>
          f.repairs.some((r) => r.order.repairOrderId === data.repairOrderId)
            ? {
                ...f,
                repairs: replaceWhere(
                  f.repairs,
                  (r) => r.order.repairOrderId === data.repairOrderId,
                  step,
                ),
              }
            : f,
        ),
      };
    }
    case 'FaultResolved':
      return {
        ...d,
        faults: replaceWhere(
          d.faults,
          (f) => f.fault.faultId === e.data.faultId,
          (f) => ({ ...f, status: 'resolved', closedAt: e.data.resolvedAt }),
        ),
      };
    case 'UsageRecorded':
      return { ...d, usage: push(d.usage, e.data) };
    case 'RenovationProjectOpened':
      return {
        ...d,
        renovations: [
          ...d.renovations,
          {
            projectId: e.data.projectId,
            kind: e.data.kind,
            title: e.data.title,
            openedAt: e.data.openedAt,
            stages: [],
          },
        ],
      };
    case 'RenovationStageCompleted':
      return {
        ...d,
        renovations: replaceWhere(
          d.renovations,
          (r) => r.projectId === e.data.projectId,
          (r) => ({ ...r, stages: [...r.stages, e.data] }),
        ),
      };
    case 'SafetyRecordAdded':
      return { ...d, safety: [...d.safety, { record: e.data, reviews: [] }] };
    case 'SafetyRecordReviewed':
      return {
        ...d,
        safety: replaceWhere(
          d.safety,
          (s) => s.record.safetyRecordId === e.data.safetyRecordId,
          (s) => ({ ...s, reviews: [...s.reviews, review(e.data)] }),
        ),
      };
    case 'MaintenanceReportDrafted':
      return { ...d, reports: [...d.reports, { draft: e.data, reviews: [] }] };
    case 'MaintenanceReportReviewed':
      return {
        ...d,
        reports: replaceWhere(
          d.reports,
          (r) => r.draft.reportId === e.data.reportId,
          (r) => ({ ...r, reviews: [...r.reviews, review(e.data)] }),
        ),
      };
    case 'MaintenanceReportSubmitted':
      return {
        ...d,
        reports: replaceWhere(
          d.reports,
          (r) => r.draft.reportId === e.data.reportId,
          (r) => ({ ...r, submittedTo: e.data.submittedTo, submittedAt: e.data.submittedAt }),
        ),
      };
    default:
      return d;
  }
};

const registered = (
  facilityId: string,
  data: FacilityEventData<'FacilityRegistered'>,
): FacilityDossier => {
  const { facilityId: _id, technicalDocuments, registeredAt, ...basicInfo } = data;
  return {
    facilityId,
    status: 'active',
    basicInfo,
    registeredAt,
    corrections: [],
    technicalDocuments: technicalDocuments.map((doc) => ({ ...doc, attachedAt: registeredAt })),
    maintenancePlan: [],
    tasks: [],
    inspections: [],
    faults: [],
    usage: [],
    renovations: [],
    safety: [],
    incidents: [],
    reserves: [],
    reports: [],
    changes: [],
  };
};

/** Records an incident step in the dossier of every facility it affects. */
const applyIncident = (
  state: FacilityArchiveState,
  stored: StoredEvent,
  incidentId: string,
  privileged: boolean,
): void => {
  const raw = envelopeOf<IncidentEvent>(stored);
  const e = { type: raw.type, data: readableData(raw.type, raw.data, privileged) } as IncidentEvent;
  const known = state.incidents.get(incidentId);
  let incident = known;
  if (e.type === 'IncidentWarningIssued')
    incident = { title: e.data.title, level: e.data.level, facilityIds: e.data.affectedFacilities };
  else if (incident && e.type === 'IncidentFacilitiesAdded')
    incident = {
      ...incident,
      facilityIds: [...new Set([...incident.facilityIds, ...e.data.facilityIds])],
    };
  else if (incident && e.type === 'IncidentLevelChanged')
    incident = { ...incident, level: e.data.to };
  if (!incident) return;
  state.incidents.set(incidentId, incident);
  const current = incident;
  for (const facilityId of current.facilityIds) {
    const d = state.dossiers.get(facilityId);
    if (!d) continue;
    const step = { type: e.type, at: e.data.at };
    const existing = d.incidents.find((i) => i.incidentId === incidentId);
    const entry: IncidentEntry = existing
      ? { ...existing, level: current.level, status: e.type, steps: [...existing.steps, step] }
      : { incidentId, title: current.title, level: current.level, status: e.type, steps: [step] };
    push(d.changes, changeEntry(stored));
    state.dossiers.set(facilityId, {
      ...d,
      incidents: existing
        ? replaceWhere(
            d.incidents,
            (i) => i === existing,
            () => entry,
          )
        : [...d.incidents, entry],
    });
  }
};

/** Adds a reserve-capacity record to the facility's dossier. */
const applyReserve = (state: FacilityArchiveState, stored: StoredEvent): void => {
  const e = envelopeOf<ReserveEvent>(stored);
  const d = state.dossiers.get(e.data.facilityId);
  if (!d) return;
  push(d.reserves, { type: e.type, data: e.data } as ReserveEvent);
  push(d.changes, changeEntry(stored));
};

/** Applies one facility event to the archive; personal data is masked unless `privileged`. */
export const applyFacilityArchive = (
  state: FacilityArchiveState,
  stored: StoredEvent,
  privileged = false,
): FacilityArchiveState => {
  const { streamId } = stored.envelope;
  const incidentId = idOf(streamId, 'incident-');
  if (incidentId !== undefined) {
    applyIncident(state, stored, incidentId, privileged);
    return state;
  }
  if (streamId.startsWith('reserve-')) {
    applyReserve(state, stored);
    return state;
  }
  const facilityId = idOf(streamId, PREFIX);
  if (facilityId === undefined) return state;
  const raw = envelopeOf<FacilityEvent>(stored);
  const e = { ...raw, data: readableData(raw.type, raw.data, privileged) } as typeof raw;
  const existing =
    e.type === 'FacilityRegistered'
      ? registered(facilityId, e.data)
      : state.dossiers.get(facilityId);
  // Events before registration cannot happen; ignore rather than invent a dossier.
  if (!existing) return state;
  let dossier: FacilityDossier;
  if (e.type === 'FacilityRegistrationCorrected') {
    dossier = {
      ...existing,
      basicInfo: corrected(existing.basicInfo, e.data.after),
      corrections: [
        ...existing.corrections,
        {
          changed: e.data.changed,
          before: e.data.before,
          after: e.data.after,
          reason: e.data.reason,
          correctedBy: e.data.correctedBy,
          correctedAt: e.data.correctedAt,
          eventId: e.eventId,
          ...(e.data.correctsEventId !== undefined
            ? { correctsEventId: e.data.correctsEventId }
            : {}),
        },
      ],
    };
  } else {
    dossier = evolveDossier(existing, { type: e.type, data: e.data } as FacilityEvent);
  }
  push(dossier.changes, changeEntry(stored));
  state.dossiers.set(facilityId, dossier);
  return state;
};

/**
 * The facility archive (ARC-01, ARC-03): one dossier per facility. Personal data (names of
 * staff and users) is masked; `privileged: true` builds the unmasked archive for readers
 * entitled to it, under its own name.
 */
export const createFacilityArchiveProjection = (
  options: { readonly privileged?: boolean } = {},
): Projection<FacilityArchiveState, FacilityArchiveQueries> => ({
  name: options.privileged ? 'facility-archive-privileged' : 'facility-archive',
  version: 1,
  filter: { streamPrefixes: [PREFIX, 'incident-', 'reserve-'] },
  init: () => ({ dossiers: new Map(), incidents: new Map() }),
  apply: (state, event) => applyFacilityArchive(state, event, options.privileged === true),
  queries: (state) => ({
    dossier: (id) => snapshot(state.dossiers.get(id)),
    list: (filter = {}) =>
      [...state.dossiers.values()]
        .filter(
          (d) =>
            (filter.classKey === undefined || d.basicInfo.classKey === filter.classKey) &&
            (filter.status === undefined || d.status === filter.status),
        )
        .map((d) => d.facilityId),
  }),
});

/** The masked facility archive. */
export const facilityArchiveProjection = createFacilityArchiveProjection();
