import type { RequirementId } from '../kernel/requirement.js';
import type { Policy } from '../policy/policy.js';

/** Separation of duties: the actor must not have recorded these events of the same record. */
export interface NotActorOf {
  readonly types: readonly string[];
  /** Compare only events whose `data[field]` equals the command's (one record among many in a stream). */
  readonly sameValueOf?: string;
}

/** Above a limit only some roles may act (an extension beyond the policy's maximum, TKT-03). */
export interface Elevation {
  readonly field: string;
  /** Where the value comes from when the command leaves it out: the latest event of this type. */
  readonly fallbackFrom?: string;
  readonly above: number;
  readonly roles: readonly string[];
  readonly requirement: RequirementId;
}

/** Who may issue one command type. */
export interface CommandRule {
  /** Roles allowed to issue it; `'*'` allows every role. */
  readonly roles: readonly string[];
  /** `unit`: only on records of the actor's unit (unless the role is cross-unit); `any`: every unit. */
  readonly scope: 'unit' | 'any';
  readonly notActorOf?: NotActorOf;
  readonly elevation?: Elevation;
  /** The requirement a denial cites; default ARC-02 (access permissions). */
  readonly requirement?: RequirementId;
}

/** A declarative authorisation policy: which roles may issue which commands, where (ARC-02). */
export interface AccessPolicy {
  readonly commands: Readonly<Record<string, CommandRule>>;
  /** The rule for command types not listed. */
  readonly fallback: CommandRule;
  /** Roles that act on records of every unit (a district supervisor, an auditor). */
  readonly crossUnitRoles: readonly string[];
  /** Fields of event and command data that name a unit a record belongs to. */
  readonly unitFields: readonly string[];
  /** Roles that may read personal data in clear; each such read is recorded (X-06, CMP-06). */
  readonly privilegedReaders: readonly string[];
  /** Commands whose `data` serialises to more UTF-8 bytes than this are refused. */
  readonly maxCommandDataBytes: number;
}

/** Default size limit of a command's data: 64 KiB, far above any real form, far below harm. */
export const DEFAULT_MAX_COMMAND_DATA_BYTES = 64 * 1024;

/**
 * The default policy: any role acts within its own unit; reviewers never review what they
 * recorded (FAC-05, FAC-11); further review extensions and extensions above
 * `ticket.maxExtensionWorkdays` need `ticket.furtherExtensionApproverRole` (TKT-03); only a
 * privacy officer erases a data subject. Extend it with `{ ...policy, commands: … }`.
 */
export const defaultAccessPolicy = (policy: Policy): AccessPolicy => {
  const head = policy.ticket.furtherExtensionApproverRole;
  const review = (types: readonly string[], field: string, requirement: RequirementId) => ({
    roles: ['*'],
    scope: 'unit' as const,
    notActorOf: { types, sameValueOf: field },
    requirement,
  });
  return {
    fallback: { roles: ['*'], scope: 'unit' },
    crossUnitRoles: ['supervisor', 'auditor'],
    unitFields: ['centreId', 'unitId'],
    privilegedReaders: ['privacy-officer', head, 'complaint-handler', 'auditor'],
    maxCommandDataBytes: DEFAULT_MAX_COMMAND_DATA_BYTES,
    commands: {
      ExtendReview: { roles: [head], scope: 'unit', requirement: 'TKT-03' },
      ApproveExtension: {
        roles: ['*'],
        scope: 'unit',
        notActorOf: { types: ['ExtensionRequested'] },
        elevation: {
          field: 'workdays',
          fallbackFrom: 'ExtensionRequested',
          above: policy.ticket.maxExtensionWorkdays,
          roles: [head],
          requirement: 'TKT-03',
        },
        requirement: 'TKT-03',
      },
      ReviewMaintenanceRecord: review(
        ['FacilityInspected', 'MaintenanceTaskCompleted'],
        'recordId',
        'FAC-05',
      ),
      ReviewSafetyRecord: review(['SafetyRecordAdded'], 'safetyRecordId', 'FAC-05'),
      ReviewMaintenanceReport: review(['MaintenanceReportDrafted'], 'reportId', 'FAC-11'),
      MarkComplaintConfidential: { roles: ['*'], scope: 'unit', requirement: 'CMP-06' },
      EraseDataSubject: { roles: ['privacy-officer'], scope: 'any', requirement: 'X-06' },
    },
  };
};
