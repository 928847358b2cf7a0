import { describe, expect, it } from 'vitest';
import { ERASED } from './markers.js';
import {
  HIDDEN,
  maskAddress,
  maskEmail,
  maskIdNumber,
  maskName,
  maskPersonalValue,
  maskPhone,
} from './mask.js';

describe('masking of personal data (X-06)', () => {
  it('X-06 masks an 18-character ID number to region + last four, hiding the birth date', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskIdNumber(' 110105194912310021 ')).toBe('110105********0021');
  });

  it('X-06 masks a 15-digit old ID number the same way', () => {
    expect(maskIdNumber('110105491231002')).toBe('110105*****1002');
  });

  it('X-06 hides a short or malformed ID number entirely', () => {
    expect(maskIdNumber('12345')).toBe('*****');
    expect(maskIdNumber('')).toBe('');
  });

  it('X-06 masks a mobile number to 138****5678, keeping +86 as written', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 13812345678')).toBe('+86 138****5678');
    expect(maskPhone('8613812345678')).toBe('86138****5678');
  });

  it('X-06 masks a landline keeping area code and extension', () => {
    expect(maskPhone('010-87654321')).toBe('010-****4321');
    expect(maskPhone('0755-1234567')).toBe('0755-***4567');
    expect(maskPhone('02187654321')).toBe('021****4321');
    expect(maskPhone('010-87654321-123')).toBe('010-****4321-123');
  });

  it('X-06 masks an unrecognised phone-like text without leaking it', () => {
    expect(maskPhone('12345')).toBe('*****');
    expect(maskPhone('1234567890123')).toBe('123******0123');
  });

  it('X-06 masks names to the surname: 张*, 王**, compound surnames kept whole', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('王小明')).toBe('王**');
    expect(maskName('欧阳娜娜')).toBe('欧阳**');
    expect(maskName('欧阳')).toBe('欧*');
    expect(maskName('张')).toBe('*');
    expect(maskName('买买提·艾力')).toBe('买**·**');
    expect(maskName('Li Lei')).toBe('L* ***');
    expect(maskName('')).toBe('');
  });

  it('X-06 masks e-mail and address', () => {
    expect(maskEmail('zhang.san@example.cn')).toBe('z***@example.cn');
    expect(maskEmail('nobody')).toBe('n*****');
    expect(maskAddress('北京市朝阳区建国路88号3单元501')).toBe('北京市朝阳区****');
    expect(maskAddress('海淀')).toBe('海****');
    expect(maskAddress('北')).toBe('****');
  });

  it('X-06 hides free text and health details whole, shows erased values as 已删除', () => {
    expect(maskPersonalValue('患有高血压', 'health')).toBe(HIDDEN);
    expect(maskPersonalValue('my neighbour 李四 is noisy', 'free-text')).toBe(HIDDEN);
    expect(maskPersonalValue(ERASED, 'name')).toBe(ERASED);
    expect(maskPersonalValue({ $enc: 'v1', kid: 'k', iv: 'a', ct: 'b', tag: 'c' }, 'name')).toBe(
      HIDDEN,
    );
    expect(maskPersonalValue(['张三', '李四'], 'name')).toEqual(['张*', '李*']);
    expect(maskPersonalValue(42, 'phone')).toBe(HIDDEN);
    expect(maskPersonalValue(undefined, 'phone')).toBeUndefined();
  });
});
