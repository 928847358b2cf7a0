import { describe, expect, it } from 'vitest';
import { definePolicy } from '../policy/define-policy.js';
import { defaultPolicy } from '../policy/policy.js';
import { given } from '../testing/index.js';
import { facilityDecider } from './decider.js';
import {
  accepted,
  cmd,
  ctx,
  history,
  pipeFitter,
  refused,
  register,
  types,
} from './fixtures.test.js';
import { overdueTasks } from './queries.js';

const planItem = (
  overrides: Record<string, unknown> = {},
  schedule: Record<string, unknown> = {},
) =>
  cmd('AddMaintenancePlanItem', {
    planItemId: 'P-PRESSURE',
    taskKind: 'pipe-pressure-check',
    title: '管网压力检测',
    person: { id: 'mnt-01', name: '王师傅' },
    post: '泵房值班维修岗',
    schedule: { mode: 'fixed', ...schedule },
    responsibility: '按季度检测管网压力并记录，异常即报修',
    ...overrides,
  });

const complete = (taskId: string, performedAt: string) =>
  cmd('CompleteMaintenanceTask', {
    taskId,
    performedAt,
    performedBy: { id: 'mnt-01', name: '王师傅' },
  });

const at = (now: string) => ctx({ now, certificates: [pipeFitter] });

describe('Maintenance plan (FAC-03, FAC-04, FAC-12)', () => {
  it('FAC-03 given a facility, when a plan item fixes person, post, schedule and responsibility, then it is added and its first task scheduled with its due date', () => {
    const events = accepted(given(facilityDecider, history(register())).when(planItem(), ctx()));
    expect(types(events)).toEqual(['MaintenancePlanItemAdded', 'MaintenanceTaskScheduled']);
    expect(events[0]?.data).toMatchObject({
      planItemId: 'P-PRESSURE',
      classKey: 'water-supply',
      person: { id: 'mnt-01', name: '王师傅' },
      post: '泵房值班维修岗',
      responsibility: '按季度检测管网压力并记录，异常即报修',
    });
    expect(events[1]?.data).toEqual({
      taskId: 'P-PRESSURE:1',
      planItemId: 'P-PRESSURE',
      taskKind: 'pipe-pressure-check',
      classKey: 'water-supply',
      occurrence: 1,
      dueDate: '2027-02-20',
      dueAt: '2027-02-20T16:00:00.000Z',
      basis: 'first',
    });
  });

  it.each([
    ['person', '定人'],
    ['post', '定岗'],
    ['schedule', '定时'],
    ['responsibility', '定责'],
  ])(
    'FAC-03 when the plan item has no %s (%s), then FACILITY_FOUR_FIXED_MISSING names it',
    (field, zh) => {
      const error = refused(
        given(facilityDecider, history(register())).when(planItem({ [field]: undefined }), ctx()),
      );
      expect(error).toMatchObject({
        kind: 'validation',
        code: 'FACILITY_FOUR_FIXED_MISSING',
        requirement: 'FAC-03',
        path: [field],
      });
      expect(error.message.zh).toContain(zh);
    },
  );

  it('FAC-03 a blank post counts as missing', () => {
    const error = refused(
      given(facilityDecider, history(register())).when(planItem({ post: '   ' }), ctx()),
    );
    expect(error).toMatchObject({ code: 'FACILITY_FOUR_FIXED_MISSING', path: ['post'] });
  });

  it('FAC-04 the default cycles of the standard are in the policy', () => {
    const cycles = defaultPolicy.facility.defaultCycles;
    expect(cycles['*']).toEqual({
      routine: { unit: 'week', count: 1 },
      periodic: { unit: 'month', count: 3 },
    });
    expect(cycles['water-supply']).toEqual({
      'pipe-pressure-check': { unit: 'month', count: 3 },
      'full-overhaul': { unit: 'year', count: 1 },
    });
    expect(cycles.power?.['line-insulation-check']).toEqual({ unit: 'month', count: 6 });
    expect(cycles['waste-processing']?.cleaning).toEqual({ unit: 'day', count: 1 });
    expect(cycles['road-lighting']?.patrol).toEqual({ unit: 'week', count: 1 });
    expect(cycles['fire-facilities']?.['full-test']).toEqual({ unit: 'month', count: 6 });
    expect(defaultPolicy.facility.specialCyclesByRisk.high).toEqual({ unit: 'month', count: 1 });
  });

  it('FAC-04 a plan item picks up the class default, the any-facility default, or the risk-level cycle', () => {
    const base = history(register());
    const classDefault = accepted(given(facilityDecider, base).when(planItem(), ctx()));
    expect(classDefault[0]?.data).toMatchObject({
      schedule: { cycle: { unit: 'month', count: 3 }, cycleSource: 'class-default' },
    });
    const routine = accepted(
      given(facilityDecider, base).when(planItem({ taskKind: 'routine' }), ctx()),
    );
    expect(routine[0]?.data).toMatchObject({
      schedule: {
        cycle: { unit: 'week', count: 1 },
        cycleSource: 'any-facility-default',
        firstDueDate: '2026-11-27',
      },
    });
    const special = accepted(
      given(facilityDecider, base).when(
        planItem({ taskKind: 'special' }, { riskLevel: 'high' }),
        ctx(),
      ),
    );
    expect(special[0]?.data).toMatchObject({
      schedule: {
        cycle: { unit: 'month', count: 1 },
        cycleSource: 'risk-level',
        riskLevel: 'high',
      },
    });
  });

  it('FAC-04 an override on the plan item replaces the default cycle', () => {
    const events = accepted(
      given(facilityDecider, history(register())).when(
        planItem({}, { cycle: { unit: 'month', count: 1 }, firstDueDate: '2026-12-01' }),
        ctx(),
      ),
    );
    expect(events[0]?.data).toMatchObject({
      schedule: {
        cycle: { unit: 'month', count: 1 },
        cycleSource: 'override',
        firstDueDate: '2026-12-01',
      },
    });
  });

  it('FAC-04 a jurisdiction that changes the policy changes the default a new plan item gets', () => {
    const policy = definePolicy({
      facility: {
        defaultCycles: { 'water-supply': { 'pipe-pressure-check': { unit: 'month', count: 1 } } },
      },
    });
    const events = accepted(
      given(facilityDecider, history(register())).when(planItem(), ctx({ policy })),
    );
    expect(events[0]?.data).toMatchObject({
      schedule: { cycle: { unit: 'month', count: 1 }, cycleSource: 'class-default' },
    });
  });

  it('FAC-04 special maintenance without a risk level or cycle, and a kind without any default, are refused', () => {
    const base = history(register());
    expect(
      refused(given(facilityDecider, base).when(planItem({ taskKind: 'special' }), ctx())),
    ).toMatchObject({
      code: 'FACILITY_RISK_LEVEL_REQUIRED',
      requirement: 'FAC-04',
      path: ['schedule', 'riskLevel'],
    });
    expect(
      refused(given(facilityDecider, base).when(planItem({ taskKind: 'patrol' }), ctx())),
    ).toMatchObject({
      code: 'FACILITY_NO_CYCLE',
      requirement: 'FAC-04',
      path: ['schedule', 'cycle'],
    });
  });

  it('FAC-12 fixed schedule: a late completion is not on time and the next task counts from the last due date', () => {
    const base = history(
      register(),
      planItem({}, { cycle: { unit: 'month', count: 1 }, firstDueDate: '2026-11-30' }),
    );
    const events = accepted(
      given(facilityDecider, base).when(
        complete('P-PRESSURE:1', '2026-12-05T10:00:00+08:00'),
        at('2026-12-05T11:00:00+08:00'),
      ),
    );
    expect(types(events)).toEqual(['MaintenanceTaskCompleted', 'MaintenanceTaskScheduled']);
    expect(events[0]?.data).toMatchObject({
      taskId: 'P-PRESSURE:1',
      planItemId: 'P-PRESSURE',
      dueDate: '2026-11-30',
      completedOn: '2026-12-05',
      onTime: false,
    });
    expect(events[1]?.data).toMatchObject({
      taskId: 'P-PRESSURE:2',
      occurrence: 2,
      dueDate: '2026-12-30',
      basis: 'previous-due',
    });
  });

  it('FAC-12 fixed schedule keeps month-end due dates without drift', () => {
    const base = history(
      register(),
      planItem({}, { cycle: { unit: 'month', count: 1 }, firstDueDate: '2027-01-31' }),
      {
        command: complete('P-PRESSURE:1', '2027-01-31T10:00:00+08:00'),
        ctx: at('2027-01-31T12:00:00+08:00'),
      },
      {
        command: complete('P-PRESSURE:2', '2027-02-28T10:00:00+08:00'),
        ctx: at('2027-02-28T12:00:00+08:00'),
      },
    );
    const dues = base
      .filter((e) => e.type === 'MaintenanceTaskScheduled')
      .map((e) => (e.data as { dueDate: string }).dueDate);
    expect(dues).toEqual(['2027-01-31', '2027-02-28', '2027-03-31']);
  });

  it('FAC-12 floating schedule: on time, and the next task counts from the completion', () => {
    const base = history(
      register(),
      planItem(
        {},
        { mode: 'floating', cycle: { unit: 'month', count: 1 }, firstDueDate: '2026-11-30' },
      ),
    );
    const events = accepted(
      given(facilityDecider, base).when(
        complete('P-PRESSURE:1', '2026-11-25T10:00:00+08:00'),
        at('2026-11-25T11:00:00+08:00'),
      ),
    );
    expect(events[0]?.data).toMatchObject({ onTime: true, completedOn: '2026-11-25' });
    expect(events[1]?.data).toMatchObject({ dueDate: '2026-12-25', basis: 'completion' });
  });

  it('FAC-12 a task is overdue from the end of its due date until it is done', () => {
    const base = history(register(), planItem({}, { firstDueDate: '2026-11-30' }));
    const state = given(facilityDecider, base).state;
    expect(overdueTasks(state, '2026-11-30T23:59:59+08:00')).toEqual([]);
    expect(overdueTasks(state, '2026-12-01T00:00:00+08:00')).toEqual([
      expect.objectContaining({ taskId: 'P-PRESSURE:1', dueDate: '2026-11-30', daysOverdue: 0 }),
    ]);
    expect(overdueTasks(state, '2026-12-03T08:00:00+08:00')[0]?.daysOverdue).toBe(2);
    const done = [
      ...base,
      ...accepted(
        given(facilityDecider, base).when(
          complete('P-PRESSURE:1', '2026-12-03T09:00:00+08:00'),
          at('2026-12-03T10:00:00+08:00'),
        ),
      ),
    ];
    const after = given(facilityDecider, done).state;
    expect(overdueTasks(after, '2026-12-03T10:00:00+08:00')).toEqual([]);
    expect(overdueTasks(after, '2027-06-01T00:00:00+08:00').map((t) => t.taskId)).toEqual([
      'P-PRESSURE:2',
    ]);
  });

  it('FAC-12 completing a task that is not open, or in the future, is refused', () => {
    const base = history(register(), planItem({}, { firstDueDate: '2026-11-30' }));
    expect(
      refused(
        given(facilityDecider, base).when(
          complete('P-PRESSURE:9', '2026-11-20T08:00:00+08:00'),
          at(ctx().now),
        ),
      ),
    ).toMatchObject({
      code: 'FACILITY_UNKNOWN_REFERENCE',
      requirement: 'FAC-12',
      path: ['taskId'],
    });
    expect(
      refused(
        given(facilityDecider, base).when(
          complete('P-PRESSURE:1', '2026-11-21T08:00:00+08:00'),
          at(ctx().now),
        ),
      ),
    ).toMatchObject({
      code: 'FACILITY_TIME_IN_FUTURE',
      requirement: 'X-05',
      path: ['performedAt'],
    });
  });

  it('FAC-03 FAC-12 retiring a plan item cancels its open task, so it is never reported overdue', () => {
    const base = history(
      register(),
      planItem({}, { firstDueDate: '2026-11-30' }),
      cmd('RetireMaintenancePlanItem', { planItemId: 'P-PRESSURE', reason: '改由智能监测替代' }),
    );
    expect(base.at(-1)).toMatchObject({
      type: 'MaintenancePlanItemRetired',
      data: { cancelledTaskIds: ['P-PRESSURE:1'] },
    });
    expect(overdueTasks(given(facilityDecider, base).state, '2027-01-01T00:00:00+08:00')).toEqual(
      [],
    );
    expect(
      refused(
        given(facilityDecider, base).when(
          cmd('RetireMaintenancePlanItem', { planItemId: 'P-PRESSURE', reason: '再次' }),
          ctx(),
        ),
      ),
    ).toMatchObject({ kind: 'transition', requirement: 'FAC-03', path: ['planItemId'] });
  });

  it('FAC-12 decommissioning cancels the open tasks', () => {
    const base = history(
      register(),
      planItem({}, { firstDueDate: '2026-11-30' }),
      cmd('DecommissionFacility', { reason: '拆除', effectiveDate: '2026-11-20' }),
    );
    expect(base.at(-1)?.data).toMatchObject({ cancelledTaskIds: ['P-PRESSURE:1'] });
    expect(overdueTasks(given(facilityDecider, base).state, '2027-01-01T00:00:00+08:00')).toEqual(
      [],
    );
  });
});
