import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { DecideContext } from '../kernel/context.js';
import { definePolicy } from '../policy/define-policy.js';
import { given, testContext } from '../testing/index.js';
import type { RectificationCommand } from './commands.js';
import { rectificationDecider, rectificationStreamId } from './decider.js';
import type { RectificationEvent } from './events.js';

const unitCtx = (now: string) =>
  testContext({ now, actor: { id: 'u-07', role: 'unit-staff', unit: 'window-03' } });
const supervisorCtx = (now: string) =>
  testContext({ now, actor: { id: 'sup-01', role: 'supervisor', unit: 'supervision-dept' } });
const openedAt = '2026-09-28T09:00:00+08:00';

const open: RectificationCommand = {
  type: 'OpenRectification',
  data: {
    rectificationId: 'R-001',
    source: { kind: 'bad-rating', id: 'T2026-0042', streamId: 'ticket-T2026-0042' },
    responsibleUnitId: 'window-03',
    supervisingUnitId: 'supervision-dept',
    issue: '办事群众差评：材料一次性告知不到位',
  },
};
const measures: RectificationCommand = {
  type: 'SetRectificationMeasures',
  data: { measures: ['编制一次性告知单', '窗口人员培训'] },
};
const submit: RectificationCommand = {
  type: 'SubmitRectification',
  data: { summary: '告知单已上墙，培训已完成', evidence: ['培训签到表'] },
};
const verify: RectificationCommand = {
  type: 'VerifyRectificationSource',
  data: { founded: true, note: '调阅记录，差评反映问题属实' },
};
const accept: RectificationCommand = {
  type: 'AcceptRectification',
  data: { verificationNote: '现场核验合格' },
};

const run = (steps: readonly [RectificationCommand, DecideContext][]): RectificationEvent[] => {
  const events: RectificationEvent[] = [];
  for (const [c, ctx] of steps) {
    const r = given(rectificationDecider, events).when(c, ctx);
    if (E.isLeft(r)) throw new Error(JSON.stringify(r.left));
    events.push(...r.right);
  }
  return events;
};
const submitted = () =>
  run([
    [open, supervisorCtx(openedAt)],
    [verify, supervisorCtx('2026-09-28T15:00:00+08:00')],
    [measures, unitCtx('2026-09-29T09:00:00+08:00')],
    [submit, unitCtx('2026-10-12T09:00:00+08:00')],
  ]);

describe('Rectification (AUD-02)', () => {
  it('AUD-02 opens with source, unit and a 15-working-day deadline across National Day 2026', () => {
    const [opened] = run([[open, supervisorCtx(openedAt)]]);
    expect(opened).toEqual({
      type: 'RectificationOpened',
      data: {
        rectificationId: 'R-001',
        source: { kind: 'bad-rating', id: 'T2026-0042', streamId: 'ticket-T2026-0042' },
        responsibleUnitId: 'window-03',
        supervisingUnitId: 'supervision-dept',
        issue: expect.any(String),
        deadline: {
          dueDate: '2026-10-23',
          dueAt: '2026-10-23T16:00:00.000Z',
          workdays: 15,
          provisional: false,
          calendar: expect.any(String),
        },
        verificationRequired: true,
        openedAt,
      },
    });
    expect(rectificationStreamId('R-001')).toBe('rectification-R-001');
  });

  it('AUD-02 the deadline comes from policy.audit.rectificationWorkdays unless the command sets one', () => {
    const policy = definePolicy({ audit: { rectificationWorkdays: 5 } });
    const byPolicy = given(rectificationDecider).when(open, testContext({ now: openedAt, policy }));
    expect(E.isRight(byPolicy) && byPolicy.right[0]?.data).toMatchObject({
      deadline: { dueDate: '2026-10-10', workdays: 5 },
    });
    const byCommand = given(rectificationDecider).when(
      { ...open, data: { ...open.data, deadlineWorkdays: 2 } } as RectificationCommand,
      supervisorCtx(openedAt),
    );
    expect(E.isRight(byCommand) && byCommand.right[0]?.data).toMatchObject({
      deadline: { dueDate: '2026-09-30', workdays: 2 },
    });
  });

  it('AUD-02 rejects an unknown source kind and an empty issue', () => {
    const result = given(rectificationDecider).when(
      {
        ...open,
        data: { ...open.data, source: { kind: 'rumour', id: 'x' }, issue: ' ' },
      } as unknown as RectificationCommand,
      supervisorCtx(openedAt),
    );
    expect(
      E.isLeft(result) &&
        result.left.kind === 'validation' &&
        result.left.issues.map((i) => i.path.join('.')),
    ).toEqual(['source.kind', 'issue']);
  });

  it('AUD-02 records progress while open', () => {
    const events = run([[open, supervisorCtx(openedAt)]]);
    const result = given(rectificationDecider, events).when(
      {
        type: 'ReportRectificationProgress',
        data: { note: '培训方案已拟定', percentComplete: 40 },
      },
      unitCtx('2026-09-29T10:00:00+08:00'),
    );
    expect(E.isRight(result) && result.right[0]?.data).toMatchObject({ percentComplete: 40 });
  });

  it('SAT-02 a bad rating must be verified before the work is submitted', () => {
    const events = run([
      [open, supervisorCtx(openedAt)],
      [measures, unitCtx(openedAt)],
    ]);
    const result = given(rectificationDecider, events).when(submit, unitCtx(openedAt));
    expect(E.isLeft(result) && result.left).toMatchObject({
      code: 'RECTIFICATION_VERIFICATION_PENDING',
      requirement: 'SAT-02',
    });
    const byUnit = given(rectificationDecider, events).when(verify, unitCtx(openedAt));
    expect(E.isLeft(byUnit) && byUnit.left.kind).toBe('forbidden');
    const verified = run([
      [open, supervisorCtx(openedAt)],
      [verify, supervisorCtx(openedAt)],
    ]);
    expect(verified[1]).toMatchObject({
      type: 'RectificationSourceVerified',
      data: { founded: true, source: { kind: 'bad-rating' }, responsibleUnitId: 'window-03' },
    });
    const twice = given(rectificationDecider, verified).when(verify, supervisorCtx(openedAt));
    expect(E.isLeft(twice) && twice.left.code).toBe('RECTIFICATION_ALREADY_VERIFIED');
  });

  it('SAT-02 an unfounded bad rating dismisses the rectification', () => {
    const events = run([
      [open, supervisorCtx(openedAt)],
      [
        { type: 'VerifyRectificationSource', data: { founded: false, note: '经核实系误评' } },
        supervisorCtx(openedAt),
      ],
    ]);
    const state = given(rectificationDecider, events).state;
    expect(state.status).toBe('dismissed');
    const result = given(rectificationDecider, events).when(measures, unitCtx(openedAt));
    expect(E.isLeft(result) && result.left).toMatchObject({
      kind: 'transition',
      from: 'dismissed',
    });
  });

  it('AUD-02 an audit finding needs no verification unless asked', () => {
    const result = given(rectificationDecider).when(
      {
        ...open,
        data: { ...open.data, source: { kind: 'audit-finding', id: 'F1' } },
      } as RectificationCommand,
      supervisorCtx(openedAt),
    );
    expect(E.isRight(result) && result.right[0]?.data).toMatchObject({
      verificationRequired: false,
    });
  });

  it('AUD-02 cannot be submitted without measures', () => {
    const events = run([
      [open, supervisorCtx(openedAt)],
      [verify, supervisorCtx(openedAt)],
    ]);
    const result = given(rectificationDecider, events).when(submit, unitCtx(openedAt));
    expect(E.isLeft(result) && result.left).toMatchObject({
      code: 'RECTIFICATION_MEASURES_MISSING',
      requirement: 'AUD-02',
    });
  });

  it('AUD-02 K-14 acceptance by the supervising department carries source, unit, deadline, time and rebounds', () => {
    const result = given(rectificationDecider, submitted()).when(
      accept,
      supervisorCtx('2026-10-20T15:00:00+08:00'),
    );
    expect(E.isRight(result) && result.right[0]).toEqual({
      type: 'RectificationAccepted',
      data: {
        rectificationId: 'R-001',
        source: { kind: 'bad-rating', id: 'T2026-0042', streamId: 'ticket-T2026-0042' },
        responsibleUnitId: 'window-03',
        verificationNote: '现场核验合格',
        acceptedAt: '2026-10-20T15:00:00+08:00',
        acceptedBy: 'sup-01',
        acceptedByUnit: 'supervision-dept',
        deadline: expect.objectContaining({ dueDate: '2026-10-23' }),
        onTime: true,
        reboundCount: 0,
      },
    });
  });

  it('AUD-02 K-14 an acceptance after the deadline is recorded as late', () => {
    const result = given(rectificationDecider, submitted()).when(
      accept,
      supervisorCtx('2026-10-26T09:00:00+08:00'),
    );
    expect(E.isRight(result) && result.right[0]?.data).toMatchObject({ onTime: false });
  });

  it('AUD-02 only the supervising department accepts, and never the responsible unit itself', () => {
    const byUnit = given(rectificationDecider, submitted()).when(accept, unitCtx(openedAt));
    expect(E.isLeft(byUnit) && byUnit.left).toMatchObject({
      kind: 'forbidden',
      code: 'RECTIFICATION_SUPERVISOR_ONLY',
      requirement: 'AUD-02',
      actorId: 'u-07',
    });
    const selfSupervised = given(rectificationDecider, submitted()).when(
      accept,
      testContext({ now: openedAt, actor: { id: 's', role: 'supervisor', unit: 'window-03' } }),
    );
    expect(E.isLeft(selfSupervised) && selfSupervised.left.code).toBe(
      'RECTIFICATION_SELF_ACCEPTANCE',
    );
  });

  it('AUD-02 a rejected submission goes back to the unit and can be submitted again', () => {
    const rejected = given(rectificationDecider, submitted()).when(
      { type: 'RejectRectification', data: { reason: '告知单内容不全' } },
      supervisorCtx('2026-10-13T09:00:00+08:00'),
    );
    if (E.isLeft(rejected)) throw new Error('reject failed');
    const events = [...submitted(), ...rejected.right];
    expect(given(rectificationDecider, events).state.status).toBe('open');
    expect(
      E.isRight(
        given(rectificationDecider, events).when(submit, unitCtx('2026-10-14T09:00:00+08:00')),
      ),
    ).toBe(true);
  });

  it('AUD-02 reopening after acceptance counts a rebound and starts a new deadline', () => {
    const accepted = run([
      [open, supervisorCtx(openedAt)],
      [verify, supervisorCtx('2026-09-28T15:00:00+08:00')],
      [measures, unitCtx('2026-09-29T09:00:00+08:00')],
      [submit, unitCtx('2026-10-12T09:00:00+08:00')],
      [accept, supervisorCtx('2026-10-20T15:00:00+08:00')],
    ]);
    const reopen: RectificationCommand = {
      type: 'ReopenRectification',
      data: { reason: '回访发现告知单被撤下' },
    };
    const reopened = given(rectificationDecider, accepted).when(
      reopen,
      supervisorCtx('2026-11-02T09:00:00+08:00'),
    );
    expect(E.isRight(reopened) && reopened.right[0]?.data).toMatchObject({
      reboundCount: 1,
      source: { kind: 'bad-rating', id: 'T2026-0042' },
      responsibleUnitId: 'window-03',
      deadline: { dueDate: '2026-11-23', workdays: 15 },
      reopenedAt: '2026-11-02T09:00:00+08:00',
    });
    const byUnit = given(rectificationDecider, accepted).when(reopen, unitCtx(openedAt));
    expect(E.isLeft(byUnit) && byUnit.left.kind).toBe('forbidden');

    const reaccepted = run([
      [open, supervisorCtx(openedAt)],
      [verify, supervisorCtx('2026-09-28T15:00:00+08:00')],
      [measures, unitCtx('2026-09-29T09:00:00+08:00')],
      [submit, unitCtx('2026-10-12T09:00:00+08:00')],
      [accept, supervisorCtx('2026-10-20T15:00:00+08:00')],
      [reopen, supervisorCtx('2026-11-02T09:00:00+08:00')],
      [submit, unitCtx('2026-11-10T09:00:00+08:00')],
      [accept, supervisorCtx('2026-11-12T09:00:00+08:00')],
    ]);
    expect(reaccepted.at(-1)?.data).toMatchObject({
      reboundCount: 1,
      onTime: true,
      deadline: { dueDate: '2026-11-23' },
    });
  });

  it('AUD-02 an open rectification cannot be reopened or accepted (no skipped step)', () => {
    const events = run([[open, supervisorCtx(openedAt)]]);
    const reopen = given(rectificationDecider, events).when(
      { type: 'ReopenRectification', data: { reason: 'x' } },
      supervisorCtx(openedAt),
    );
    expect(E.isLeft(reopen) && reopen.left).toMatchObject({ kind: 'transition', from: 'open' });
    const acc = given(rectificationDecider, events).when(accept, supervisorCtx(openedAt));
    expect(E.isLeft(acc) && acc.left).toMatchObject({
      kind: 'transition',
      attempted: 'AcceptRectification',
    });
  });
});
