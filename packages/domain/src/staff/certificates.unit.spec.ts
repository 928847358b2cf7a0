import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { given } from '../testing/index.js';
import { validCertificatesOn } from './certificates.js';
import { staffDecider } from './decider.js';
import type { StaffEvent } from './events.js';
import { ctx, registered } from './fixtures.test.js';

const electrician: StaffEvent = {
  type: 'CertificateRecorded',
  data: {
    kind: 'electrician',
    number: 'T3201-0042',
    issuer: '应急管理局',
    validFrom: '2023-06-01',
    validUntil: '2026-05-31',
  },
};

describe('Certificates (STF-02) and the qualification view', () => {
  it('STF-02 records a certificate with kind, number and validity', () => {
    const result = given(staffDecider, [registered()]).when(
      { type: 'RecordCertificate', data: electrician.data },
      ctx(),
    );
    expect(result).toEqual(E.right([electrician]));
  });

  it('STF-02 rejects a validity that ends before it starts, naming validUntil', () => {
    const result = given(staffDecider, [registered()]).when(
      {
        type: 'RecordCertificate',
        data: {
          kind: 'electrician',
          number: 'X',
          validFrom: '2026-01-02',
          validUntil: '2026-01-01',
        },
      },
      ctx(),
    );
    expect(result).toEqual(
      E.left(
        expect.objectContaining({
          kind: 'validation',
          requirement: 'STF-02',
          path: ['validUntil'],
        }),
      ),
    );
  });

  it('STF-02 refuses to record the same certificate twice (renew it instead)', () => {
    const result = given(staffDecider, [registered(), electrician]).when(
      { type: 'RecordCertificate', data: electrician.data },
      ctx(),
    );
    expect(result).toEqual(
      E.left(expect.objectContaining({ code: 'STAFF_CERTIFICATE_ALREADY_RECORDED' })),
    );
  });

  it('STF-02 renews a certificate with a later expiry and keeps the previous one in the event', () => {
    const result = given(staffDecider, [registered(), electrician]).when(
      {
        type: 'RenewCertificate',
        data: {
          kind: 'electrician',
          number: 'T3201-0042',
          renewedOn: '2026-05-20',
          validUntil: '2029-05-31',
        },
      },
      ctx(),
    );
    expect(result).toEqual(
      E.right([
        {
          type: 'CertificateRenewed',
          data: {
            kind: 'electrician',
            number: 'T3201-0042',
            renewedOn: '2026-05-20',
            previousValidUntil: '2026-05-31',
            validUntil: '2029-05-31',
          },
        },
      ]),
    );
  });

  it('STF-02 refuses a renewal that does not extend, and one of an unknown certificate', () => {
    const h = given(staffDecider, [registered(), electrician]);
    expect(
      h.when(
        {
          type: 'RenewCertificate',
          data: {
            kind: 'electrician',
            number: 'T3201-0042',
            renewedOn: '2026-05-20',
            validUntil: '2026-05-31',
          },
        },
        ctx(),
      ),
    ).toEqual(
      E.left(
        expect.objectContaining({
          code: 'STAFF_CERTIFICATE_RENEWAL_NOT_LATER',
          path: ['validUntil'],
        }),
      ),
    );
    expect(
      h.when(
        {
          type: 'RenewCertificate',
          data: {
            kind: 'pipe-fitter',
            number: 'T3201-0042',
            renewedOn: '2026-05-20',
            validUntil: '2029-05-31',
          },
        },
        ctx(),
      ),
    ).toEqual(E.left(expect.objectContaining({ code: 'STAFF_CERTIFICATE_NOT_FOUND' })));
  });

  it('STF-02 revokes a certificate once; a revoked one cannot be renewed', () => {
    const revoke = {
      type: 'RevokeCertificate',
      data: {
        kind: 'electrician',
        number: 'T3201-0042',
        revokedOn: '2025-01-10',
        reason: '违规操作',
      },
    } as const;
    expect(given(staffDecider, [registered(), electrician]).when(revoke, ctx())).toEqual(
      E.right([{ type: 'CertificateRevoked', data: revoke.data }]),
    );
    const revoked: StaffEvent = { type: 'CertificateRevoked', data: revoke.data };
    expect(given(staffDecider, [registered(), electrician, revoked]).when(revoke, ctx())).toEqual(
      E.left(expect.objectContaining({ code: 'STAFF_CERTIFICATE_REVOKED' })),
    );
  });

  it('STF-02 FAC-08 validCertificatesOn lists the certificates valid on a date, bounds included', () => {
    const pipe: StaffEvent = {
      type: 'CertificateRecorded',
      data: {
        kind: 'pipe-fitter',
        number: 'P-1',
        validFrom: '2026-01-01',
        validUntil: '2026-12-31',
      },
    };
    const { state } = given(staffDecider, [registered(), electrician, pipe]);
    const cert = {
      kind: 'electrician',
      number: 'T3201-0042',
      validFrom: '2023-06-01',
      validUntil: '2026-05-31',
    };
    const pipeCert = {
      kind: 'pipe-fitter',
      number: 'P-1',
      validFrom: '2026-01-01',
      validUntil: '2026-12-31',
    };
    expect(validCertificatesOn(state, '2023-05-31')).toEqual([]);
    expect(validCertificatesOn(state, '2023-06-01')).toEqual([cert]);
    expect(validCertificatesOn(state, '2026-05-31')).toEqual([cert, pipeCert]);
    expect(validCertificatesOn(state, '2026-06-01')).toEqual([pipeCert]);
  });

  it('STF-02 a renewal extends, and a revocation ends, what validCertificatesOn returns', () => {
    const renewed: StaffEvent = {
      type: 'CertificateRenewed',
      data: {
        kind: 'electrician',
        number: 'T3201-0042',
        renewedOn: '2026-05-20',
        previousValidUntil: '2026-05-31',
        validUntil: '2029-05-31',
      },
    };
    const revoked: StaffEvent = {
      type: 'CertificateRevoked',
      data: {
        kind: 'electrician',
        number: 'T3201-0042',
        revokedOn: '2026-09-01',
        reason: '违规操作',
      },
    };
    const { state } = given(staffDecider, [registered(), electrician, renewed, revoked]);
    expect(validCertificatesOn(state, '2026-08-31')).toHaveLength(1);
    expect(validCertificatesOn(state, '2026-08-31')[0]?.validUntil).toBe('2029-05-31');
    expect(validCertificatesOn(state, '2026-09-01')).toEqual([]);
  });
});
