import { z } from 'zod';
import { bilingual } from '../kernel/validation.js';

// GB 32100-2015 统一社会信用代码: registration authority (1), organisation category (1),
// administrative division (6 digits), organisation code (9), check character (1). The
// alphabet leaves out I, O, Z, S and V; the check is MOD 31 with weights 3^i mod 31.
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** Why a unified social credit code is invalid. */
export type CreditCodeRule = 'length' | 'characters' | 'check-character';

/** The result of checking a unified social credit code (GB 32100). */
export type CreditCodeCheck =
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly rule: CreditCodeRule };

/** The GB 32100 check character for the first 17 characters of a credit code. */
export const creditCodeCheckCharacter = (first17: string): string => {
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i++)
    sum += ALPHABET.indexOf(first17[i] ?? '') * (WEIGHTS[i] ?? 0);
  return ALPHABET[(31 - (sum % 31)) % 31] ?? '';
};

/** Checks an 18-character unified social credit code: length, characters, check character. */
export const checkCreditCode = (input: string): CreditCodeCheck => {
  const value = input.trim().toUpperCase();
  if (value.length !== 18) return { ok: false, rule: 'length' };
  if (!SHAPE.test(value)) return { ok: false, rule: 'characters' };
  if (creditCodeCheckCharacter(value) !== value[17]) return { ok: false, rule: 'check-character' };
  return { ok: true, value };
};

const messages: Record<CreditCodeRule, { zh: string; en: string }> = {
  length: {
    zh: '统一社会信用代码应为 18 位',
    en: 'a unified social credit code has 18 characters',
  },
  characters: {
    zh: '统一社会信用代码含有不允许的字符（不使用 I、O、Z、S、V，第 3–8 位为数字）',
    en: 'the unified social credit code has characters it may not have (no I, O, Z, S, V; positions 3–8 are digits)',
  },
  'check-character': {
    zh: '统一社会信用代码校验码错误（GB 32100）',
    en: 'the check character of the unified social credit code is wrong (GB 32100)',
  },
};

/** A unified social credit code (统一社会信用代码) validated by GB 32100; stored upper-case. */
export const CreditCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((s, ctx) => {
    const check = checkCreditCode(s);
    if (check.ok) return;
    const msg = messages[check.rule];
    ctx.addIssue({
      code: 'custom',
      message: msg.en,
      params: bilingual(`credit-code-${check.rule}`, msg.zh),
    });
  });
