import type { CertificateState, StaffState } from './state.js';

/** A certificate that counts on a given date (STF-02, FAC-08). */
export interface ValidCertificate {
  readonly kind: string;
  readonly number: string;
  readonly validFrom: string;
  readonly validUntil: string;
}

/** True when the certificate counts on `date` (within validity, not yet revoked). */
export const isCertificateValidOn = (c: CertificateState, date: string): boolean =>
  c.validFrom <= date && date <= c.validUntil && (c.revokedOn === undefined || date < c.revokedOn);

/**
 * STF-02 qualification view: the certificates valid on `date` (`YYYY-MM-DD`), e.g. to fill
 * the facility decider's context for FAC-08.
 */
export const validCertificatesOn = (state: StaffState, date: string): ValidCertificate[] =>
  state.certificates
    .filter((c) => isCertificateValidOn(c, date))
    .map(({ kind, number, validFrom, validUntil }) => ({ kind, number, validFrom, validUntil }));
