import type { PersonalDataKind } from '@civic-ledger/domain';

const chars = (s: string): string[] => Array.from(s);

/** `110105199003071234` → `110105********1234`: region and check digits stay readable. */
export const maskIdNumber = (s: string): string => {
  const c = chars(s);
  if (c.length <= 10) return '*'.repeat(c.length);
  return c.slice(0, 6).join('') + '*'.repeat(c.length - 10) + c.slice(-4).join('');
};

/** `13812345678` → `138****5678`. */
export const maskPhone = (s: string): string => {
  const c = chars(s);
  if (c.length <= 7) return '*'.repeat(c.length);
  return c.slice(0, 3).join('') + '*'.repeat(c.length - 7) + c.slice(-4).join('');
};

/** `张三` → `张*`, `欧阳娜娜` → `欧***`, `Li Lei` → `L*****`. */
export const maskName = (s: string): string => {
  const c = chars(s);
  return c.length <= 1 ? '*' : (c[0] ?? '') + '*'.repeat(c.length - 1);
};

/** `a.li@example.cn` → `a***@example.cn`. */
export const maskEmail = (s: string): string => {
  const at = s.indexOf('@');
  return at <= 0 ? maskName(s) : `${s[0]}***${s.slice(at)}`;
};

/** Keeps the first few characters of an address (district level), hides the rest. */
export const maskAddress = (s: string): string => {
  const c = chars(s);
  return `${c.slice(0, Math.min(6, Math.floor(c.length / 2))).join('')}****`;
};

/** Masks one personal value by its kind; objects and arrays are masked throughout. */
export const maskValue = (value: unknown, kind: PersonalDataKind): unknown => {
  if (Array.isArray(value)) return value.map((v) => maskValue(v, kind));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskValue(v, kind)]));
  if (typeof value !== 'string') return value === undefined || value === null ? value : '***';
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
      return '***';
  }
};
