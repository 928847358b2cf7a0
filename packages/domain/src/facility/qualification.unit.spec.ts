import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/policy.js';
import { given } from '../testing/index.js';
import { facilityDecider } from './decider.js';
import { accepted, cmd, ctx, history, pipeFitter, refused, register } from './fixtures.test.js';

const inspection = (performedAt = '2026-11-20T08:30:00+08:00') =>
  cmd('RecordInspection', {
    recordId: 'R-1',
    recordNumber: 'WH-2026-0001',
    performedAt,
    personnel: [{ id: 'mnt-01', name: '王师傅' }],
    maintainerId: 'mnt-01',
    content: '管网压力检测',
    result: 'normal',
    condition: 'intact',
  });

describe('Qualified personnel (FAC-08)', () => {
  it('FAC-08 the policy maps facility classes to the certificate kinds their work needs', () => {
    expect(defaultPolicy.facility.certificateRequirements['water-supply']).toEqual(['pipe-fitter']);
    expect(defaultPolicy.facility.certificateRequirements.power).toEqual(['electrician']);
  });

  it('FAC-08 given a water-supply facility, when a maintainer with a valid pipe-fitter certificate works, then it is accepted', () => {
    accepted(
      given(facilityDecider, history(register())).when(
        inspection(),
        ctx({ certificates: [pipeFitter] }),
      ),
    );
  });

  it('FAC-08 when the maintainer has no certificate of the required kind, then the work is rejected', () => {
    const electrician = { ...pipeFitter, kind: 'electrician' };
    const error = refused(
      given(facilityDecider, history(register())).when(
        inspection(),
        ctx({ certificates: [electrician] }),
      ),
    );
    expect(error).toMatchObject({
      kind: 'rule',
      code: 'FACILITY_CERTIFICATE_REQUIRED',
      requirement: 'FAC-08',
      path: ['maintainerId'],
    });
    expect(error.message.zh).toContain('pipe-fitter');
  });

  it('FAC-08 the certificate must be valid on the day of the work, not merely today', () => {
    const expiredYesterday = { ...pipeFitter, validUntil: '2026-11-19' };
    expect(
      refused(
        given(facilityDecider, history(register())).when(
          inspection(),
          ctx({ certificates: [expiredYesterday] }),
        ),
      ),
    ).toMatchObject({ code: 'FACILITY_CERTIFICATE_REQUIRED', path: ['maintainerId'] });
    // Work done on the last valid day is fine, although the certificate has expired since.
    accepted(
      given(facilityDecider, history(register())).when(
        inspection('2026-11-19T16:00:00+08:00'),
        ctx({ certificates: [expiredYesterday] }),
      ),
    );
    const notYetValid = { ...pipeFitter, validFrom: '2026-11-21' };
    expect(
      refused(
        given(facilityDecider, history(register())).when(
          inspection(),
          ctx({ certificates: [notYetValid] }),
        ),
      ),
    ).toMatchObject({ code: 'FACILITY_CERTIFICATE_REQUIRED' });
  });

  it("FAC-08 someone else's certificate does not count", () => {
    const colleagues = { ...pipeFitter, holderId: 'mnt-02' };
    expect(
      refused(
        given(facilityDecider, history(register())).when(
          inspection(),
          ctx({ certificates: [colleagues] }),
        ),
      ),
    ).toMatchObject({ code: 'FACILITY_CERTIFICATE_REQUIRED', requirement: 'FAC-08' });
  });

  it('FAC-08 a class without requirements needs no certificate', () => {
    accepted(
      given(
        facilityDecider,
        history(register({ category: 'public-service', classKey: 'culture', subClass: undefined })),
      ).when(inspection(), ctx()),
    );
  });

  it('FAC-08 repairs and plan tasks are work too: the performer is checked', () => {
    const base = history(
      register(),
      cmd('ReportFault', { source: 'ticket', ticketId: 'T2026-0001', description: '水压低' }),
      cmd('OrderRepair', {
        repairOrderId: 'RO-1',
        faultId: 'ticket-T2026-0001',
        repairClass: 'minor',
        priority: 'routine',
        assignee: { id: 'mnt-03', name: '孙师傅' },
      }),
    );
    const complete = cmd('CompleteRepair', {
      repairOrderId: 'RO-1',
      performedAt: '2026-11-20T08:00:00+08:00',
      performedBy: { id: 'mnt-03', name: '孙师傅' },
      outcome: '更换减压阀',
    });
    expect(refused(given(facilityDecider, base).when(complete, ctx()))).toMatchObject({
      code: 'FACILITY_CERTIFICATE_REQUIRED',
      requirement: 'FAC-08',
      path: ['performedBy'],
    });
    accepted(given(facilityDecider, base).when(complete, ctx({ certificates: [pipeFitter] })));
  });
});
