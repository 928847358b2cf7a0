import {
  createMemoryEventStore,
  createMemoryKeyStore,
  createPersonalDataReader,
  securityAuditReadRecorder,
} from '@civic-ledger/adapters';
import {
  type ComplaintCommand,
  chinaWorkCalendar,
  complaintDecider,
  complaintStreamId,
  defaultAccessPolicy,
  defaultPolicy,
  type EventEnvelope,
  securityAuditStreamId,
} from '@civic-ledger/domain';
import { testContext } from '@civic-ledger/domain/testing';
import * as E from 'fp-ts/lib/Either.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogue, collect, metaOf, protectedHandler, testClock, windowStaff } from './support.js';

const receive: ComplaintCommand = {
  type: 'ReceiveComplaint',
  data: {
    complaintId: 'C2026-0001',
    channel: 'phone',
    form: 'electronic',
    complainant: { name: '张三', phone: '13800138000', address: '北京市朝阳区建国路88号' },
    respondent: { kind: 'staff', id: 'staff-007', unitId: 'window-03' },
    content: '窗口工作人员态度生硬',
    demands: ['道歉'],
    unitId: 'centre-01',
    confidential: true,
  },
};

describe('reading personal data: masked unless privileged, privileged reads recorded (X-06, CMP-06, ARC-02)', () => {
  const store = createMemoryEventStore();
  const keyStore = createMemoryKeyStore();
  const handle = protectedHandler(store, keyStore);
  const access = defaultAccessPolicy(defaultPolicy);
  const reader = createPersonalDataReader({
    catalogue,
    keyStore,
    access,
    recordRead: securityAuditReadRecorder({
      handle,
      context: { policy: defaultPolicy, calendar: chinaWorkCalendar },
      clock: testClock(Date.parse('2026-10-01T02:00:00Z')),
    }),
  });
  let stored: EventEnvelope[] = [];
  beforeAll(async () => {
    const ctx = testContext({ now: '2026-09-30T10:00:00+08:00' });
    const result = await handle(
      complaintDecider,
      complaintStreamId('C2026-0001'),
      receive,
      ctx,
      metaOf('c1', windowStaff, ctx.now),
    );
    expect(E.isRight(result)).toBe(true);
    stored = (await collect(store.readStream(complaintStreamId('C2026-0001')))).map(
      (e) => e.envelope,
    );
  });

  it('CMP-06 an ordinary reader sees the complainant masked: 张*, 138****5678, address to the district', async () => {
    const [shown] = await reader.present(stored, { actor: windowStaff });
    expect(shown?.data).toMatchObject({
      complainant: { name: '张*', phone: '138****8000', address: '北京市朝阳区****' },
      content: '***',
      demands: ['***'],
      respondent: { id: 'staff-007' },
    });
    expect(await collect(store.readStream(securityAuditStreamId('centre-01')))).toEqual([]);
  });

  it('CMP-06 a privileged role without a stated purpose still sees masked data', async () => {
    const handler = { id: 'ch-1', role: 'complaint-handler', unit: 'centre-01' };
    const [shown] = await reader.present(stored, { actor: handler, purpose: '  ' });
    expect(shown?.data).toMatchObject({ complainant: { name: '张*' } });
  });

  it('X-06 a privileged reader with a purpose sees the clear text, and the read is recorded first (who, what, why)', async () => {
    const handler = { id: 'ch-1', role: 'complaint-handler', unit: 'centre-01' };
    const [shown] = await reader.present(stored, {
      actor: handler,
      purpose: '投诉调查 C2026-0001',
    });
    expect(shown?.data).toMatchObject({ complainant: { name: '张三', phone: '13800138000' } });
    const [record] = await collect(store.readStream(securityAuditStreamId('centre-01')));
    expect(record?.envelope).toMatchObject({
      type: 'PersonalDataRead',
      actor: handler,
      data: {
        streamId: 'complaint-C2026-0001',
        eventIds: [stored[0]?.eventId],
        purpose: '投诉调查 C2026-0001',
      },
    });
    const data = record?.envelope.data as { fields?: string[] } | undefined;
    expect(data?.fields).toContain('ComplaintReceived.complainant.name');
  });
});
