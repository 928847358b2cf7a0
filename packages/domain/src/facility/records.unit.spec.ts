import { describe, expect, it } from 'vitest';
import { definePolicy } from '../policy/define-policy.js';
import { given } from '../testing/index.js';
import { facilityDecider } from './decider.js';
import {
  accepted,
  cmd,
  ctx,
  headCtx,
  history,
  pipeFitter,
  refused,
  register,
  types,
} from './fixtures.test.js';

const inspection = (overrides: Record<string, unknown> = {}) =>
  cmd('RecordInspection', {
    recordId: 'R-1',
    recordNumber: 'WH-2026-0001',
    performedAt: '2026-11-20T08:30:00+08:00',
    personnel: [
      { id: 'mnt-01', name: '王师傅' },
      { id: 'mnt-02', name: '赵师傅' },
    ],
    maintainerId: 'mnt-01',
    content: '检查水泵运行、管网压力、阀门密封',
    result: 'normal',
    condition: 'intact',
    ...overrides,
  });

const review = (decision: 'approved' | 'returned', recordId = 'R-1') =>
  cmd('ReviewMaintenanceRecord', { recordId, decision, comment: '已核' });

const worker = ctx({ certificates: [pipeFitter] });

describe('Inspection and maintenance records (FAC-05, FAC-13)', () => {
  it('FAC-05 given a facility, when an inspection is recorded, then the record holds every field of 000 §2.5.1 and is signed, not yet final', () => {
    const events = accepted(given(facilityDecider, history(register())).when(inspection(), worker));
    expect(types(events)).toEqual(['FacilityInspected']);
    expect(events[0]?.data).toEqual({
      recordId: 'R-1',
      recordNumber: 'WH-2026-0001',
      facility: {
        name: '东区二次供水泵房',
        number: 'GS-2019-001',
        location: '东区幸福路 12 号地下一层',
        classKey: 'water-supply',
      },
      performedAt: '2026-11-20T08:30:00+08:00',
      personnel: [
        { id: 'mnt-01', name: '王师傅' },
        { id: 'mnt-02', name: '赵师傅' },
      ],
      content: '检查水泵运行、管网压力、阀门密封',
      result: 'normal',
      condition: 'intact',
      signedBy: { id: 'mnt-01', name: '王师傅' },
      signedAt: worker.now,
      retentionYears: 10,
      retainUntil: '2036-11-20',
    });
    const state = given(facilityDecider, [...history(register()), ...events]).state;
    expect(state.records['R-1']?.status).toBe('signed');
  });

  it('FAC-05 the retention period comes from the policy', () => {
    const policy = definePolicy({ archive: { maintenanceRecordRetentionYears: 30 } });
    const events = accepted(
      given(facilityDecider, history(register())).when(
        inspection(),
        ctx({ policy, certificates: [pipeFitter] }),
      ),
    );
    expect(events[0]?.data).toMatchObject({ retentionYears: 30, retainUntil: '2056-11-20' });
  });

  it.each([
    [{ result: 'ok' }, 'INVALID_INPUT', ['result']],
    [{ personnel: [] }, 'INVALID_INPUT', ['personnel']],
    [{ maintainerId: 'mnt-09' }, 'FACILITY_SIGNER_NOT_IN_PERSONNEL', ['maintainerId']],
  ])('FAC-05 when the record is incomplete or unsigned (%j), then %s', (overrides, code, path) => {
    const error = refused(
      given(facilityDecider, history(register())).when(inspection(overrides), worker),
    );
    expect(error).toMatchObject({ code, requirement: 'FAC-05', path });
  });

  it('FAC-05 record numbers are unique within the facility', () => {
    const base = history(register(), inspection());
    const error = refused(
      given(facilityDecider, base).when(inspection({ recordId: 'R-2' }), worker),
    );
    expect(error).toMatchObject({
      code: 'FACILITY_DUPLICATE_ID',
      requirement: 'FAC-05',
      path: ['recordNumber'],
    });
  });

  it('FAC-05 given a signed record, when the department head approves it, then it is final', () => {
    const base = history(register(), inspection());
    const events = accepted(given(facilityDecider, base).when(review('approved'), headCtx()));
    expect(events[0]).toEqual({
      type: 'MaintenanceRecordReviewed',
      data: {
        recordId: 'R-1',
        recordNumber: 'WH-2026-0001',
        decision: 'approved',
        comment: '已核',
        reviewer: headCtx().actor,
        reviewedAt: headCtx().now,
        final: true,
      },
    });
    expect(given(facilityDecider, [...base, ...events]).state.records['R-1']?.status).toBe('final');
  });

  it('FAC-05 a review by the maintainer themself is rejected, even with the head role', () => {
    const base = history(register(), inspection());
    const self = ctx({ actor: { id: 'mnt-01', role: 'department-head', unit: 'facility-dept' } });
    expect(refused(given(facilityDecider, base).when(review('approved'), self))).toMatchObject({
      kind: 'forbidden',
      code: 'FACILITY_SELF_REVIEW',
      requirement: 'FAC-05',
      path: [],
    });
  });

  it('FAC-05 only the reviewer roles of the policy review, and only once', () => {
    const base = history(register(), inspection());
    expect(
      refused(
        given(facilityDecider, base).when(
          review('approved'),
          ctx({ actor: { id: 'x-1', role: 'window-staff', unit: 'u' } }),
        ),
      ),
    ).toMatchObject({
      code: 'FACILITY_REVIEWER_ROLE',
      requirement: 'FAC-05',
      path: [],
    });
    const reviewed = [
      ...base,
      ...accepted(given(facilityDecider, base).when(review('approved'), headCtx())),
    ];
    expect(
      refused(given(facilityDecider, reviewed).when(review('approved'), headCtx())),
    ).toMatchObject({
      code: 'FACILITY_RECORD_NOT_AWAITING_REVIEW',
      requirement: 'FAC-05',
      path: ['recordId'],
    });
  });

  it('FAC-05 a returned record is replaced by a new one that names it', () => {
    const base = history(register(), inspection(), { command: review('returned'), ctx: headCtx() });
    const events = accepted(
      given(facilityDecider, base).when(
        inspection({ recordId: 'R-2', recordNumber: 'WH-2026-0002', supersedesRecordId: 'R-1' }),
        worker,
      ),
    );
    const state = given(facilityDecider, [...base, ...events]).state;
    expect(state.records['R-1']?.status).toBe('superseded');
    expect(
      refused(
        given(facilityDecider, history(register(), inspection())).when(
          inspection({ recordId: 'R-2', recordNumber: 'WH-2026-0002', supersedesRecordId: 'R-1' }),
          worker,
        ),
      ),
    ).toMatchObject({ kind: 'transition', requirement: 'FAC-05', path: ['supersedesRecordId'] });
  });

  it('FAC-13 every inspection sets the condition; the latest one counts', () => {
    const base = history(
      register(),
      inspection(),
      inspection({
        recordId: 'R-2',
        recordNumber: 'WH-2026-0002',
        result: 'repaired',
        condition: 'not-intact',
      }),
    );
    const state = given(facilityDecider, base).state;
    expect(state.condition).toBe('not-intact');
    expect(
      base
        .filter((e) => e.type === 'FacilityInspected')
        .map((e) => (e.data as { condition: string }).condition),
    ).toEqual(['intact', 'not-intact']);
  });

  it('FAC-13 an inspection without a condition is refused', () => {
    const error = refused(
      given(facilityDecider, history(register())).when(
        inspection({ condition: undefined }),
        worker,
      ),
    );
    expect(error).toMatchObject({
      code: 'FACILITY_CONDITION_REQUIRED',
      requirement: 'FAC-13',
      path: ['condition'],
    });
  });

  it('FAC-05 FAC-06 an abnormal result opens a fault in the same batch; a reaction reporting it again adds nothing', () => {
    const events = accepted(
      given(facilityDecider, history(register())).when(
        inspection({
          result: 'abnormal',
          condition: 'not-intact',
          findings: '2 号泵轴封渗漏',
          faultUrgency: 'urgent',
        }),
        worker,
      ),
    );
    expect(types(events)).toEqual(['FacilityInspected', 'FaultReported']);
    expect(events[0]?.data).toMatchObject({ faultId: 'R-1-fault' });
    expect(events[1]?.data).toEqual({
      faultId: 'R-1-fault',
      source: 'inspection',
      recordId: 'R-1',
      description: '2 号泵轴封渗漏',
      urgency: 'urgent',
      reportedAt: worker.now,
    });
    const again = accepted(
      given(facilityDecider, [...history(register()), ...events]).when(
        cmd('ReportFault', { source: 'inspection', recordId: 'R-1', description: '轴封渗漏' }),
        ctx(),
      ),
    );
    expect(again).toEqual([]);
  });

  it('FAC-12 an inspection that names its scheduled task completes it and schedules the next', () => {
    const base = history(
      register(),
      cmd('AddMaintenancePlanItem', {
        planItemId: 'P-1',
        taskKind: 'pipe-pressure-check',
        title: '管网压力检测',
        person: { id: 'mnt-01', name: '王师傅' },
        post: '泵房值班维修岗',
        schedule: { firstDueDate: '2026-11-20' },
        responsibility: '检测并记录',
      }),
    );
    const events = accepted(
      given(facilityDecider, base).when(inspection({ taskId: 'P-1:1' }), worker),
    );
    expect(types(events)).toEqual([
      'FacilityInspected',
      'MaintenanceTaskCompleted',
      'MaintenanceTaskScheduled',
    ]);
    expect(events[1]?.data).toMatchObject({ taskId: 'P-1:1', recordId: 'R-1', onTime: true });
    expect(events[2]?.data).toMatchObject({ taskId: 'P-1:2', dueDate: '2027-02-20' });
    expect(
      refused(given(facilityDecider, base).when(inspection({ taskId: 'P-1:7' }), worker)),
    ).toMatchObject({ requirement: 'FAC-12', path: ['taskId'] });
  });
});
