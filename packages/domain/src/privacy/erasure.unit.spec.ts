import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { given, runSequence, testContext } from '../testing/index.js';
import { checkCommandSize } from './command-size.js';
import { type PrivacyCommand, privacyDecider } from './erasure.js';
import { type SecurityAuditCommand, securityAuditDecider } from './security-audit.js';

const ctx = testContext({ actor: { id: 'po-1', role: 'privacy-officer', unit: 'district' } });
const erase = (subjectId = 'ds-abc'): PrivacyCommand => ({
  type: 'EraseDataSubject',
  data: {
    subjectId,
    legalBasis: 'consent-withdrawn',
    requester: { kind: 'data-subject', reference: '申请书 2026-118' },
    reason: '本人撤回同意，要求删除个人信息',
  },
});

describe('EraseDataSubject (X-06)', () => {
  it('X-06 records the erasure with its legal basis, requester and time', () => {
    expect(given(privacyDecider).when(erase(), ctx)).toEqual(
      E.right([
        {
          type: 'DataSubjectErased',
          data: { ...erase().data, erasedAt: ctx.now, erasure: 1 },
        },
      ]),
    );
  });

  it('X-06 refuses an erasure without a legal basis, naming the field', () => {
    const { legalBasis: _, ...data } = erase().data;
    const result = given(privacyDecider).when(
      { type: 'EraseDataSubject', data } as PrivacyCommand,
      ctx,
    );
    expect(E.isLeft(result) && result.left).toMatchObject({
      kind: 'validation',
      requirement: 'X-06',
      path: ['legalBasis'],
    });
  });

  it('X-06 counts repeated erasures (new data may follow one) but refuses another subject', () => {
    const first = given(privacyDecider).when(erase(), ctx);
    const events = E.isRight(first) ? first.right : [];
    expect(given(privacyDecider, events).when(erase(), ctx)).toMatchObject(
      E.right([{ data: { erasure: 2 } }]),
    );
    const other = given(privacyDecider, events).when(erase('ds-other'), ctx);
    expect(E.isLeft(other) && other.left.code).toBe('PRIVACY_SUBJECT_MISMATCH');
  });

  it('X-05 no garbage command makes the privacy or security-audit decider throw; refold matches', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constant(erase()),
            fc.anything(),
            fc.record({
              type: fc.constantFrom(
                'EraseDataSubject',
                'RecordCommandDenied',
                'RecordPersonalDataRead',
              ),
              data: fc.anything(),
            }),
          ),
          { maxLength: 8 },
        ),
        (commands) => {
          const privacy = runSequence(
            privacyDecider,
            commands.map((c) => ({ command: c as PrivacyCommand, ctx })),
          );
          expect(privacy.refold).toEqual(privacy.state);
          const audit = runSequence(
            securityAuditDecider,
            commands.map((c) => ({ command: c as SecurityAuditCommand, ctx })),
          );
          expect(audit.refold).toEqual(audit.state);
        },
      ),
      { seed: 11, numRuns: 200 },
    );
  });
});

describe('security audit (X-07, GB/T 22239)', () => {
  it('X-06 records a privileged read: what, and why', () => {
    const read = given(securityAuditDecider).when(
      {
        type: 'RecordPersonalDataRead',
        data: {
          streamId: 'complaint-C1',
          eventIds: ['e1'],
          fields: ['ComplaintReceived.complainant.name'],
          purpose: '信访复核 2026-7',
        },
      },
      ctx,
    );
    expect(read).toMatchObject(
      E.right([{ type: 'PersonalDataRead', data: { purpose: '信访复核 2026-7', at: ctx.now } }]),
    );
  });

  it('X-06 refuses a privileged read without a purpose', () => {
    const read = given(securityAuditDecider).when(
      {
        type: 'RecordPersonalDataRead',
        data: { streamId: 'c', eventIds: [], fields: ['x'], purpose: ' ' },
      },
      ctx,
    );
    expect(E.isLeft(read) && read.left.path).toEqual(['purpose']);
  });
});

describe('command size limit (X-05)', () => {
  it('X-05 accepts data within the limit and refuses oversized or non-JSON data with a clear error', () => {
    expect(checkCommandSize({ a: '张三' }, 100)).toEqual(E.right(14));
    const big = checkCommandSize({ text: '字'.repeat(50) }, 100);
    expect(E.isLeft(big) && big.left).toMatchObject({
      code: 'COMMAND_TOO_LARGE',
      requirement: 'X-05',
      path: ['data'],
    });
    expect(E.isLeft(big) && big.left.message.en).toContain('the limit is 100');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(E.isLeft(checkCommandSize(cyclic, 100)) && checkCommandSize(cyclic, 100)).toMatchObject({
      left: { code: 'COMMAND_DATA_NOT_JSON' },
    });
    expect(checkCommandSize(undefined, 100)).toEqual(E.right(0));
  });
});
