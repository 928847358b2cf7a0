import { maskIdNumber, maskName, maskPersonalValue, maskPhone } from '@civic-ledger/domain';
import { describe, expect, it } from 'vitest';
import { maskEventData } from './mask-event.js';

describe('X-06 masking personal data', () => {
  it('masks ID numbers, phones and names the way Chinese services print them', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧阳**'); // compound surname kept, as the domain masks it
  });

  it('masks each string of a personal array and hides a personal object whole', () => {
    expect(maskPersonalValue(['13812345678', '13912345678'], 'phone')).toEqual([
      '138****5678',
      '139****5678',
    ]);
    expect(maskPersonalValue({ a: '13812345678' }, 'phone')).toBe('***');
  });

  it('finds the fields marked personal() in the event schema, however deep', () => {
    const masked = maskEventData('TicketReceived', {
      ticketId: 'T1',
      applicant: {
        kind: 'person',
        name: '张三',
        idNumber: '11010519491231002X',
        phone: '13812345678',
      },
      reason: '家庭困难',
      serviceType: 'medical-aid',
    }) as Record<string, Record<string, string>>;
    expect(masked.applicant).toEqual({
      kind: 'person',
      name: '张*',
      idNumber: '110105********002X',
      phone: '138****5678',
    });
    expect(masked.reason).toBe('***');
    expect(masked.ticketId).toBe('T1');
    expect(masked.serviceType).toBe('medical-aid');
  });

  it('masks the usual personal field names of event types it has no schema for', () => {
    expect(
      maskEventData('SomethingUnknown', {
        phone: '13812345678',
        idNumber: '11010519491231002X',
        note: 'ok',
      }),
    ).toEqual({
      phone: '138****5678',
      idNumber: '110105********002X',
      note: 'ok',
    });
  });
});
