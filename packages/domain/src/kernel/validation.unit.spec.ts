import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatDomainError } from './errors.js';
import { bilingual, parseWith } from './validation.js';

const Command = z.object({
  applicant: z.object({
    name: z.string().min(1),
    phone: z.string().superRefine((v, ctx) => {
      if (!/^1\d{10}$/.test(v))
        ctx.addIssue({
          code: 'custom',
          message: 'not a mainland mobile number',
          params: bilingual('phone', '不是有效的手机号码'),
        });
    }),
  }),
  workdays: z.number().int(),
});

describe('typed validation errors (X-05)', () => {
  it('name the field and the rule, in Chinese and English', () => {
    const result = parseWith(
      Command,
      { applicant: { name: '', phone: '12' }, workdays: 'x' },
      'TKT-02',
    );
    expect(E.isLeft(result)).toBe(true);
    if (E.isRight(result)) return;
    const error = result.left;
    expect(error).toMatchObject({
      kind: 'validation',
      requirement: 'TKT-02',
      path: ['applicant', 'name'],
    });
    expect(error.issues.map((i) => [i.path.join('.'), i.rule])).toEqual([
      ['applicant.name', 'too_small'],
      ['applicant.phone', 'phone'],
      ['workdays', 'invalid_type'],
    ]);
    expect(error.issues[1]?.message).toEqual({
      zh: '不是有效的手机号码',
      en: 'not a mainland mobile number',
    });
    expect(error.issues[2]?.message.en).toMatch(/expected number, received string/);
    expect(error.issues[2]?.message.zh).toMatch(/期望/);
    expect(formatDomainError(error, 'zh')).toMatch(/^\[TKT-02 INVALID_INPUT\] @ applicant\.name/);
  });

  it('pass valid input through', () => {
    const ok = parseWith(Command, {
      applicant: { name: '张三', phone: '13800138000' },
      workdays: 5,
    });
    expect(E.isRight(ok)).toBe(true);
  });
});
