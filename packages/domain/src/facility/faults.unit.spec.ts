import { describe, expect, it } from 'vitest';
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
  registerSignage,
  types,
} from './fixtures.test.js';
import { facilityRepairQueue } from './queries.js';

const worker = ctx({ certificates: [pipeFitter] });
const person = { id: 'mnt-03', name: '孙师傅' };

const ticketFault = (ticketId: string, urgency = 'routine') =>
  cmd('ReportFault', { source: 'ticket', ticketId, description: '居民反映水压低', urgency });

const order = (
  repairOrderId: string,
  faultId: string,
  priority: string,
  extra: Record<string, unknown> = {},
) =>
  cmd('OrderRepair', {
    repairOrderId,
    faultId,
    repairClass: 'moderate',
    priority,
    assignee: person,
    ...extra,
  });

const assessment = {
  damageDegree: 'severe',
  damageDescription: '泵体开裂',
  userFeedback: '近三月 5 次投诉水压不足',
  repairCost: { amount: 18000 },
  replacementCost: { amount: 26000, currency: 'CNY' },
  justification: '维修费用接近更换且无法恢复额定扬程',
};

describe('Faults, repairs and replacement (FAC-06, FAC-09)', () => {
  it('FAC-09 given a facility, when a citizen ticket reports a fault, then FaultReported names the ticket', () => {
    const events = accepted(
      given(facilityDecider, history(register())).when(ticketFault('T2026-0042', 'urgent'), ctx()),
    );
    expect(events).toEqual([
      {
        type: 'FaultReported',
        data: {
          faultId: 'ticket-T2026-0042',
          source: 'ticket',
          ticketId: 'T2026-0042',
          description: '居民反映水压低',
          urgency: 'urgent',
          reportedAt: ctx().now,
        },
      },
    ]);
  });

  it('FAC-09 the same ticket reported twice adds nothing (safe for reactions to retry)', () => {
    const base = history(register(), ticketFault('T2026-0042'));
    expect(accepted(given(facilityDecider, base).when(ticketFault('T2026-0042'), ctx()))).toEqual(
      [],
    );
  });

  it('FAC-09 a ticket fault without its ticket id, or an inspection fault naming an unknown record, is refused', () => {
    const base = history(register());
    expect(
      refused(
        given(facilityDecider, base).when(
          cmd('ReportFault', { source: 'ticket', description: 'x' }),
          ctx(),
        ),
      ),
    ).toMatchObject({ requirement: 'FAC-09', path: ['ticketId'] });
    expect(
      refused(
        given(facilityDecider, base).when(
          cmd('ReportFault', { source: 'inspection', recordId: 'R-404', description: 'x' }),
          ctx(),
        ),
      ),
    ).toMatchObject({
      code: 'FACILITY_UNKNOWN_REFERENCE',
      requirement: 'FAC-09',
      path: ['recordId'],
    });
  });

  it('FAC-09 a usage record keeps user, time, state and operation; a fault seen in use is reported with it', () => {
    const events = accepted(
      given(facilityDecider, history(register())).when(
        cmd('RecordUsage', {
          usageRecordId: 'U-1',
          user: { id: 'op-7', name: '周值班' },
          usedAt: '2026-11-20T07:00:00+08:00',
          state: 'abnormal',
          operation: '切换备用泵',
          durationMinutes: 30,
          fault: { faultId: 'F-U1', description: '主泵异响', urgency: 'urgent' },
        }),
        ctx(),
      ),
    );
    expect(types(events)).toEqual(['UsageRecorded', 'FaultReported']);
    expect(events[0]?.data).toEqual({
      usageRecordId: 'U-1',
      user: { id: 'op-7', name: '周值班' },
      usedAt: '2026-11-20T07:00:00+08:00',
      state: 'abnormal',
      operation: '切换备用泵',
      durationMinutes: 30,
      faultId: 'F-U1',
    });
    expect(events[1]?.data).toMatchObject({
      source: 'usage',
      usageRecordId: 'U-1',
      urgency: 'urgent',
    });
  });

  it('FAC-09 a usage record without any user is refused', () => {
    const error = refused(
      given(facilityDecider, history(register())).when(
        cmd('RecordUsage', {
          usageRecordId: 'U-1',
          user: {},
          usedAt: '2026-11-20T07:00:00+08:00',
          state: 'normal',
          operation: '巡视',
        }),
        ctx(),
      ),
    );
    expect(error).toMatchObject({
      code: 'FACILITY_USAGE_USER_REQUIRED',
      requirement: 'FAC-09',
      path: ['user'],
    });
  });

  it('FAC-06 repair orders carry their class; a bad class is refused', () => {
    const base = history(register(), ticketFault('T1'));
    const events = accepted(
      given(facilityDecider, base).when(order('RO-1', 'ticket-T1', 'routine'), ctx()),
    );
    expect(events[0]).toMatchObject({
      type: 'RepairOrdered',
      data: {
        repairClass: 'moderate',
        priority: 'routine',
        faultId: 'ticket-T1',
        orderedAt: ctx().now,
      },
    });
    expect(
      refused(
        given(facilityDecider, base).when(
          order('RO-1', 'ticket-T1', 'routine', { repairClass: 'cosmetic' }),
          ctx(),
        ),
      ),
    ).toMatchObject({ requirement: 'FAC-06', path: ['repairClass'] });
  });

  it('FAC-06 urgent first: the state orders open repairs urgent before routine, then by time', () => {
    const base = history(
      register(),
      ticketFault('T1'),
      ticketFault('T2'),
      ticketFault('T3'),
      order('RO-1', 'ticket-T1', 'routine'),
      {
        command: order('RO-2', 'ticket-T2', 'urgent'),
        ctx: ctx({ now: '2026-11-20T10:00:00+08:00' }),
      },
      {
        command: order('RO-3', 'ticket-T3', 'urgent'),
        ctx: ctx({ now: '2026-11-20T11:00:00+08:00' }),
      },
    );
    const state = given(facilityDecider, base).state;
    expect(state.repairQueue).toEqual(['RO-2', 'RO-3', 'RO-1']);
    expect(facilityRepairQueue(state).map((o) => o.priority)).toEqual([
      'urgent',
      'urgent',
      'routine',
    ]);
  });

  it('FAC-06 a routine repair may not start while an urgent one waits; it may once the urgent one started', () => {
    const start = (id: string) =>
      cmd('StartRepair', {
        repairOrderId: id,
        startedAt: '2026-11-20T08:00:00+08:00',
        performedBy: person,
      });
    const base = history(
      register(),
      ticketFault('T1'),
      ticketFault('T2'),
      order('RO-1', 'ticket-T1', 'routine'),
      order('RO-2', 'ticket-T2', 'urgent'),
    );
    expect(refused(given(facilityDecider, base).when(start('RO-1'), worker))).toMatchObject({
      code: 'FACILITY_URGENT_REPAIR_FIRST',
      requirement: 'FAC-06',
      path: ['repairOrderId'],
    });
    const urgentStarted = [
      ...base,
      ...accepted(given(facilityDecider, base).when(start('RO-2'), worker)),
    ];
    expect(
      types(accepted(given(facilityDecider, urgentStarted).when(start('RO-1'), worker))),
    ).toEqual(['RepairStarted']);
  });

  it('FAC-06 completing a repair resolves its fault and takes it off the queue', () => {
    const base = history(register(), ticketFault('T1'), order('RO-1', 'ticket-T1', 'routine'));
    const events = accepted(
      given(facilityDecider, base).when(
        cmd('CompleteRepair', {
          repairOrderId: 'RO-1',
          performedAt: '2026-11-20T08:45:00+08:00',
          performedBy: person,
          outcome: '更换减压阀',
          cost: { amount: 850 },
        }),
        worker,
      ),
    );
    expect(types(events)).toEqual(['RepairCompleted', 'FaultResolved']);
    expect(events[0]?.data).toMatchObject({
      faultId: 'ticket-T1',
      cost: { amount: 850, currency: 'CNY' },
    });
    const state = given(facilityDecider, [...base, ...events]).state;
    expect(state.repairQueue).toEqual([]);
    expect(state.faults['ticket-T1']?.status).toBe('resolved');
    expect(
      refused(
        given(facilityDecider, [...base, ...events]).when(
          order('RO-2', 'ticket-T1', 'routine'),
          ctx(),
        ),
      ),
    ).toMatchObject({ kind: 'transition', requirement: 'FAC-06', path: ['faultId'] });
  });

  it('FAC-06 a replacement records its assessment, with age and maintenance history from the archive', () => {
    const base = history(register(), ticketFault('T1'));
    const events = accepted(
      given(facilityDecider, base).when(
        order('RO-1', 'ticket-T1', 'urgent', { repairClass: 'replacement', assessment }),
        ctx(),
      ),
    );
    expect(events[0]?.data).toMatchObject({
      repairClass: 'replacement',
      assessment: {
        damageDegree: 'severe',
        ageInServiceYears: 7,
        maintenanceHistory: { inspections: 0, repairs: 0, faults: 1 },
        userFeedback: '近三月 5 次投诉水压不足',
        repairCost: { amount: 18000, currency: 'CNY' },
        replacementCost: { amount: 26000, currency: 'CNY' },
      },
    });
  });

  it('FAC-06 a replacement without an assessment is refused', () => {
    const base = history(register(), ticketFault('T1'));
    expect(
      refused(
        given(facilityDecider, base).when(
          order('RO-1', 'ticket-T1', 'urgent', { repairClass: 'replacement' }),
          ctx(),
        ),
      ),
    ).toMatchObject({
      code: 'FACILITY_ASSESSMENT_REQUIRED',
      requirement: 'FAC-06',
      path: ['assessment'],
    });
  });

  it('FAC-13 broken signage is replaced or removed, never patched', () => {
    const base = history(registerSignage(), ticketFault('T9'));
    expect(
      refused(
        given(facilityDecider, base).when(
          order('RO-1', 'ticket-T9', 'routine', { repairClass: 'minor' }),
          ctx(),
        ),
      ),
    ).toMatchObject({
      code: 'FACILITY_REPLACE_OR_REMOVE',
      requirement: 'FAC-13',
      path: ['repairClass'],
    });
    accepted(
      given(facilityDecider, base).when(
        order('RO-1', 'ticket-T9', 'routine', { repairClass: 'replacement', assessment }),
        ctx(),
      ),
    );
    const removed = accepted(
      given(facilityDecider, base).when(
        cmd('DecommissionFacility', { reason: '标识撤除', effectiveDate: '2026-11-20' }),
        ctx(),
      ),
    );
    expect(types(removed)).toEqual(['FacilityDecommissioned']);
  });

  it('FAC-09 a fault that needs no repair is dismissed; a dismissed fault cannot be dismissed again', () => {
    const base = history(
      register(),
      ticketFault('T1'),
      cmd('DismissFault', { faultId: 'ticket-T1', reason: '现场核实正常' }),
    );
    expect(given(facilityDecider, base).state.faults['ticket-T1']?.status).toBe('dismissed');
    expect(
      refused(
        given(facilityDecider, base).when(
          cmd('DismissFault', { faultId: 'ticket-T1', reason: '再次' }),
          ctx(),
        ),
      ),
    ).toMatchObject({ kind: 'transition', requirement: 'FAC-09', path: ['faultId'] });
  });
});
