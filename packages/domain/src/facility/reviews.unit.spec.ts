import { describe, expect, it } from 'vitest';
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

const drill = (overrides: Record<string, unknown> = {}) =>
  cmd('RecordSafetyRecord', {
    safetyRecordId: 'S-1',
    kind: 'drill',
    title: '泵房停电应急演练',
    occurredAt: '2026-11-19T14:00:00+08:00',
    summary: '模拟市电中断，切换备用电源',
    participants: [{ id: 'mnt-01', name: '王师傅' }],
    evaluation: '切换用时 4 分钟，达到预案要求',
    ...overrides,
  });

const inspection = cmd('RecordInspection', {
  recordId: 'R-1',
  recordNumber: 'WH-2026-0001',
  performedAt: '2026-11-20T08:30:00+08:00',
  personnel: [{ id: 'mnt-01', name: '王师傅' }],
  maintainerId: 'mnt-01',
  content: '管网压力检测',
  result: 'normal',
  condition: 'intact',
});

const draft = (overrides: Record<string, unknown> = {}) =>
  cmd('DraftMaintenanceReport', {
    reportId: 'MR-2026-Q4',
    period: { from: '2026-10-01', to: '2026-12-31' },
    overview: { function: '东区居民二次供水', usage: '日均供水 1200 吨' },
    content: '季度管网压力检测 1 次',
    results: '压力正常',
    conclusion: { condition: 'intact', advice: '冬季注意防冻', nextPlan: '2027 Q1 全面检修' },
    recordNumbers: ['WH-2026-0001'],
    responsiblePerson: { id: 'emp-100', name: '李工' },
    ...overrides,
  });

const maintenanceHead = ctx({
  actor: { id: 'mh-01', role: 'maintenance-head', unit: 'facility-dept' },
});

describe('Safety & emergency records (FAC-10)', () => {
  it('FAC-10 given a facility, when a drill is recorded with its evaluation, then it awaits review', () => {
    const events = accepted(given(facilityDecider, history(register())).when(drill(), ctx()));
    expect(events[0]).toMatchObject({
      type: 'SafetyRecordAdded',
      data: { kind: 'drill', evaluation: '切换用时 4 分钟，达到预案要求', recordedBy: ctx().actor },
    });
    const state = given(facilityDecider, [...history(register()), ...events]).state;
    expect(state.safetyRecords['S-1']?.status).toBe('awaiting-review');
  });

  it('FAC-10 a drill without its evaluation is refused', () => {
    const error = refused(
      given(facilityDecider, history(register())).when(drill({ evaluation: undefined }), ctx()),
    );
    expect(error).toMatchObject({
      code: 'FACILITY_DRILL_EVALUATION_REQUIRED',
      requirement: 'FAC-10',
      path: ['evaluation'],
    });
  });

  it('FAC-10 the department head reviews it; its author may not', () => {
    const base = history(register(), drill());
    const review = cmd('ReviewSafetyRecord', { safetyRecordId: 'S-1', decision: 'approved' });
    expect(accepted(given(facilityDecider, base).when(review, headCtx()))[0]).toMatchObject({
      type: 'SafetyRecordReviewed',
      data: { decision: 'approved', reviewer: headCtx().actor },
    });
    const author = ctx({ actor: { id: 'mnt-01', role: 'department-head', unit: 'facility-dept' } });
    expect(refused(given(facilityDecider, base).when(review, author))).toMatchObject({
      code: 'FACILITY_SELF_REVIEW',
      requirement: 'FAC-10',
      path: [],
    });
  });
});

describe('Maintenance reports (FAC-11)', () => {
  const base = history(register(), {
    command: inspection,
    ctx: ctx({ certificates: [pipeFitter] }),
  });

  it('FAC-11 given records, when a report is drafted, then it carries overview, content, conclusion, records with retention, responsible person', () => {
    const events = accepted(given(facilityDecider, base).when(draft(), ctx()));
    expect(events[0]).toMatchObject({
      type: 'MaintenanceReportDrafted',
      data: {
        facility: { name: '东区二次供水泵房', number: 'GS-2019-001' },
        conclusion: { condition: 'intact', advice: '冬季注意防冻', nextPlan: '2027 Q1 全面检修' },
        records: [{ recordNumber: 'WH-2026-0001', recordId: 'R-1', retainUntil: '2036-11-20' }],
        retentionYears: 10,
        responsiblePerson: { id: 'emp-100', name: '李工' },
        attachments: [],
      },
    });
  });

  it('FAC-11 a report citing an unknown record number is refused', () => {
    const error = refused(
      given(facilityDecider, base).when(
        draft({ recordNumbers: ['WH-2026-0001', 'WH-1999-0001'] }),
        ctx(),
      ),
    );
    expect(error).toMatchObject({
      code: 'FACILITY_UNKNOWN_REFERENCE',
      requirement: 'FAC-11',
      path: ['recordNumbers', 1],
    });
  });

  it('FAC-11 a report is submitted only after the maintenance head approved it', () => {
    const drafted = [...base, ...accepted(given(facilityDecider, base).when(draft(), ctx()))];
    const submit = cmd('SubmitMaintenanceReport', {
      reportId: 'MR-2026-Q4',
      submittedTo: '市城管局',
    });
    expect(refused(given(facilityDecider, drafted).when(submit, ctx()))).toMatchObject({
      kind: 'transition',
      code: 'FACILITY_REPORT_NOT_APPROVED',
      requirement: 'FAC-11',
      path: ['reportId'],
    });
    const review = cmd('ReviewMaintenanceReport', { reportId: 'MR-2026-Q4', decision: 'approved' });
    expect(refused(given(facilityDecider, drafted).when(review, ctx()))).toMatchObject({
      code: 'FACILITY_SELF_REVIEW',
      requirement: 'FAC-11',
    });
    const approved = [
      ...drafted,
      ...accepted(given(facilityDecider, drafted).when(review, maintenanceHead)),
    ];
    const events = accepted(given(facilityDecider, approved).when(submit, ctx()));
    expect(types(events)).toEqual(['MaintenanceReportSubmitted']);
    expect(
      given(facilityDecider, [...approved, ...events]).state.reports['MR-2026-Q4']?.status,
    ).toBe('submitted');
  });

  it('FAC-11 a returned report cannot be submitted', () => {
    const returned = history(
      register(),
      { command: inspection, ctx: ctx({ certificates: [pipeFitter] }) },
      draft(),
      {
        command: cmd('ReviewMaintenanceReport', {
          reportId: 'MR-2026-Q4',
          decision: 'returned',
          comment: '补充检测报告',
        }),
        ctx: maintenanceHead,
      },
    );
    expect(
      refused(
        given(facilityDecider, returned).when(
          cmd('SubmitMaintenanceReport', { reportId: 'MR-2026-Q4', submittedTo: '市城管局' }),
          ctx(),
        ),
      ),
    ).toMatchObject({ code: 'FACILITY_REPORT_NOT_APPROVED', path: ['reportId'] });
  });

  it('FAC-11 the report period must not end before it starts', () => {
    expect(
      refused(
        given(facilityDecider, base).when(
          draft({ period: { from: '2026-12-31', to: '2026-10-01' } }),
          ctx(),
        ),
      ),
    ).toMatchObject({
      code: 'FACILITY_REPORT_PERIOD_INVALID',
      requirement: 'FAC-11',
      path: ['period', 'to'],
    });
  });
});
