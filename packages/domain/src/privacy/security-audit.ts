import * as E from 'fp-ts/lib/Either.js';
import { z } from 'zod';
import type { DecideContext } from '../kernel/context.js';
import type { Decider } from '../kernel/decider.js';
import { createDecide, type DecideFunction } from '../kernel/dispatch.js';
import type { DomainEvent } from '../kernel/envelope.js';
import type { DomainError } from '../kernel/errors.js';
import { InstantSchema, Text } from '../kernel/schemas.js';

const Ref = z.string().min(1).max(300);
const Message = z.object({ zh: Text(2000), en: Text(2000) });

/** The zod schema of each security-audit command's `data` (GB/T 22239 security audit). */
export const SecurityAuditCommandSchemas = {
  /** A command the authorisation policy refused: who tried what, on which record, and why not. */
  RecordCommandDenied: z.object({
    commandType: Text(200),
    commandId: Ref,
    targetStreamId: Ref,
    code: Text(100),
    requirement: Text(20),
    message: Message,
  }),
  /** X-06, CMP-06, ARC-02: a privileged reader saw personal data in clear; `purpose` says why. */
  RecordPersonalDataRead: z.object({
    streamId: Ref,
    eventIds: z.array(Ref).max(10_000),
    fields: z.array(Text(300)).min(1).max(10_000),
    purpose: Text(500),
  }),
} as const;

type CommandSchemas = typeof SecurityAuditCommandSchemas;
type CommandType = keyof CommandSchemas;
/** A security-audit command as it arrives. */
export type SecurityAuditCommand = {
  [K in CommandType]: { readonly type: K; readonly data: z.input<CommandSchemas[K]> };
}[CommandType];

/** The zod schema of each security-audit event's `data`. */
export const SecurityAuditEventSchemas = {
  CommandDenied: SecurityAuditCommandSchemas.RecordCommandDenied.extend({ at: InstantSchema }),
  PersonalDataRead: SecurityAuditCommandSchemas.RecordPersonalDataRead.extend({
    at: InstantSchema,
  }),
} as const;

type EventSchemas = typeof SecurityAuditEventSchemas;
/** Every security-audit event; the envelope's actor is who was denied or who read. */
export type SecurityAuditEvent = {
  [K in keyof EventSchemas]: DomainEvent<K, z.output<EventSchemas[K]>>;
}[keyof EventSchemas];

/** Counts of what a security-audit stream holds. */
export interface SecurityAuditState {
  readonly denials: number;
  readonly privilegedReads: number;
}

/** The stream of one unit's security audit: `security-audit-<unit>`. */
export const securityAuditStreamId = (unit: string): string => `security-audit-${unit}`;

const eventOf: Record<CommandType, keyof EventSchemas> = {
  RecordCommandDenied: 'CommandDenied',
  RecordPersonalDataRead: 'PersonalDataRead',
};

/** Each command records the event of the same fact, stamped with `ctx.now`. */
const record =
  <K extends CommandType>(type: K) =>
  (
    data: z.output<(typeof SecurityAuditCommandSchemas)[K]>,
    _state: SecurityAuditState,
    ctx: DecideContext,
  ): E.Either<DomainError, readonly SecurityAuditEvent[]> =>
    E.right([{ type: eventOf[type], data: { ...data, at: ctx.now } } as SecurityAuditEvent]);

const decideSecurityAudit: DecideFunction<
  SecurityAuditCommand,
  SecurityAuditEvent,
  SecurityAuditState
> = createDecide({
  aggregate: { zh: '安全审计', en: 'security-audit' },
  unknownCode: 'SECURITY_AUDIT_UNKNOWN_COMMAND',
  schemas: SecurityAuditCommandSchemas,
  requirementOf: 'X-07',
  handlers: {
    RecordCommandDenied: record('RecordCommandDenied'),
    RecordPersonalDataRead: record('RecordPersonalDataRead'),
  },
});

/** Appends security-audit facts: refused commands and privileged reads. */
export const securityAuditDecider: Decider<
  SecurityAuditCommand,
  SecurityAuditEvent,
  SecurityAuditState,
  DecideContext
> = {
  initialState: { denials: 0, privilegedReads: 0 },
  decide: decideSecurityAudit,
  evolve: (state, event) =>
    event.type === 'CommandDenied'
      ? { ...state, denials: state.denials + 1 }
      : { ...state, privilegedReads: state.privilegedReads + 1 },
};
