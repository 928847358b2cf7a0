import {
  type Actor,
  type ArchiveEvent,
  type ComplaintEvent,
  defaultPolicy,
  type Policy,
  type StoredEvent,
  type TicketEvent,
} from '@civic-ledger/domain';
import { type ChangeEntry, changeEntry, envelopeOf, push } from '../kernel/events.js';
import { readableData } from '../kernel/masking.js';
import type { Projection } from '../kernel/projection.js';
import { snapshot } from '../kernel/snapshot.js';
import type { EntityAccess } from '../kernel/spill.js';

export type CaseKind = 'ticket' | 'complaint';

/** One step of a case: who, when, why (ARC-03) and the event's data, masked. */
export interface TimelineEntry extends ChangeEntry {
  readonly data: unknown;
}

/** A decision with its reason (ARC-02: 过程). */
export interface CaseDecision {
  readonly type: string;
  readonly at: string;
  readonly by: string;
  readonly outcome?: string;
  readonly reason?: string;
}

export interface CaseEvaluation {
  readonly at: string;
  readonly level?: number;
  readonly good?: boolean;
  readonly bad?: boolean;
  readonly outcome?: string;
  readonly dimensions?: Readonly<Record<string, number | undefined>>;
  readonly source?: string;
}

export interface CaseFeedback {
  readonly type: string;
  readonly at: string;
  readonly detail: Readonly<Record<string, unknown>>;
}

/** The archive management of a file (ARC-02, ARC-04). */
export interface CaseArchiveInfo {
  readonly archiveNumber: string;
  readonly archiveClass: string;
  readonly retentionYears: number;
  readonly retentionExpiresOn: string;
  readonly accessLevel: string;
  readonly classifiedAt: string;
  readonly classifiedBy: Actor;
  readonly accessChanges: readonly {
    readonly from: string;
    readonly to: string;
    readonly reason: string;
    readonly at: string;
    readonly by: Actor;
  }[];
  readonly backups: readonly {
    readonly backupRef: string;
    readonly location: string;
    readonly at: string;
    readonly by: Actor;
  }[];
  readonly destroyed?: {
    readonly destroyedOn: string;
    readonly designatedPersonId: string;
    readonly handOver: {
      readonly receiverId: string;
      readonly receiverUnit: string;
      readonly recordRef: string;
    };
    readonly reason: string;
    readonly backupRef: string;
    readonly by: Actor;
  };
}

/** The file of one ticket or complaint (ARC-02): application, process, evaluation, feedback. */
export interface CaseFile {
  readonly caseId: string;
  readonly kind: CaseKind;
  readonly openedAt: string;
  /** The type of the latest event of the case. */
  readonly lastStep: string;
  readonly closedAt?: string;
  /** The application (or complaint) as received, masked. */
  readonly application?: unknown;
  readonly materials: readonly {
    readonly kind: string;
    readonly documentRef: string;
    readonly at: string;
  }[];
  readonly decisions: readonly CaseDecision[];
  readonly evaluations: readonly CaseEvaluation[];
  readonly feedback: readonly CaseFeedback[];
  /** The ticket's own archiving step (`TicketArchived`), when it has one. */
  readonly ticketArchived?: {
    readonly retentionClass: string;
    readonly retentionYears: number;
    readonly archiveNo?: string;
    readonly at: string;
  };
  readonly archive?: CaseArchiveInfo;
  readonly timeline: readonly TimelineEntry[];
}

export interface CaseArchiveState {
  /** Files by `<kind>-<id>`, the case's stream id. */
  readonly files: Map<string, CaseFile>;
  /** The kind of case each `archive-<caseId>` stream files. */
  readonly archiveKinds: Map<string, CaseKind>;
}

/** Who reads: the highest access level they are cleared for (ARC-02 访问权限). */
export interface Reader {
  readonly clearance: string;
}

export interface CaseArchiveQueries {
  /** The file, or undefined when it does not exist or the reader's clearance is below its level. */
  file(kind: CaseKind, caseId: string, reader?: Reader): CaseFile | undefined;
  list(filter?: {
    readonly kind?: CaseKind;
    readonly classified?: boolean;
    readonly destroyed?: boolean;
  }): readonly { readonly kind: CaseKind; readonly caseId: string }[];
  /** ARC-04: files whose retention has expired by `date` and that are not destroyed, with backup state. */
  retentionExpired(date: string): readonly {
    readonly kind: CaseKind;
    readonly caseId: string;
    readonly archiveNumber: string;
    readonly retentionExpiresOn: string;
    readonly backedUp: boolean;
  }[];
}

const newFile = (caseId: string, kind: CaseKind, openedAt: string): CaseFile => ({
  caseId,
  kind,
  openedAt,
  lastStep: '',
  materials: [],
  decisions: [],
  evaluations: [],
  feedback: [],
  timeline: [],
});

const decision = (
  type: string,
  at: string,
  by: string,
  outcome?: string,
  reason?: string,
): CaseDecision => ({
  type,
  at,
  by,
  ...(outcome !== undefined ? { outcome } : {}),
  ...(reason !== undefined ? { reason } : {}),
});

/**
 * A case file being folded: the fold owns it (see `Projection`), so each step changes it in
 * place — copying the whole file for every event of a replay was most of the archive's cost.
 * Queries hand out snapshots, so no reader ever sees it change.
 */
type Draft = { -readonly [K in keyof CaseFile]: CaseFile[K] };

const draft = (f: CaseFile): Draft => f as Draft;

/** The case file with one more decision on record. */
const decided = (f: CaseFile, ...args: Parameters<typeof decision>): CaseFile => {
  push(f.decisions, decision(...args));
  return f;
};

/** The case file with one more entry in one of its lists. */
const added = <K extends 'materials' | 'evaluations' | 'feedback'>(
  f: CaseFile,
  list: K,
  ...items: CaseFile[K][number][]
): CaseFile => {
  (f[list] as CaseFile[K][number][]).push(...items);
  return f;
};

const ticketStep = (f: CaseFile, e: TicketEvent, by: string): CaseFile => {
  const at = e.data.at;
  switch (e.type) {
    case 'TicketReceived': {
      const { materials, ...application } = e.data;
      const d = draft(f);
      d.application = application;
      d.materials = materials.map((m) => ({ ...m, at }));
      return f;
    }
    case 'SupplementReceived':
      return added(f, 'materials', ...e.data.materials.map((m) => ({ ...m, at })));
    case 'SupplementRequested':
      return decided(f, e.type, at, by, e.data.kind, e.data.note);
    case 'ReviewExtended':
      return decided(f, e.type, at, e.data.approverId, `${e.data.workdays}`, e.data.reason);
    case 'JointReviewOpinionRecorded':
      return decided(f, e.type, at, e.data.staffId, e.data.opinion, e.data.comment);
    case 'TicketReviewed':
      return decided(
        f,
        e.type,
        at,
        e.data.reviewerId,
        e.data.outcome,
        [e.data.reasonCode, e.data.reasonText].filter(Boolean).join(': ') || undefined,
      );
    case 'FinalApprovalGranted':
      return decided(f, e.type, at, e.data.approverId, 'approve', e.data.note);
    case 'TicketReturnedByUnit':
      return decided(f, e.type, at, e.data.staffId, e.data.unitId, e.data.reason);
    case 'ExtensionApproved':
      return decided(f, e.type, at, e.data.approverId, `${e.data.workdays}`, e.data.note);
    case 'ExtensionDeclined':
      return decided(f, e.type, at, e.data.approverId, 'declined', e.data.reason);
    case 'TicketSupervised':
      return decided(f, e.type, at, e.data.supervisorId, e.data.level, e.data.reason);
    case 'TicketReopened':
      return decided(f, e.type, at, e.data.staffId, e.data.ground, e.data.reason);
    case 'TicketRated':
      return added(f, 'evaluations', {
        at,
        level: e.data.level,
        good: e.data.good,
        bad: e.data.bad,
        source: e.data.source,
        ...(e.data.dimensions ? { dimensions: e.data.dimensions } : {}),
      });
    case 'ReturnVisitMade':
      return added(f, 'feedback', {
        type: e.type,
        at,
        detail: { method: e.data.method, resolved: e.data.resolved, summary: e.data.summary },
      });
    case 'TicketCompleted':
      return added(f, 'feedback', {
        type: e.type,
        at,
        detail: { result: e.data.result, withinLimit: e.data.withinLimit },
      });
    case 'TicketClosed':
      draft(f).closedAt = at;
      return added(f, 'feedback', {
        type: e.type,
        at,
        detail: { outcome: e.data.outcome, summary: e.data.summary },
      });
    case 'TicketArchived':
      draft(f).ticketArchived = {
        retentionClass: e.data.retentionClass,
        retentionYears: e.data.retentionYears,
        at,
        ...(e.data.archiveNo !== undefined ? { archiveNo: e.data.archiveNo } : {}),
      };
      return f;
    default:
      return f;
  }
};

const complaintStep = (f: CaseFile, e: ComplaintEvent, by: string): CaseFile => {
  switch (e.type) {
    case 'ComplaintReceived':
      draft(f).application = e.data;
      return f;
    case 'ComplaintClassified':
      return decided(f, e.type, e.data.classifiedAt, by, e.data.gradeId, e.data.category);
    case 'ComplaintEscalated':
      return decided(
        f,
        e.type,
        e.data.escalatedAt,
        by,
        `${e.data.to}:${e.data.targetId}`,
        e.data.reason,
      );
    case 'ComplaintAssigned':
      return decided(f, e.type, e.data.assignedAt, by, e.data.handlerId);
    case 'ComplaintInvestigated':
      return decided(
        f,
        e.type,
        e.data.investigatedAt,
        by,
        e.data.verified ? 'verified' : 'not-verified',
        e.data.findings,
      );
    case 'ComplaintAnswered':
      return added(f, 'feedback', {
        type: e.type,
        at: e.data.answeredAt,
        detail: { via: e.data.via, onTime: e.data.onTime, reply: e.data.reply },
      });
    case 'ComplaintReturnVisited':
      return added(f, 'evaluations', {
        at: e.data.visitedAt,
        outcome: e.data.outcome,
        ...(e.data.level !== undefined ? { level: e.data.level } : {}),
      });
    case 'ComplaintClosed':
      draft(f).closedAt = e.data.closedAt;
      return decided(
        f,
        e.type,
        e.data.closedAt,
        by,
        e.data.verified ? 'verified' : 'not-verified',
        e.data.summary,
      );
    default:
      return f;
  }
};

const archiveStep = (f: CaseFile, stored: StoredEvent): CaseFile => {
  const e = envelopeOf<ArchiveEvent>(stored);
  const by = e.actor;
  const at = e.occurredAt;
  const a = f.archive;
  switch (e.type) {
    case 'ArchiveClassified':
      return {
        ...f,
        archive: {
          archiveNumber: e.data.archiveNumber,
          archiveClass: e.data.archiveClass,
          retentionYears: e.data.retentionYears,
          retentionExpiresOn: e.data.retentionExpiresOn,
          accessLevel: e.data.accessLevel,
          classifiedAt: at,
          classifiedBy: by,
          accessChanges: [],
          backups: [],
        },
      };
    case 'ArchiveAccessChanged':
      return a
        ? {
            ...f,
            archive: {
              ...a,
              accessLevel: e.data.accessLevel,
              accessChanges: [
                ...a.accessChanges,
                { from: e.data.from, to: e.data.accessLevel, reason: e.data.reason, at, by },
              ],
            },
          }
        : f;
    case 'ArchiveBackedUp':
      return a
        ? {
            ...f,
            archive: {
              ...a,
              backups: [
                ...a.backups,
                { backupRef: e.data.backupRef, location: e.data.location, at, by },
              ],
            },
          }
        : f;
    case 'ArchiveDestroyed':
      return a
        ? {
            ...f,
            archive: {
              ...a,
              destroyed: {
                destroyedOn: e.data.destroyedOn,
                designatedPersonId: e.data.designatedPersonId,
                handOver: e.data.handOver,
                reason: e.data.reason,
                backupRef: e.data.backupRef,
                by,
              },
            },
          }
        : f;
    default:
      return f;
  }
};

/**
 * The case file key an event belongs to (`<kind>-<caseId>`) and its kind; the case id is the
 * key after the kind (not sliced out for every event: only a new file needs it). Only an
 * archive stream's classification names the kind; its later events follow the stream to its
 * file (`archiveKinds`, which `applyCaseArchive` records).
 */
const locate = (
  state: CaseArchiveState,
  stored: StoredEvent,
): { key: string; kind: CaseKind } | undefined => {
  const { streamId } = stored.envelope;
  if (streamId.startsWith('ticket-')) return { key: streamId, kind: 'ticket' };
  if (streamId.startsWith('complaint-')) return { key: streamId, kind: 'complaint' };
  if (!streamId.startsWith('archive-')) return undefined;
  const data = stored.envelope.data as { caseId?: unknown; caseKind?: unknown };
  if (typeof data.caseId !== 'string') return undefined;
  const kind =
    data.caseKind === 'ticket' || data.caseKind === 'complaint'
      ? data.caseKind
      : state.archiveKinds.get(streamId);
  return kind === undefined ? undefined : { key: `${kind}-${data.caseId}`, kind };
};

/** Case files are entities keyed `<kind>-<caseId>`: the archive can keep them in a document store. */
export const caseFileEntities: EntityAccess<CaseArchiveState> = {
  entities: (state) => state.files,
  keyOf: (state, stored) => {
    const where = locate(state, stored);
    if (where === undefined) return undefined;
    const { streamId, streamVersion } = stored.envelope;
    return { key: where.key, fresh: streamVersion === 1 && !streamId.startsWith('archive-') };
  },
};

/** Applies one event to the case archive; personal data is masked unless `privileged`. */
export const applyCaseArchive = (
  state: CaseArchiveState,
  stored: StoredEvent,
  privileged = false,
): CaseArchiveState => {
  const where = locate(state, stored);
  if (!where) return state;
  const { envelope } = stored;
  if (envelope.streamId.startsWith('archive-'))
    state.archiveKinds.set(envelope.streamId, where.kind);
  const data = readableData(envelope.type, envelope.data, privileged);
  const known = state.files.get(where.key);
  const current =
    known ?? newFile(where.key.slice(where.kind.length + 1), where.kind, envelope.occurredAt);
  const event = { type: envelope.type, data } as never;
  let next: CaseFile;
  if (envelope.streamId.startsWith('archive-')) next = archiveStep(current, stored);
  else if (where.kind === 'ticket')
    next = ticketStep(current, event as TicketEvent, envelope.actor.id);
  else next = complaintStep(current, event as ComplaintEvent, envelope.actor.id);
  const entry = changeEntry(stored) as { -readonly [K in keyof TimelineEntry]: TimelineEntry[K] };
  entry.data = data;
  push(next.timeline, entry);
  draft(next).lastStep = envelope.type;
  if (next !== known) state.files.set(where.key, next);
  return state;
};

/**
 * The case archive (ARC-02, ARC-03, ARC-04): one file per ticket and per complaint, with its
 * archive number, class, retention and access level from the Archive aggregate. Masked
 * unless `privileged`; access levels rank as `policy.archive.accessLevels` lists them.
 */
export const createCaseArchiveProjection = (
  options: { readonly privileged?: boolean; readonly policy?: Policy } = {},
): Projection<CaseArchiveState, CaseArchiveQueries> => {
  const levels = (options.policy ?? defaultPolicy).archive.accessLevels;
  const cleared = (file: CaseFile, reader: Reader | undefined): boolean => {
    if (reader === undefined || file.archive === undefined) return true;
    const need = levels.indexOf(file.archive.accessLevel);
    const have = levels.indexOf(reader.clearance);
    return have >= 0 && have >= need;
  };
  return {
    name: options.privileged ? 'case-archive-privileged' : 'case-archive',
    version: 1,
    filter: { streamPrefixes: ['ticket-', 'complaint-', 'archive-'] },
    entities: caseFileEntities,
    init: () => ({ files: new Map(), archiveKinds: new Map() }),
    apply: (state, event) => applyCaseArchive(state, event, options.privileged === true),
    queries: (state) => ({
      file: (kind, caseId, reader) => {
        const file = state.files.get(`${kind}-${caseId}`);
        return file && cleared(file, reader) ? snapshot(file) : undefined;
      },
      list: (filter = {}) =>
        [...state.files.values()]
          .filter(
            (f) =>
              (filter.kind === undefined || f.kind === filter.kind) &&
              (filter.classified === undefined ||
                (f.archive !== undefined) === filter.classified) &&
              (filter.destroyed === undefined ||
                (f.archive?.destroyed !== undefined) === filter.destroyed),
          )
          .map((f) => ({ kind: f.kind, caseId: f.caseId })),
      retentionExpired: (date) =>
        [...state.files.values()].flatMap((f) =>
          f.archive && !f.archive.destroyed && f.archive.retentionExpiresOn <= date
            ? [
                {
                  kind: f.kind,
                  caseId: f.caseId,
                  archiveNumber: f.archive.archiveNumber,
                  retentionExpiresOn: f.archive.retentionExpiresOn,
                  backedUp: f.archive.backups.length > 0,
                },
              ]
            : [],
        ),
    }),
  };
};

/** The masked case archive with the default policy. */
export const caseArchiveProjection = createCaseArchiveProjection();
