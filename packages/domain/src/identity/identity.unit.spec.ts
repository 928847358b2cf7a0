import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { parseWith } from '../kernel/validation.js';
import { CreditCodeSchema, checkCreditCode, creditCodeCheckCharacter } from './credit-code.js';
import { ChinaPhoneNumberSchema } from './phone.js';
import {
  checkResidentIdNumber,
  ResidentIdNumberSchema,
  residentIdCheckCharacter,
} from './resident-id.js';

describe('resident ID number, GB 11643 (TKT-02)', () => {
  it('TKT-02 accepts the standard’s example number and reads its birth date', () => {
    expect(checkResidentIdNumber('11010519491231002X')).toEqual({
      ok: true,
      value: '11010519491231002X',
      birthDate: '1949-12-31',
    });
  });

  it('TKT-02 accepts a lower-case x and a computed check digit', () => {
    expect(checkResidentIdNumber('11010519491231002x').ok).toBe(true);
    const first17 = '44030420000229123';
    expect(checkResidentIdNumber(first17 + residentIdCheckCharacter(first17)).ok).toBe(true);
  });

  it('TKT-02 rejects a bad check digit', () => {
    expect(checkResidentIdNumber('110105194912310021')).toEqual({ ok: false, rule: 'check-digit' });
  });

  it('TKT-02 rejects a birth date that does not exist, even with a matching check digit', () => {
    for (const first17 of [
      '11010519490231002',
      '11010520010229123',
      '11010518001231002',
      '11010519491301002',
    ]) {
      const id = first17 + residentIdCheckCharacter(first17);
      expect(checkResidentIdNumber(id)).toEqual({ ok: false, rule: 'birth-date' });
    }
  });

  it('TKT-02 rejects a wrong length (old 15-digit numbers included) and wrong characters', () => {
    expect(checkResidentIdNumber('11010519491231002')).toEqual({ ok: false, rule: 'length' });
    expect(checkResidentIdNumber('110105491231002')).toEqual({ ok: false, rule: 'length' });
    expect(checkResidentIdNumber('11010519491231002XX')).toEqual({ ok: false, rule: 'length' });
    expect(checkResidentIdNumber('1101051949123100AX')).toEqual({ ok: false, rule: 'characters' });
  });

  it('TKT-02 X-05 the schema names the rule broken in both languages', () => {
    const result = parseWith(ResidentIdNumberSchema, '110105194912310021', 'TKT-02');
    expect(E.isLeft(result) && result.left.issues[0]).toMatchObject({
      rule: 'resident-id-check-digit',
      message: { zh: '身份证号码校验码错误（GB 11643）', en: expect.stringMatching(/check digit/) },
    });
    expect(parseWith(ResidentIdNumberSchema, ' 11010519491231002x ')).toEqual(
      E.right('11010519491231002X'),
    );
  });
});

describe('unified social credit code, GB 32100 (TKT-02)', () => {
  it('TKT-02 accepts valid codes', () => {
    expect(checkCreditCode('91350100M000100Y43')).toEqual({
      ok: true,
      value: '91350100M000100Y43',
    });
    expect(checkCreditCode('91110000802100433b')).toEqual({
      ok: true,
      value: '91110000802100433B',
    });
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
  });

  it('TKT-02 rejects a bad check character', () => {
    expect(checkCreditCode('91350100M000100Y44')).toEqual({ ok: false, rule: 'check-character' });
  });

  it('TKT-02 rejects a wrong length', () => {
    expect(checkCreditCode('91350100M000100Y4')).toEqual({ ok: false, rule: 'length' });
    expect(checkCreditCode('91350100M000100Y433')).toEqual({ ok: false, rule: 'length' });
  });

  it('TKT-02 rejects characters the standard leaves out (I, O, Z, S, V) and letters in the division code', () => {
    expect(checkCreditCode('91350100M000100I43')).toEqual({ ok: false, rule: 'characters' });
    expect(checkCreditCode('91350100MO00100Y43')).toEqual({ ok: false, rule: 'characters' });
    expect(checkCreditCode('9135A100M000100Y43')).toEqual({ ok: false, rule: 'characters' });
    expect(checkCreditCode('91350100M000100Y4-')).toEqual({ ok: false, rule: 'characters' });
  });

  it('TKT-02 X-05 the schema names the rule broken in both languages', () => {
    const result = parseWith(CreditCodeSchema, '91350100M000100Y44');
    expect(E.isLeft(result) && result.left.issues[0]).toMatchObject({
      rule: 'credit-code-check-character',
      message: { zh: expect.stringMatching(/校验码/) },
    });
  });
});

describe('phone number (TKT-02)', () => {
  it.each(['13800138000', '+86 13800138000', '010-12345678', '0591-87654321-802'])(
    'TKT-02 accepts %s',
    (phone) => {
      expect(E.isRight(parseWith(ChinaPhoneNumberSchema, phone))).toBe(true);
    },
  );

  it.each(['12345', '12800138000', '1380013800', 'phone'])('TKT-02 rejects %s', (phone) => {
    expect(E.isLeft(parseWith(ChinaPhoneNumberSchema, phone))).toBe(true);
  });
});
