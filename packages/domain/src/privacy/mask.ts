import type { PersonalDataKind } from '../kernel/schemas.js';
import { ERASED, isEncryptedValue } from './markers.js';

/** What a masked free text, health detail or non-text personal value shows. */
export const HIDDEN = '***';

const chars = (s: string): string[] => Array.from(s.trim());
const stars = (n: number): string => '*'.repeat(Math.max(0, n));

/**
 * `110105199003071234` → `110105********1234`, 15-digit old IDs `110105900307123` →
 * `110105*****7123`: the region code and the last four stay readable, the birth date never.
 */
export const maskIdNumber = (value: string): string => {
  const c = chars(value);
  if (c.length < 12) return stars(c.length);
  return c.slice(0, 6).join('') + stars(c.length - 10) + c.slice(-4).join('');
};

const MOBILE = /^1\d{10}$/;
// Area codes 010 and 02x have three digits, all others four (0755, 0571).
const LANDLINE = /^(0[12]\d|0[3-9]\d{2})([- ]?)(\d{7,8})(?:-(\d{1,6}))?$/;
const COUNTRY = /^(\+?86[- ]?)(.+)$/;

/**
 * `13812345678` → `138****5678`; landlines keep their area code and extension:
 * `010-87654321-12` → `010-****4321-12`; `+86` is kept as written.
 */
export const maskPhone = (value: string): string => {
  const trimmed = value.trim();
  const country = COUNTRY.exec(trimmed);
  const prefix = country?.[1] ?? '';
  const rest = country?.[2] ?? trimmed;
  if (MOBILE.test(rest)) return `${prefix}${rest.slice(0, 3)}****${rest.slice(-4)}`;
  const landline = LANDLINE.exec(rest);
  if (landline) {
    const [, area = '', sep = '', number = '', ext] = landline;
    const ext_ = ext === undefined ? '' : `-${ext}`;
    return `${prefix}${area}${sep}${stars(number.length - 4)}${number.slice(-4)}${ext_}`;
  }
  const c = Array.from(rest);
  if (c.length < 8) return prefix + stars(c.length);
  return prefix + c.slice(0, 3).join('') + stars(c.length - 7) + c.slice(-4).join('');
};

// 复姓: the common compound surnames, kept whole so that `欧阳娜娜` reads `欧阳**`.
const COMPOUND_SURNAMES = new Set(
  '欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 钟离 端木 独孤 南宫 西门 申屠 太史 澹台 公冶 宗政 濮阳 淳于 单于 呼延 万俟 闻人 赫连 百里 东郭 司空'.split(
    ' ',
  ),
);
const SEPARATOR = /[\s·•.-]/u;

/**
 * `张三` → `张*`, `王小明` → `王**`, `欧阳娜娜` → `欧阳**`, `买买提·艾力` → `买**·**`,
 * `Li Lei` → `L* ***`; a one-character name is hidden entirely.
 */
export const maskName = (value: string): string => {
  const c = chars(value);
  if (c.length <= 1) return stars(c.length);
  const keep = c.length > 2 && COMPOUND_SURNAMES.has(c.slice(0, 2).join('')) ? 2 : 1;
  return c.map((ch, i) => (i < keep || SEPARATOR.test(ch) ? ch : '*')).join('');
};

/** `zhang.san@example.cn` → `z***@example.cn`. */
export const maskEmail = (value: string): string => {
  const trimmed = value.trim();
  const at = trimmed.lastIndexOf('@');
  if (at <= 0) return maskName(trimmed);
  return `${Array.from(trimmed)[0] ?? ''}***${trimmed.slice(at)}`;
};

/** Keeps at most the first six characters (about the district), never more than half; hides the rest. */
export const maskAddress = (value: string): string => {
  const c = chars(value);
  const keep = Math.min(6, Math.floor(c.length / 2));
  return `${c.slice(0, keep).join('')}****`;
};

/**
 * Masks one personal value by its kind. Free text and health details are hidden
 * whole; a value that is still encrypted shows as hidden; an erased one as `已删除`.
 */
export const maskPersonalValue = (value: unknown, kind: PersonalDataKind): unknown => {
  if (value === ERASED) return ERASED;
  if (value === undefined || value === null) return value;
  if (isEncryptedValue(value)) return HIDDEN;
  if (Array.isArray(value)) return value.map((v) => maskPersonalValue(v, kind));
  if (typeof value !== 'string') return HIDDEN;
  switch (kind) {
    case 'id-number':
      return maskIdNumber(value);
    case 'phone':
      return maskPhone(value);
    case 'name':
      return maskName(value);
    case 'email':
      return maskEmail(value);
    case 'address':
      return maskAddress(value);
    default:
      return HIDDEN;
  }
};
