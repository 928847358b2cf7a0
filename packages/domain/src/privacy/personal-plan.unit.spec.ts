import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as domain from '../index.js';
import { personal, Text } from '../kernel/schemas.js';
import { createPersonalDataCatalogue } from './catalogue.js';
import { maskEventData } from './mask-event.js';
import { findPersonalFields } from './personal-fields.js';
import { compilePersonalFields, createEventMasker } from './personal-plan.js';

const Person = z.object({
  kind: z.literal('person'),
  name: personal(Text(100), 'name'),
  idNumber: personal(z.string(), 'id-number'),
  phone: personal(z.string(), 'phone').optional(),
});
const Organisation = z.object({ kind: z.literal('organisation'), name: Text(200) });
const Node: z.ZodType = z.lazy(() =>
  z.object({ name: personal(z.string(), 'name'), children: z.array(Node).optional() }),
);
const Schema = z.object({
  caseId: z.string(),
  applicant: z.discriminatedUnion('kind', [Person, Organisation]),
  contact: z.union([z.object({ phone: personal(z.string().min(11), 'phone') }), z.string()]),
  reason: personal(Text(), 'free-text'),
  witnesses: z
    .array(z.object({ name: personal(Text(), 'name'), phone: personal(z.string(), 'phone') }))
    .default([]),
  notes: z.record(z.string(), personal(Text(), 'health')).optional(),
  pair: z.tuple([z.string(), personal(z.string(), 'address')]).optional(),
  piped: z.string().pipe(personal(z.string(), 'email')).optional(),
  both: z
    .intersection(
      z.object({ a: personal(z.string(), 'name') }),
      z.object({ b: personal(z.string(), 'phone') }),
    )
    .optional(),
  tree: Node.optional(),
  plain: z.object({ deep: z.array(z.object({ x: z.number() })) }).optional(),
});

const samples: unknown[] = [
  {
    caseId: 'C-1',
    applicant: {
      kind: 'person',
      name: '张三',
      idNumber: '11010519491231002X',
      phone: '13812345678',
    },
    contact: { phone: '13900001111' },
    reason: '申请医疗救助',
    witnesses: [
      { name: '李四', phone: '13900001111' },
      { name: '王五', phone: '13900002222' },
    ],
    notes: { a: '高血压', b: '糖尿病' },
    pair: ['home', '北京市朝阳区'],
    piped: 'a@b.cn',
    both: { a: '赵六', b: '13700000000' },
    tree: { name: '甲', children: [{ name: '乙', children: [{ name: '丙' }] }] },
    plain: { deep: [{ x: 1 }] },
  },
  {
    caseId: 'C-2',
    applicant: { kind: 'organisation', name: '某某公司' },
    contact: 'x',
    reason: '',
  },
  // Ciphertext where the schema says a string, an unknown discriminator, missing fields.
  {
    caseId: 'C-3',
    applicant: { kind: 'robot', name: { ct: 'x' } },
    contact: 42,
    reason: { ct: 'y' },
  },
  { caseId: 'C-4', applicant: null, witnesses: 'none', notes: [], pair: 'x', tree: { name: 1 } },
  'not an object',
  undefined,
];

describe('compiled personal-field walks (X-06)', () => {
  it('X-06 finds exactly what findPersonalFields finds, through unions, lazies, pipes and records', () => {
    const find = compilePersonalFields(Schema);
    for (const data of samples) expect(find(data)).toEqual(findPersonalFields(Schema, data));
  });

  it('X-06 masks every event type of the domain as maskEventData does', () => {
    const catalogue = createPersonalDataCatalogue(domain);
    const mask = createEventMasker(catalogue);
    const ticket = {
      ticketId: 'T1',
      applicant: {
        kind: 'person',
        name: '徐志强',
        idNumber: '440305194806112449',
        phone: '13258749775',
      },
      agent: { name: '王小明', idNumber: '110105194912310025', phone: '13800001111' },
      reason: '办理居住证明',
    };
    const inspection = {
      personnel: [{ name: '张三' }, { name: '李四' }],
      signedBy: { name: '王五' },
    };
    for (const [type, data] of [
      ['TicketReceived', ticket],
      ['TicketReceived', { ...ticket, applicant: { kind: 'organisation', name: '某公司' } }],
      ['FacilityInspected', inspection],
      ['TicketDispatched', { ticketId: 'T1' }],
      ['NoSuchType', { phone: '13800001111' }],
    ] as const) {
      const before = JSON.stringify(data);
      expect(mask(type, data)).toEqual(maskEventData(catalogue, type, data));
      expect(JSON.stringify(data)).toBe(before);
    }
  });

  it('X-06 masks as maskEventData does through unions, lazies, pipes, tuples and records, copying only what changes', () => {
    const catalogue = createPersonalDataCatalogue({ SampleEventSchemas: { Sample: Schema } });
    const mask = createEventMasker(catalogue);
    for (const data of samples) {
      const before = JSON.stringify(data);
      const masked = mask('Sample', data);
      expect(masked).toEqual(maskEventData(catalogue, 'Sample', data));
      expect(JSON.stringify(data)).toBe(before);
    }
    // What holds no personal field is the input's own value, not a copy of it.
    const first = samples[0] as { plain: unknown; caseId: string };
    const masked = mask('Sample', first) as typeof first & { reason: string };
    expect(masked).not.toBe(first);
    expect(masked.plain).toBe(first.plain);
    expect(masked.reason).not.toBe((first as unknown as { reason: string }).reason);
  });

  it('X-06 hands back the data itself when the type holds no personal field', () => {
    const mask = createEventMasker(createPersonalDataCatalogue(domain));
    const data = { ticketId: 'T1' };
    expect(mask('TicketDispatched', data)).toBe(data);
  });
});
