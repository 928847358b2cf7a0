import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { personal, Text } from '../kernel/schemas.js';
import { createPersonalDataCatalogue } from './catalogue.js';
import { maskEventData } from './mask-event.js';
import { describePersonalFields, findPersonalFields, replaceAtPaths } from './personal-fields.js';
import { dataSubjectId, identifiersByField, normalizeIdentifier } from './subject.js';

const Person = z.object({
  kind: z.literal('person'),
  name: personal(Text(100), 'name'),
  idNumber: personal(z.string(), 'id-number'),
  phone: personal(z.string(), 'phone').optional(),
});
const Organisation = z.object({ kind: z.literal('organisation'), name: Text(200) });
const Received = z.object({
  caseId: z.string(),
  applicant: z.discriminatedUnion('kind', [Person, Organisation]),
  reason: personal(Text(), 'free-text'),
  witnesses: z
    .array(z.object({ name: personal(Text(), 'name'), phone: personal(z.string(), 'phone') }))
    .default([]),
  notes: z.record(z.string(), personal(Text(), 'health')).optional(),
});

const person = {
  caseId: 'C-1',
  applicant: { kind: 'person', name: '张三', idNumber: '11010519491231002X', phone: '13812345678' },
  reason: '申请医疗救助',
  witnesses: [{ name: '李四', phone: '13900001111' }],
  notes: { a: '高血压' },
};

describe('discovery of personal fields from zod schemas (X-06)', () => {
  it('X-06 lists every marked field of a schema, through unions, arrays, records and optionals', () => {
    expect(describePersonalFields(Received).map((f) => `${f.path}:${f.kind}`)).toEqual([
      'applicant.name:name',
      'applicant.idNumber:id-number',
      'applicant.phone:phone',
      'reason:free-text',
      'witnesses[].name:name',
      'witnesses[].phone:phone',
      'notes.[]:health',
    ]);
  });

  it('X-06 finds the personal values in data, choosing the union option by its discriminator', () => {
    const found = findPersonalFields(Received, person).map((f) => f.path.join('.'));
    expect(found).toEqual([
      'applicant.name',
      'applicant.idNumber',
      'applicant.phone',
      'reason',
      'witnesses.0.name',
      'witnesses.0.phone',
      'notes.a',
    ]);
    // An organisation's name is not personal data.
    const org = { ...person, applicant: { kind: 'organisation', name: '某某公司' } };
    expect(findPersonalFields(Received, org).map((f) => f.path.join('.'))).not.toContain(
      'applicant.name',
    );
  });

  it('X-06 finds marked fields whatever they hold (ciphertext), and ignores garbage without throwing', () => {
    const enc = { $enc: 'v1', kid: 'k', iv: 'i', ct: 'c', tag: 't' };
    expect(
      findPersonalFields(Received, { ...person, reason: enc }).find((f) => f.path[0] === 'reason')
        ?.value,
    ).toBe(enc);
    for (const garbage of [null, 1, 'x', [], { applicant: 5 }, { witnesses: 'no' }])
      expect(() => findPersonalFields(Received, garbage)).not.toThrow();
  });

  it('X-06 replaces values by path without touching the input', () => {
    const out = replaceAtPaths(person, [
      { path: ['applicant', 'name'], value: 'X' },
      { path: ['witnesses', 0, 'phone'], value: 'Y' },
    ]) as typeof person;
    expect(out.applicant.name).toBe('X');
    expect(out.witnesses[0]?.phone).toBe('Y');
    expect(person.applicant.name).toBe('张三');
  });

  it('X-06 a catalogue built from *EventSchemas exports masks an event for ordinary readers', () => {
    const catalogue = createPersonalDataCatalogue({ CaseEventSchemas: { CaseReceived: Received } });
    expect(catalogue.personalTypes.has('CaseReceived')).toBe(true);
    expect(maskEventData(catalogue, 'CaseReceived', person)).toEqual({
      caseId: 'C-1',
      applicant: {
        kind: 'person',
        name: '张*',
        idNumber: '110105********002X',
        phone: '138****5678',
      },
      reason: '***',
      witnesses: [{ name: '李*', phone: '139****1111' }],
      notes: { a: '***' },
    });
    expect(maskEventData(catalogue, 'Unknown', person)).toBe(person);
  });

  it('X-06 names the subject of a field by an identifier of the same object, ID number first', () => {
    const fields = findPersonalFields(Received, person);
    const ids = identifiersByField(fields);
    const of = (path: string) =>
      ids.get(fields.find((f) => f.path.join('.') === path) ?? fields[0]!);
    expect(of('applicant.name')).toEqual({ kind: 'id-number', value: '11010519491231002X' });
    expect(of('witnesses.0.name')).toEqual({ kind: 'phone', value: '13900001111' });
    expect(of('reason')).toBeUndefined();
  });

  it('X-06 subject ids are keyed hashes of the normalised identifier', () => {
    const a = dataSubjectId({ kind: 'id-number', value: '11010519491231002x' }, 'pepper');
    expect(a).toBe(dataSubjectId({ kind: 'id-number', value: ' 11010519491231002X' }, 'pepper'));
    expect(a).not.toBe(dataSubjectId({ kind: 'id-number', value: '11010519491231002X' }, 'other'));
    expect(a).toMatch(/^ds-[0-9a-f]{40}$/);
    expect(a).not.toContain('110105');
    expect(normalizeIdentifier('phone', '+86 138-1234-5678')).toBe('13812345678');
  });
});
