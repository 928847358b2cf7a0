import { createMemoryEventStore } from '@civic-ledger/adapters';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningService, startService } from './service.js';

// The example service on 127.0.0.1, port 0, over real HTTP.
let service: RunningService;
const store = createMemoryEventStore();
let now = Date.parse('2026-07-06T09:00:00+08:00');
const clock = () => {
  now += 60_000;
  return new Date(now).toISOString();
};
const clerk = {
  'x-actor-id': 'staff-007',
  'x-actor-role': 'window-staff',
  'x-actor-unit': 'centre-01',
};

const call = async (
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = clerk,
) => {
  const res = await fetch(`${service.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  // biome-ignore lint/suspicious/noExplicitAny: the test reads the JSON answers loosely
  return { status: res.status, body: (await res.json()) as any };
};

beforeAll(async () => {
  service = await startService({ store, clock });
});
afterAll(async () => {
  await service.close();
  await store.close();
});

const receive = {
  ticketId: 'T2026-7001',
  channel: 'window',
  applicant: { kind: 'person', name: '张三', idNumber: '11010519491231002X', phone: '13812345678' },
  serviceType: 'residence-certificate',
  nature: 'normal',
  reason: '办理居住证明',
  materials: [{ kind: 'id-card', documentRef: 'doc-1' }],
  communityId: 'community-1',
  centreId: 'centre-01',
};

describe('examples/embed-in-service', () => {
  it('TKT-01 receives a ticket through the command endpoint', async () => {
    const r = await call('POST', '/tickets', receive);
    expect(r.status).toBe(201);
    expect(r.body.events[0].type).toBe('TicketReceived');
  });

  it('X-05 answers bad input with the field, the rule and both languages', async () => {
    const r = await call('POST', '/tickets', {
      ...receive,
      ticketId: 'T2026-7002',
      applicant: { ...receive.applicant, idNumber: '110105194912310021' },
    });
    expect(r.status).toBe(422);
    expect(r.body.error.path).toEqual(['applicant', 'idNumber']);
    expect(r.body.error.message.zh).toBeTruthy();
    expect(r.body.error.message.en).toBeTruthy();
  });

  it('TKT-08 refuses an illegal transition with 409', async () => {
    const r = await call('POST', '/tickets/T2026-7001/commands', {
      type: 'CompleteTicket',
      data: { result: '办结' },
    });
    expect(r.status).toBe(409);
    expect(r.body.error.kind).toBe('transition');
  });

  it('TKT-05 shows the applicant the progress, without personal data', async () => {
    await call('POST', '/tickets/T2026-7001/commands', { type: 'AcceptTicket', data: {} });
    const r = await call('GET', '/tickets/T2026-7001/progress');
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('underReview');
    expect(r.body.currentDeadline.kind).toBe('review');
    expect(JSON.stringify(r.body)).not.toContain('13812345678');
    expect((await call('GET', '/tickets/T2026-9999/progress')).status).toBe(404);
  });

  it('serves Open311 GeoReport v2 services.json and requests.json from read models', async () => {
    const services = await call('GET', '/services.json');
    expect(services.body.map((s: { service_code: string }) => s.service_code)).toContain(
      'residence-certificate',
    );
    let requests: { service_request_id: string }[] = [];
    for (let i = 0; i < 50 && requests.length === 0; i++) {
      requests = (await call('GET', '/requests.json?status=open')).body;
      if (requests.length === 0) await new Promise((r) => setTimeout(r, 20));
    }
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      service_request_id: 'T2026-7001',
      status: 'open',
      service_code: 'residence-certificate',
    });
    expect(JSON.stringify(requests)).not.toContain('13812345678');
    const one = await call('GET', '/requests/T2026-7001.json');
    expect(one.body[0].service_request_id).toBe('T2026-7001');
  });

  it('asks who is acting', async () => {
    const r = await call(
      'POST',
      '/tickets/T2026-7001/commands',
      { type: 'AcceptTicket', data: {} },
      {},
    );
    expect(r.status).toBe(401);
  });
});
