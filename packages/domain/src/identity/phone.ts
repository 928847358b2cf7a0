import { z } from 'zod';
import { bilingual } from '../kernel/validation.js';

/**
 * A mainland phone number: a mobile number (11 digits, 1[3-9]…) or a landline with its area
 * code and an optional extension; `+86` may precede either. Wrap in `personal(…, 'phone')`.
 */
const PHONE = /^(?:\+?86[- ]?)?(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(?:-\d{1,6})?)$/;

export const ChinaPhoneNumberSchema = z
  .string()
  .trim()
  .refine((s) => PHONE.test(s), {
    message: 'not a mainland mobile or landline number',
    params: bilingual('phone', '不是有效的手机或固定电话号码'),
  });
