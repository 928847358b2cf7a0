import { given, runSequence, testContext } from '@civic-ledger/domain/testing';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { ArchiveCommand } from './commands.js';
import { archiveDecider } from './decider.js';
import type { ArchiveEvent } from './events.js';
import { retentionExpiry } from './retention.js';

const ctx = testContext();
const classify: ArchiveCommand = {
  type: 'ClassifyArchive',
  data: {
    caseId: 'T2026-0001',
    caseKind: 'ticket',
    archiveNumber: 'WS-2026-短-0001',
    archiveClass: 'short',
    closedOn: '2016-03-01',
    accessLevel: 'internal',
  },
};
const classified: ArchiveEvent = {
  type: 'ArchiveClassified',
  data: {
    caseId: 'T2026-0001',
    caseKind: 'ticket',
    archiveNumber: 'WS-2026-短-0001',
    archiveClass: 'short',
    closedOn: '2016-03-01',
    retentionYears: 10,
    retentionExpiresOn: '2026-03-01',
    accessLevel: 'internal',
  },
};
const backedUp: ArchiveEvent = {
  type: 'ArchiveBackedUp',
  data: { caseId: 'T2026-0001', backupRef: 'BK-2026-77', location: 'offsite tape 3' },
};
const destroy: ArchiveCommand = {
  type: 'DestroyArchive',
  data: {
    designatedPersonId: 'staff-archivist',
    handOver: { receiverId: 'staff-009', receiverUnit: 'records-office', recordRef: 'XH-2026-5' },
    reason: 'retention expired',
  },
};

const left = (
  r: E.Either<{ code: string; requirement: string; path: readonly unknown[] }, unknown>,
) => {
  if (E.isRight(r)) throw new Error('expected an error');
  return r.left;
};

describe('Archive decider', () => {
  it('ARC-02 classifies and numbers a case file; retention comes from the policy class', () => {
    expect(given(archiveDecider).when(classify, ctx)).toEqual(E.right([classified]));
  });

  it('ARC-02 rejects a class with no retention period in the policy', () => {
    const err = left(
      given(archiveDecider).when(
        {
          type: 'ClassifyArchive',
          data: { ...classify.data, archiveClass: 'forever' },
        } as ArchiveCommand,
        ctx,
      ),
    );
    expect(err).toMatchObject({
      code: 'ARCHIVE_UNKNOWN_CLASS',
      requirement: 'ARC-02',
      path: ['archiveClass'],
    });
  });

  it('ARC-02 rejects an unknown access level and bad input with the field path', () => {
    expect(
      left(
        given(archiveDecider).when(
          {
            type: 'ClassifyArchive',
            data: { ...classify.data, accessLevel: 'top' },
          } as ArchiveCommand,
          ctx,
        ),
      ),
    ).toMatchObject({ code: 'ARCHIVE_UNKNOWN_ACCESS_LEVEL', path: ['accessLevel'] });
    expect(
      left(
        given(archiveDecider).when(
          {
            type: 'ClassifyArchive',
            data: { ...classify.data, closedOn: '2016-02-30' },
          } as ArchiveCommand,
          ctx,
        ),
      ),
    ).toMatchObject({ kind: 'validation', requirement: 'ARC-02', path: ['closedOn'] });
  });

  it('ARC-02 refuses to classify a file twice', () => {
    expect(left(given(archiveDecider, [classified]).when(classify, ctx))).toMatchObject({
      code: 'ARCHIVE_ILLEGAL_TRANSITION',
    });
  });

  it('ARC-03 an access change records from, to and why', () => {
    const r = given(archiveDecider, [classified]).when(
      {
        type: 'ChangeArchiveAccess',
        data: { accessLevel: 'confidential', reason: 'sensitive complaint (CMP-06)' },
      },
      ctx,
    );
    expect(r).toEqual(
      E.right([
        {
          type: 'ArchiveAccessChanged',
          data: {
            caseId: 'T2026-0001',
            from: 'internal',
            accessLevel: 'confidential',
            reason: 'sensitive complaint (CMP-06)',
          },
        },
      ]),
    );
    expect(
      left(
        given(archiveDecider, [classified]).when(
          { type: 'ChangeArchiveAccess', data: { accessLevel: 'internal', reason: 'x' } },
          ctx,
        ),
      ),
    ).toMatchObject({ code: 'ARCHIVE_ACCESS_UNCHANGED', requirement: 'ARC-03' });
  });

  it('ARC-04 destroys after retention expired and a backup is recorded, keeping who and the hand-over', () => {
    expect(given(archiveDecider, [classified, backedUp]).when(destroy, ctx)).toEqual(
      E.right([
        {
          type: 'ArchiveDestroyed',
          data: {
            caseId: 'T2026-0001',
            archiveNumber: 'WS-2026-短-0001',
            ...destroy.data,
            backupRef: 'BK-2026-77',
            destroyedOn: '2026-11-20',
          },
        },
      ]),
    );
  });

  it('ARC-04 refuses to destroy before a backup (先备份后销毁)', () => {
    expect(left(given(archiveDecider, [classified]).when(destroy, ctx))).toMatchObject({
      code: 'ARCHIVE_NO_BACKUP',
      requirement: 'ARC-04',
    });
  });

  it('ARC-04 refuses to destroy before retention expires, even with a backup', () => {
    const early = testContext({ now: '2026-02-28T23:59:00+08:00' });
    expect(left(given(archiveDecider, [classified, backedUp]).when(destroy, early))).toMatchObject({
      code: 'ARCHIVE_RETENTION_NOT_EXPIRED',
      requirement: 'ARC-04',
    });
    // In Asia/Shanghai it is already 1 March: the first day after retention.
    const onTime = testContext({ now: '2026-02-28T16:00:00Z' });
    expect(E.isRight(given(archiveDecider, [classified, backedUp]).when(destroy, onTime))).toBe(
      true,
    );
  });

  it('ARC-04 a destroyed file accepts nothing more, and an unfiled one cannot be destroyed', () => {
    const destroyed = given(archiveDecider, [classified, backedUp]).when(destroy, ctx);
    if (E.isLeft(destroyed)) throw new Error('setup');
    expect(
      left(given(archiveDecider, [classified, backedUp, ...destroyed.right]).when(destroy, ctx)),
    ).toMatchObject({ code: 'ARCHIVE_ILLEGAL_TRANSITION' });
    expect(left(given(archiveDecider).when(destroy, ctx))).toMatchObject({
      code: 'ARCHIVE_ILLEGAL_TRANSITION',
    });
  });

  it('ARC-02 retention of a 29 February closure falls back to 28 February', () => {
    expect(retentionExpiry('2024-02-29', 10)).toBe('2034-02-28');
    expect(retentionExpiry('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('X-05 no command sequence (garbage data included) throws, and refolding reproduces the state', () => {
    const anyData = fc.oneof(
      fc.constant(classify.data),
      fc.constant(destroy.data),
      fc.constant({ backupRef: 'b', location: 'l' }),
      fc.constant({ accessLevel: 'restricted', reason: 'r' }),
      fc.anything(),
    );
    const command = fc.record({
      type: fc.constantFrom(
        'ClassifyArchive',
        'ChangeArchiveAccess',
        'RecordArchiveBackup',
        'DestroyArchive',
        'Bogus',
      ),
      data: anyData,
    });
    fc.assert(
      fc.property(fc.array(command, { maxLength: 12 }), (commands) => {
        const run = runSequence(
          archiveDecider,
          commands.map((c) => ({ command: c as ArchiveCommand, ctx })),
        );
        expect(run.refold).toEqual(run.state);
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});
