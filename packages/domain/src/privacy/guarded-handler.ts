import * as E from 'fp-ts/lib/Either.js';
import type { CommandMeta, CommandOutcome } from '../kernel/command-handler.js';
import type { DecideContext } from '../kernel/context.js';
import type { Decider } from '../kernel/decider.js';
import type { DomainEvent } from '../kernel/envelope.js';
import type { DomainError } from '../kernel/errors.js';
import type { EventStore } from '../kernel/event-store.js';
import type { AccessPolicy } from './access-policy.js';
import { type AccessTarget, authorize, type TargetEvent } from './authorize.js';
import { checkCommandSize } from './command-size.js';
import { type BoundCommandHandler, recordCommandDenied } from './security-recorder.js';

/** Reads the record a command targets from the store: who did what in it, and where. */
export const describeTargetFrom =
  (store: EventStore) =>
  async (streamId: string): Promise<AccessTarget> => {
    const history: TargetEvent[] = [];
    for await (const { envelope } of store.readStream(streamId))
      history.push({
        type: envelope.type,
        actorId: envelope.actor.id,
        actorUnit: envelope.actor.unit,
        data: envelope.data,
      });
    return { streamId, history };
  };

export interface GuardedHandlerDeps {
  /** The handler that decides and appends (from `createCommandHandler`, with `protect` if used). */
  readonly handle: BoundCommandHandler;
  readonly access: AccessPolicy;
  /** Where the target's history comes from; usually `describeTargetFrom(store)`. */
  readonly describeTarget: (streamId: string) => Promise<AccessTarget>;
}

const typeOf = (command: unknown): string => {
  const type =
    typeof command === 'object' && command !== null
      ? (command as { type?: unknown }).type
      : undefined;
  return typeof type === 'string' ? type : '';
};

/**
 * Wraps a command handler with the checks every command passes first: the size limit of its
 * data and the access policy (ARC-02, CMP-06, TKT-03, FAC-05). A denial is returned as
 * a `forbidden` error and recorded as `CommandDenied` in `security-audit-<actor's unit>`.
 */
export const createGuardedCommandHandler =
  (deps: GuardedHandlerDeps) =>
  async <C, Ev extends DomainEvent, S, Ctx extends DecideContext>(
    decider: Decider<C, Ev, S, Ctx>,
    streamId: string,
    command: C,
    ctx: Ctx,
    meta: CommandMeta,
  ): Promise<E.Either<DomainError, CommandOutcome<Ev>>> => {
    const type = typeOf(command);
    const data =
      typeof command === 'object' && command !== null
        ? (command as { data?: unknown }).data
        : undefined;
    const size = checkCommandSize(data, deps.access.maxCommandDataBytes);
    if (E.isLeft(size)) return size;
    const target = await deps.describeTarget(streamId);
    const verdict = authorize(deps.access, meta.actor, { type, data }, target);
    if (E.isLeft(verdict)) {
      await recordCommandDenied(
        deps.handle,
        { error: verdict.left, commandType: type, targetStreamId: streamId },
        ctx,
        meta,
      );
      return verdict;
    }
    return deps.handle(decider, streamId, command, ctx, meta);
  };
