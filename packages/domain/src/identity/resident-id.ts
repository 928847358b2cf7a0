import { z } from 'zod';
import { bilingual } from '../kernel/validation.js';

// GB 11643-1999 公民身份号码: 6-digit address code, 8-digit birth date, 3-digit sequence,
// 1 check character computed as ISO 7064 MOD 11-2 over the first 17 digits.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK = '10X98765432';
const SHAPE = /^\d{17}[\dX]$/;
// The earliest birth year a living resident can have; later years are only bounded by the
// date being real, since the domain never reads the clock.
const EARLIEST_YEAR = 1850;

/** Why a resident ID number is invalid. */
export type ResidentIdRule = 'length' | 'characters' | 'birth-date' | 'check-digit';

/** The result of checking a resident ID number (GB 11643). */
export type ResidentIdCheck =
  | { readonly ok: true; readonly value: string; readonly birthDate: string }
  | { readonly ok: false; readonly rule: ResidentIdRule };

/** The GB 11643 check character for the first 17 digits of a resident ID number. */
export const residentIdCheckCharacter = (first17: string): string => {
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK[sum % 11] ?? '';
};

const isRealDate = (y: number, m: number, d: number): boolean => {
  if (y < EARLIEST_YEAR || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
  return d <= days;
};

/** Checks an 18-character resident ID number: length, characters, birth date, check digit. */
export const checkResidentIdNumber = (input: string): ResidentIdCheck => {
  const value = input.trim().toUpperCase();
  if (value.length !== 18) return { ok: false, rule: 'length' };
  if (!SHAPE.test(value)) return { ok: false, rule: 'characters' };
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  if (!isRealDate(y, m, d)) return { ok: false, rule: 'birth-date' };
  if (residentIdCheckCharacter(value) !== value[17]) return { ok: false, rule: 'check-digit' };
  return {
    ok: true,
    value,
    birthDate: `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`,
  };
};

const messages: Record<ResidentIdRule, { zh: string; en: string }> = {
  length: { zh: '身份证号码应为 18 位', en: 'a resident ID number has 18 characters' },
  characters: {
    zh: '身份证号码前 17 位应为数字，末位为数字或 X',
    en: 'a resident ID number is 17 digits followed by a digit or X',
  },
  'birth-date': {
    zh: '身份证号码中的出生日期不存在',
    en: 'the birth date inside the resident ID number does not exist',
  },
  'check-digit': {
    zh: '身份证号码校验码错误（GB 11643）',
    en: 'the check digit of the resident ID number is wrong (GB 11643)',
  },
};

/**
 * A resident ID number (公民身份号码) validated by GB 11643; lower-case `x` is accepted and
 * stored upper-case. Wrap it in `personal(…, 'id-number')` where it is stored.
 */
export const ResidentIdNumberSchema = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((s, ctx) => {
    const check = checkResidentIdNumber(s);
    if (check.ok) return;
    const msg = messages[check.rule];
    ctx.addIssue({
      code: 'custom',
      message: msg.en,
      params: bilingual(`resident-id-${check.rule}`, msg.zh),
    });
  });
