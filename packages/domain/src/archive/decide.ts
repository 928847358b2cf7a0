import * as E from 'fp-ts/lib/Either.js';
import type { z } from 'zod';
import type { DecideContext } from '../kernel/context.js';
import { createDecide, type DecideFunction } from '../kernel/dispatch.js';
import type { DomainError } from '../kernel/errors.js';
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
type Schemas = typeof ArchiveCommandSchemas;
type Data<K extends keyof Schemas> = z.output<Schemas[K]>;

const checkAccess = (level: string, ctx: DecideContext): DomainError | undefined =>
  ctx.policy.archive.accessLevels.includes(level)
    ? undefined
    : unknownAccessLevel(level, ctx.policy.archive.accessLevels);

const classify = (d: Data<'ClassifyArchive'>, _state: ArchiveState, ctx: DecideContext): Result => {
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
};

const changeAccess = (
  d: Data<'ChangeArchiveAccess'>,
  state: ArchiveState,
  ctx: DecideContext,
): Result => {
  const caseId = state.caseId ?? '';
  const from = state.accessLevel ?? '';
  const denied = checkAccess(d.accessLevel, ctx);
  if (denied) return E.left(denied);
  if (d.accessLevel === from) return E.left(sameAccessLevel(from));
  return E.right([{ type: 'ArchiveAccessChanged', data: { caseId, from, ...d } }]);
};

const backUp = (d: Data<'RecordArchiveBackup'>, state: ArchiveState): Result =>
  E.right([{ type: 'ArchiveBackedUp', data: { caseId: state.caseId ?? '', ...d } }]);

const destroy = (d: Data<'DestroyArchive'>, state: ArchiveState, ctx: DecideContext): Result => {
  const { caseId = '', archiveNumber = '', retentionExpiresOn = '' } = state;
  const today = ctx.calendar.dateOf(ctx.now);
  if (today < retentionExpiresOn) return E.left(retentionNotExpired(retentionExpiresOn, today));
  if (state.backupRef === undefined) return E.left(noBackup());
  return E.right([
    {
      type: 'ArchiveDestroyed',
      data: { caseId, archiveNumber, ...d, backupRef: state.backupRef, destroyedOn: today },
    },
  ]);
};

/** Decides an Archive command (ARC-02, ARC-03, ARC-04); never throws. */
export const decideArchive: DecideFunction<ArchiveCommand, ArchiveEvent, ArchiveState> =
  createDecide({
    aggregate: { zh: '档案', en: 'archive' },
    unknownCode: 'ARCHIVE_UNKNOWN_COMMAND',
    schemas: ArchiveCommandSchemas,
    requirementOf: {
      ClassifyArchive: 'ARC-02',
      ChangeArchiveAccess: 'ARC-03',
      RecordArchiveBackup: 'ARC-04',
      DestroyArchive: 'ARC-04',
    },
    handlers: {
      ClassifyArchive: classify,
      ChangeArchiveAccess: changeAccess,
      RecordArchiveBackup: backUp,
      DestroyArchive: destroy,
    },
    // A file is classified once; every other step needs a classified file, whatever its input.
    precondition: (type, state) => {
      const ready =
        type === 'ClassifyArchive'
          ? state.status === 'none'
          : state.status === 'classified' && state.caseId !== undefined;
      return ready ? undefined : archiveTransition(state.status, type);
    },
  });
