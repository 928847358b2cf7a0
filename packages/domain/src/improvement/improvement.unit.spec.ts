import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { given, testContext } from '../testing/index.js';
import type { ImprovementCommand } from './commands.js';
import { improvementDecider, improvementStreamId } from './decider.js';
import type { ImprovementEvent } from './events.js';

const at = (now: string) => testContext({ now });
const planned = '2026-07-06T09:00:00+08:00';

const plan: ImprovementCommand = {
  type: 'PlanImprovement',
  data: {
    planId: 'P2026-01',
    goal: '窗口平均等候时间降至20分钟以内',
    measures: ['增设高峰弹性窗口', '推行预约办理'],
    responsibleDepartmentId: 'service-dept',
    milestones: [
      { id: 'm1', title: '弹性窗口上线', dueDate: '2026-08-31' },
      { id: 'm2', title: '预约系统上线', dueDate: '2026-09-30' },
    ],
    source: { kind: 'evaluation', id: 'A-2026-H1' },
  },
};
const start: ImprovementCommand = { type: 'StartImprovement', data: {} };
const done = (milestoneId: string): ImprovementCommand => ({
  type: 'CompleteMilestone',
  data: { milestoneId, result: '已完成' },
});
const check: ImprovementCommand = {
  type: 'CheckImprovement',
  data: {
    measuredResult: '9月平均等候18分钟',
    indicators: [{ name: '平均等候时间', value: 18, target: 20, unit: '分钟' }],
    goalMet: true,
  },
};

const run = (steps: readonly [ImprovementCommand, string][]): ImprovementEvent[] => {
  const events: ImprovementEvent[] = [];
  for (const [c, now] of steps) {
    const r = given(improvementDecider, events).when(c, at(now));
    if (E.isLeft(r)) throw new Error(JSON.stringify(r.left));
    events.push(...r.right);
  }
  return events;
};

describe('Improvement plans, PDCA (AUD-04)', () => {
  it('AUD-04 plans with goal, measures, responsible department and milestones', () => {
    const [event] = run([[plan, planned]]);
    expect(event).toEqual({
      type: 'ImprovementPlanned',
      data: { ...plan.data, cycle: 1, plannedAt: planned },
    });
    expect(improvementStreamId('P2026-01')).toBe('improvement-P2026-01');
  });

  it('AUD-04 rejects a plan without measures and a milestone already overdue', () => {
    const noMeasures = given(improvementDecider).when(
      { ...plan, data: { ...plan.data, measures: [] } } as ImprovementCommand,
      at(planned),
    );
    expect(E.isLeft(noMeasures) && noMeasures.left).toMatchObject({
      kind: 'validation',
      requirement: 'AUD-04',
      path: ['measures'],
    });
    const overdue = given(improvementDecider).when(plan, at('2026-09-01T09:00:00+08:00'));
    expect(E.isLeft(overdue) && overdue.left).toMatchObject({
      code: 'IMPROVEMENT_MILESTONE_IN_PAST',
      path: ['milestones', 0, 'dueDate'],
    });
  });

  it('AUD-04 do: milestones are completed once, on time or late', () => {
    const events = run([
      [plan, planned],
      [start, planned],
      [done('m1'), '2026-08-31T20:00:00+08:00'],
    ]);
    expect(events[2]?.data).toMatchObject({ milestoneId: 'm1', onTime: true, cycle: 1 });
    const late = given(improvementDecider, events).when(
      done('m2'),
      at('2026-10-09T09:00:00+08:00'),
    );
    expect(E.isRight(late) && late.right[0]?.data).toMatchObject({ onTime: false });
    const twice = given(improvementDecider, events).when(done('m1'), at(planned));
    expect(E.isLeft(twice) && twice.left.code).toBe('IMPROVEMENT_MILESTONE_ALREADY_DONE');
    const unknown = given(improvementDecider, events).when(done('m9'), at(planned));
    expect(E.isLeft(unknown) && unknown.left.path).toEqual(['milestoneId']);
  });

  it('AUD-04 check records the measured result and milestone progress', () => {
    const events = run([
      [plan, planned],
      [start, planned],
      [done('m1'), '2026-08-20T09:00:00+08:00'],
      [check, '2026-10-09T09:00:00+08:00'],
    ]);
    expect(events[3]?.data).toMatchObject({
      goalMet: true,
      indicators: [{ name: '平均等候时间', value: 18, target: 20 }],
      milestonesCompleted: 1,
      milestonesTotal: 2,
    });
  });

  it('AUD-04 act standardises and closes, or opens the next cycle with new milestones', () => {
    const checked = run([
      [plan, planned],
      [start, planned],
      [check, '2026-10-09T09:00:00+08:00'],
    ]);
    const standardise = given(improvementDecider, checked).when(
      {
        type: 'ActOnImprovement',
        data: { decision: 'standardise', actions: ['纳入窗口服务规范'] },
      },
      at('2026-10-12T09:00:00+08:00'),
    );
    if (E.isLeft(standardise)) throw new Error('act failed');
    expect(given(improvementDecider, [...checked, ...standardise.right]).state.status).toBe(
      'closed',
    );
    const next = given(improvementDecider, checked).when(
      {
        type: 'ActOnImprovement',
        data: {
          decision: 'next-cycle',
          actions: ['扩大预约比例'],
          nextMilestones: [{ id: 'm3', title: '预约占比50%', dueDate: '2026-12-31' }],
        },
      },
      at('2026-10-12T09:00:00+08:00'),
    );
    if (E.isLeft(next)) throw new Error('act failed');
    const state = given(improvementDecider, [...checked, ...next.right]).state;
    expect(state).toMatchObject({ status: 'planned', cycle: 2, milestones: [{ id: 'm3' }] });
  });

  it('AUD-04 another cycle needs its milestones', () => {
    const checked = run([
      [plan, planned],
      [start, planned],
      [check, '2026-10-09T09:00:00+08:00'],
    ]);
    const result = given(improvementDecider, checked).when(
      { type: 'ActOnImprovement', data: { decision: 'next-cycle', actions: ['继续'] } },
      at('2026-10-12T09:00:00+08:00'),
    );
    expect(E.isLeft(result) && result.left.path).toEqual(['nextMilestones']);
  });

  const act: ImprovementCommand = {
    type: 'ActOnImprovement',
    data: { decision: 'standardise', actions: ['x'] },
  };
  const steps = {
    none: [],
    planned: [[plan, planned]],
    doing: [
      [plan, planned],
      [start, planned],
    ],
  } satisfies Record<string, [ImprovementCommand, string][]>;
  it.each([
    ['planned', steps.planned, check],
    ['planned', steps.planned, done('m1')],
    ['doing', steps.doing, act],
    ['none', steps.none, start],
  ])('AUD-04 PDCA cannot skip a step: from %s', (from, steps, command) => {
    const result = given(improvementDecider, run(steps)).when(command, at(planned));
    expect(E.isLeft(result) && result.left).toMatchObject({
      kind: 'transition',
      code: 'IMPROVEMENT_STEP_NOT_ALLOWED',
      requirement: 'AUD-04',
      from,
    });
  });
});
