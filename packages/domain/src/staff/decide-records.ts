import * as E from 'fp-ts/lib/Either.js';
import { plusMonths } from './dates.js';
import {
  certificateExists,
  certificateNotFound,
  certificateRevoked,
  dateInFuture,
  duplicateRecord,
  renewalNotLater,
} from './errors.js';
import { registeredPost, type StaffHandler, staffEvent, todayOf } from './handler.js';
import type { StaffRole } from './roles.js';
import type { StaffState } from './state.js';

const findCertificate = (state: StaffState, kind: string, number: string) =>
  state.certificates.find((c) => c.kind === kind && c.number === number);

/** STF-02: records a certificate with its kind, number and validity. */
export const recordCertificate: StaffHandler<'RecordCertificate'> = (d, state) =>
  findCertificate(state, d.kind, d.number)
    ? E.left(certificateExists(d.kind, d.number))
    : E.right([staffEvent('CertificateRecorded', d)]);

/** STF-02: extends a certificate's validity (换证 / 复审). */
export const renewCertificate: StaffHandler<'RenewCertificate'> = (d, state, ctx) => {
  const c = findCertificate(state, d.kind, d.number);
  if (!c) return E.left(certificateNotFound(d.kind, d.number));
  if (c.revokedOn !== undefined) return E.left(certificateRevoked(d.kind, d.number));
  if (d.validUntil <= c.validUntil) return E.left(renewalNotLater(d.validUntil, c.validUntil));
  const today = todayOf(ctx);
  if (d.renewedOn > today) return E.left(dateInFuture('STF-02', ['renewedOn'], d.renewedOn, today));
  return E.right([
    staffEvent('CertificateRenewed', {
      kind: d.kind,
      number: d.number,
      renewedOn: d.renewedOn,
      previousValidUntil: c.validUntil,
      validUntil: d.validUntil,
    }),
  ]);
};

/** STF-02: revokes a certificate; it stops counting from `revokedOn`. */
export const revokeCertificate: StaffHandler<'RevokeCertificate'> = (d, state) => {
  const c = findCertificate(state, d.kind, d.number);
  if (!c) return E.left(certificateNotFound(d.kind, d.number));
  if (c.revokedOn !== undefined) return E.left(certificateRevoked(d.kind, d.number));
  return E.right([staffEvent('CertificateRevoked', d)]);
};

/** STF-03: records a training; the next one is due within the policy's interval. */
export const recordTraining: StaffHandler<'RecordTraining'> = (d, state, ctx) => {
  if (state.trainingIds.includes(d.trainingId))
    return E.left(
      duplicateRecord('STAFF_TRAINING_DUPLICATE', 'STF-03', ['trainingId'], d.trainingId),
    );
  const today = todayOf(ctx);
  if (d.trainedOn > today) return E.left(dateInFuture('STF-03', ['trainedOn'], d.trainedOn, today));
  const nextTrainingDueOn = plusMonths(d.trainedOn, ctx.policy.staff.trainingIntervalMonths);
  return E.right([staffEvent('TrainingRecorded', { ...d, nextTrainingDueOn })]);
};

/** STF-03: records an assessment; the next one is due within the policy's interval. */
export const recordAssessment: StaffHandler<'RecordAssessment'> = (d, state, ctx) => {
  if (state.assessmentIds.includes(d.assessmentId))
    return E.left(
      duplicateRecord('STAFF_ASSESSMENT_DUPLICATE', 'STF-03', ['assessmentId'], d.assessmentId),
    );
  const today = todayOf(ctx);
  if (d.assessedOn > today)
    return E.left(dateInFuture('STF-03', ['assessedOn'], d.assessedOn, today));
  const nextAssessmentDueOn = plusMonths(d.assessedOn, ctx.policy.staff.assessmentIntervalMonths);
  return E.right([staffEvent('AssessmentRecorded', { ...d, nextAssessmentDueOn })]);
};

/** STF-05: records a performance result, quantitative and / or qualitative. */
export const recordPerformance: StaffHandler<'RecordPerformance'> = (d, state) =>
  state.performanceRecordIds.includes(d.recordId)
    ? E.left(duplicateRecord('STAFF_PERFORMANCE_DUPLICATE', 'STF-05', ['recordId'], d.recordId))
    : E.map(({ role, unit }: { role: StaffRole; unit: string }) => [
        staffEvent('PerformanceRecorded', { ...d, role, unit }),
      ])(registeredPost(state, 'RecordPerformance'));
