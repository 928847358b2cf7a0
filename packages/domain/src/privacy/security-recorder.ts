import type * as E from 'fp-ts/lib/Either.js';
import type { CommandMeta, CommandOutcome } from '../kernel/command-handler.js';
import type { DecideContext } from '../kernel/context.js';
import type { Decider } from '../kernel/decider.js';
import type { Actor, DomainEvent } from '../kernel/envelope.js';
import type { DomainError } from '../kernel/errors.js';
import {
  type SecurityAuditCommand,
  securityAuditDecider,
  securityAuditStreamId,
} from './security-audit.js';

/**
 * A bound command handler for deciders whose context is a {@link DecideContext}: what
 * `createCommandHandler` and `createGuardedCommandHandler` return.
 */
export type BoundCommandHandler = <C, Ev extends DomainEvent, S, Ctx extends DecideContext>(
  decider: Decider<C, Ev, S, Ctx>,
  streamId: string,
  command: C,
  ctx: Ctx,
  meta: CommandMeta,
) => Promise<E.Either<DomainError, CommandOutcome<Ev>>>;

const clip = (text: string, max: number): string => (text.length > max ? text.slice(0, max) : text);

const record = (
  handle: BoundCommandHandler,
  actor: Actor,
  command: SecurityAuditCommand,
  ctx: DecideContext,
  meta: Omit<CommandMeta, 'actor'>,
) =>
  handle(
    securityAuditDecider,
    securityAuditStreamId(actor.unit),
    command,
    { ...ctx, actor },
    {
      ...meta,
      actor,
    },
  );

/** Appends a `CommandDenied` to the denied actor's unit's security-audit stream (GB/T 22239). */
export const recordCommandDenied = (
  handle: BoundCommandHandler,
  denied: {
    readonly error: DomainError;
    readonly commandType: string;
    readonly targetStreamId: string;
  },
  ctx: DecideContext,
  meta: CommandMeta,
) =>
  record(
    handle,
    meta.actor,
    {
      type: 'RecordCommandDenied',
      data: {
        commandType: clip(denied.commandType || '(none)', 200),
        commandId: clip(meta.commandId, 300),
        targetStreamId: clip(denied.targetStreamId, 300),
        code: denied.error.code,
        requirement: denied.error.requirement,
        message: denied.error.message,
      },
    },
    ctx,
    {
      // Its own id, so that it never collides with the denied command's events.
      commandId: `denied:${meta.commandId}`,
      occurredAt: meta.occurredAt,
      causationId: meta.commandId,
      correlationId: meta.correlationId ?? meta.commandId,
    },
  );

/** What a privileged reader saw in clear, and why (X-06, CMP-06, ARC-02). */
export interface PersonalDataRead {
  readonly streamId: string;
  readonly eventIds: readonly string[];
  readonly fields: readonly string[];
  readonly purpose: string;
}

/** Appends a `PersonalDataRead` (who, what, why) to the reader's unit's security-audit stream. */
export const recordPersonalDataRead = (
  handle: BoundCommandHandler,
  read: PersonalDataRead,
  ctx: DecideContext,
  meta: CommandMeta,
) =>
  record(
    handle,
    meta.actor,
    {
      type: 'RecordPersonalDataRead',
      data: {
        streamId: read.streamId,
        eventIds: [...read.eventIds],
        fields: [...read.fields],
        purpose: read.purpose,
      },
    },
    ctx,
    meta,
  );
