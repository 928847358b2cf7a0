import * as E from 'fp-ts/lib/Either.js';
import type { DecideContext } from '../kernel/context.js';
import { type DomainError, ruleViolation } from '../kernel/errors.js';
import { parseWith } from '../kernel/validation.js';
import { type ArchiveCommand, ArchiveCommandSchemas } from './commands.js';
import {
  archiveTransition,
  noBackup,
  retentionNotExpired,
  sameAccessLevel,
  unknownAccessLevel,
  unknownArchiveClass,
} from './errors.js';
import type { ArchiveEvent } from './events.js';
import { retentionExpiry } from './retention.js';
import type { ArchiveState } from './state.js';

type Result = E.Either<DomainError, readonly ArchiveEvent[]>;

const checkAccess = (level: string, ctx: DecideContext): DomainError | undefined =>
  ctx.policy.archive.accessLevels.includes(level)
    ? undefined
    : unknownAccessLevel(level, ctx.policy.archive.accessLevels);

const classify = (raw: unknown, state: ArchiveState, ctx: DecideContext): Result => {
  if (state.status !== 'none') return E.left(archiveTransition(state.status, 'ClassifyArchive'));
  return E.chain((d: ReturnType<typeof ArchiveCommandSchemas.ClassifyArchive.parse>): Result => {
    const years = ctx.policy.archive.retentionYears[d.archiveClass];
    if (years === undefined)
      return E.left(
        unknownArchiveClass(d.archiveClass, Object.keys(ctx.policy.archive.retentionYears)),
      );
    const denied = checkAccess(d.accessLevel, ctx);
    if (denied) return E.left(denied);
    return E.right([
      {
        type: 'ArchiveClassified',
        data: {
          ...d,
          retentionYears: years,
          retentionExpiresOn: retentionExpiry(d.closedOn, years),
        },
      },
    ]);
  })(parseWith(ArchiveCommandSchemas.ClassifyArchive, raw, 'ARC-02'));
};

const changeAccess = (raw: unknown, state: ArchiveState, ctx: DecideContext): Result => {
  if (state.status !== 'classified' || state.caseId === undefined)
    return E.left(archiveTransition(state.status, 'ChangeArchiveAccess'));
  const caseId = state.caseId;
  const from = state.accessLevel ?? '';
  return E.chain((d: { accessLevel: string; reason: string }): Result => {
    const denied = checkAccess(d.accessLevel, ctx);
    if (denied) return E.left(denied);
    if (d.accessLevel === from) return E.left(sameAccessLevel(from));
    return E.right([{ type: 'ArchiveAccessChanged', data: { caseId, from, ...d } }]);
  })(parseWith(ArchiveCommandSchemas.ChangeArchiveAccess, raw, 'ARC-03'));
};

const backUp = (raw: unknown, state: ArchiveState): Result => {
  if (state.status !== 'classified' || state.caseId === undefined)
    return E.left(archiveTransition(state.status, 'RecordArchiveBackup'));
  const caseId = state.caseId;
  return E.map((d: { backupRef: string; location: string }): readonly ArchiveEvent[] => [
    { type: 'ArchiveBackedUp', data: { caseId, ...d } },
  ])(parseWith(ArchiveCommandSchemas.RecordArchiveBackup, raw, 'ARC-04'));
};

const destroy = (raw: unknown, state: ArchiveState, ctx: DecideContext): Result => {
  if (state.status !== 'classified' || state.caseId === undefined)
    return E.left(archiveTransition(state.status, 'DestroyArchive'));
  const { caseId, archiveNumber = '', retentionExpiresOn = '' } = state;
  return E.chain((d: ReturnType<typeof ArchiveCommandSchemas.DestroyArchive.parse>): Result => {
    const today = ctx.calendar.dateOf(ctx.now);
    if (today < retentionExpiresOn) return E.left(retentionNotExpired(retentionExpiresOn, today));
    if (state.backupRef === undefined) return E.left(noBackup());
    return E.right([
      {
        type: 'ArchiveDestroyed',
        data: { caseId, archiveNumber, ...d, backupRef: state.backupRef, destroyedOn: today },
      },
    ]);
  })(parseWith(ArchiveCommandSchemas.DestroyArchive, raw, 'ARC-04'));
};

/** Decides an Archive command (ARC-02, ARC-03, ARC-04); never throws. */
export const decideArchive = (
  command: ArchiveCommand,
  state: ArchiveState,
  ctx: DecideContext,
): Result => {
  const { type, data } = (command ?? {}) as { type?: unknown; data?: unknown };
  switch (type) {
    case 'ClassifyArchive':
      return classify(data, state, ctx);
    case 'ChangeArchiveAccess':
      return changeAccess(data, state, ctx);
    case 'RecordArchiveBackup':
      return backUp(data, state);
    case 'DestroyArchive':
      return destroy(data, state, ctx);
    default:
      return E.left(
        ruleViolation({
          code: 'ARCHIVE_UNKNOWN_COMMAND',
          requirement: 'X-05',
          path: ['type'],
          zh: `未知的档案命令「${String(type)}」`,
          en: `unknown archive command '${String(type)}'`,
        }),
      );
  }
};
