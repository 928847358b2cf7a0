import { describe, expect, it } from 'vitest';
import { given } from '../testing/index.js';
import { facilityDecider, facilityStreamId } from './decider.js';
import {
  accepted,
  checksum,
  cmd,
  ctx,
  history,
  refused,
  register,
  types,
} from './fixtures.test.js';
import { facilityClassKeys, facilityTaxonomy } from './taxonomy.js';

describe('Facility registration (FAC-01, FAC-02, ARC-03)', () => {
  it('FAC-02 given nothing, when a facility is registered, then FacilityRegistered carries its basic info and class', () => {
    const events = accepted(given(facilityDecider).when(register(), ctx()));
    expect(events).toEqual([
      {
        type: 'FacilityRegistered',
        data: expect.objectContaining({
          facilityId: 'WS-0001',
          name: '东区二次供水泵房',
          number: 'GS-2019-001',
          category: 'infrastructure',
          classKey: 'water-supply',
          subClass: 'residential',
          constructionDate: '2019-06-30',
          operatingUnit: '市供水公司东区分公司',
          responsiblePerson: { id: 'emp-100', name: '李工' },
          registeredAt: ctx().now,
        }),
      },
    ]);
    expect(facilityStreamId('WS-0001')).toBe('facility-WS-0001');
  });

  it('FAC-02 when a required field is missing, then the validation error names it', () => {
    const error = refused(given(facilityDecider).when(register({ location: '' }), ctx()));
    expect(error).toMatchObject({ kind: 'validation', requirement: 'FAC-02', path: ['location'] });
    expect(error.code).toBe('INVALID_INPUT');
  });

  it('FAC-02 given a registered facility, when it is registered again, then it is refused', () => {
    const error = refused(given(facilityDecider, history(register())).when(register(), ctx()));
    expect(error).toMatchObject({
      code: 'FACILITY_ALREADY_REGISTERED',
      requirement: 'FAC-02',
      path: ['facilityId'],
    });
  });

  it('FAC-01 the taxonomy has the four classes of 000 §1.1 and the hall facilities of 003', () => {
    expect(Object.keys(facilityTaxonomy)).toEqual([
      'infrastructure',
      'public-service',
      'environment',
      'information-communication',
      'hall',
    ]);
    expect(facilityClassKeys).toEqual(
      expect.arrayContaining([
        'water-supply',
        'power',
        'greening',
        'telecom',
        'signage',
        'self-service-terminal',
      ]),
    );
    expect(Object.keys(facilityTaxonomy.infrastructure.classes.power.subClasses)).toEqual([
      'low-voltage',
      'medium-voltage',
      'high-voltage',
    ]);
  });

  it('FAC-01 a hall facility (self-service terminal) registers like any other', () => {
    const events = accepted(
      given(facilityDecider).when(
        register({ category: 'hall', classKey: 'self-service-terminal', subClass: undefined }),
        ctx(),
      ),
    );
    expect(events[0]?.data).toMatchObject({ category: 'hall', classKey: 'self-service-terminal' });
    expect(events[0]?.data).not.toHaveProperty('subClass');
  });

  it.each([
    [{ classKey: 'spaceport' }, 'FACILITY_CLASS_UNKNOWN', ['classKey']],
    [{ category: 'environment' }, 'FACILITY_CLASS_CATEGORY_MISMATCH', ['category']],
    [{ subClass: 'ultra-voltage' }, 'FACILITY_SUBCLASS_UNKNOWN', ['subClass']],
  ])('FAC-01 when the class is outside the taxonomy (%j), then %s', (overrides, code, path) => {
    const error = refused(given(facilityDecider).when(register(overrides), ctx()));
    expect(error).toMatchObject({ code, requirement: 'FAC-01', path });
  });

  it('FAC-02 technical documents are attached by reference with a checksum; a bad checksum is refused', () => {
    const base = history(register());
    const doc = {
      documentId: 'DOC-2',
      kind: 'equipment-parameters',
      title: '水泵参数表',
      uri: 'https://docs.example.gov.cn/ws-0001/pump.xlsx',
      checksum,
    };
    const ok = accepted(
      given(facilityDecider, base).when(cmd('AttachTechnicalDocument', { document: doc }), ctx()),
    );
    expect(ok[0]).toMatchObject({ type: 'TechnicalDocumentAttached', data: { document: doc } });
    const bad = refused(
      given(facilityDecider, base).when(
        cmd('AttachTechnicalDocument', { document: { ...doc, checksum: 'md5:abc' } }),
        ctx(),
      ),
    );
    expect(bad).toMatchObject({ requirement: 'FAC-02', path: ['document', 'checksum'] });
    const dup = refused(
      given(facilityDecider, base).when(
        cmd('AttachTechnicalDocument', { document: { ...doc, documentId: 'DOC-1' } }),
        ctx(),
      ),
    );
    expect(dup).toMatchObject({
      code: 'FACILITY_DUPLICATE_ID',
      requirement: 'FAC-02',
      path: ['document', 'documentId'],
    });
  });

  it('ARC-03 X-01 a correction says who, why and what changed (before and after)', () => {
    const events = accepted(
      given(facilityDecider, history(register())).when(
        cmd('CorrectFacilityRegistration', {
          changes: {
            location: '东区幸福路 14 号地下一层',
            operatingUnit: '市供水公司东区分公司',
            classification: { category: 'infrastructure', classKey: 'water-supply' },
          },
          reason: '门牌号登记错误',
          correctsEventId: 'evt-1',
        }),
        ctx(),
      ),
    );
    expect(types(events)).toEqual(['FacilityRegistrationCorrected']);
    expect(events[0]?.data).toEqual({
      changed: ['subClass', 'location'],
      before: { subClass: 'residential', location: '东区幸福路 12 号地下一层' },
      after: { location: '东区幸福路 14 号地下一层' },
      reason: '门牌号登记错误',
      correctsEventId: 'evt-1',
      correctedBy: ctx().actor,
      correctedAt: ctx().now,
    });
    const state = given(facilityDecider, [...history(register()), ...events]).state;
    expect(state.registration?.location).toBe('东区幸福路 14 号地下一层');
    expect(state.registration).not.toHaveProperty('subClass');
  });

  it('ARC-03 a correction without a reason, or that changes nothing, is refused', () => {
    const base = history(register());
    expect(
      refused(
        given(facilityDecider, base).when(
          cmd('CorrectFacilityRegistration', { changes: { name: '新名称' } }),
          ctx(),
        ),
      ),
    ).toMatchObject({ requirement: 'ARC-03', path: ['reason'] });
    expect(
      refused(
        given(facilityDecider, base).when(
          cmd('CorrectFacilityRegistration', {
            changes: { name: '东区二次供水泵房' },
            reason: '核对',
          }),
          ctx(),
        ),
      ),
    ).toMatchObject({
      code: 'FACILITY_CORRECTION_EMPTY',
      requirement: 'ARC-03',
      path: ['changes'],
    });
  });

  it('FAC-02 given a decommissioned facility, then further work on it is refused', () => {
    const base = history(
      register(),
      cmd('DecommissionFacility', { reason: '泵房拆除', effectiveDate: '2026-11-20' }),
    );
    expect(base[1]).toMatchObject({
      type: 'FacilityDecommissioned',
      data: { cancelledTaskIds: [], cancelledRepairOrderIds: [] },
    });
    const error = refused(
      given(facilityDecider, base).when(
        cmd('DecommissionFacility', { reason: '再次', effectiveDate: '2026-11-21' }),
        ctx(),
      ),
    );
    expect(error).toMatchObject({
      kind: 'transition',
      code: 'FACILITY_DECOMMISSIONED',
      requirement: 'FAC-02',
      path: [],
    });
  });

  it('FAC-02 given no registration, then commands other than RegisterFacility are refused', () => {
    const error = refused(
      given(facilityDecider).when(
        cmd('DecommissionFacility', { reason: 'x', effectiveDate: '2026-11-20' }),
        ctx(),
      ),
    );
    expect(error).toMatchObject({
      kind: 'not-found',
      code: 'FACILITY_NOT_REGISTERED',
      requirement: 'FAC-02',
    });
  });

  it('X-05 an unknown command type is a typed error, not an exception', () => {
    const error = refused(given(facilityDecider).when(cmd('Explode' as never, {}), ctx()));
    expect(error).toMatchObject({ code: 'UNKNOWN_COMMAND', requirement: 'X-05', path: ['type'] });
  });
});
