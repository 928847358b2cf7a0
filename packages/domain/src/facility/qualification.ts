import * as E from 'fp-ts/lib/Either.js';
// FAC-08: work on a class that requires certificates needs a valid one of each kind on the
// day of the work. The caller supplies the performer's certificates in the context.
import type { IsoDate } from '../calendar/work-calendar.js';
import type { DomainError, FieldPath } from '../kernel/errors.js';
import type { FacilityContext } from './context.js';
import { workDateOf } from './decide-support.js';
import { rule } from './errors.js';

/** Certificate kinds the policy requires for work on a facility class. */
export const requiredCertificateKinds = (
  ctx: FacilityContext,
  classKey: string,
): readonly string[] => {
  const requirements = ctx.policy.facility.certificateRequirements;
  return Object.hasOwn(requirements, classKey) ? (requirements[classKey] ?? []) : [];
};

/** Undefined when the performer may do the work on `workDate`; otherwise the FAC-08 error. */
export const checkQualification = (
  ctx: FacilityContext,
  classKey: string,
  performerId: string,
  workDate: IsoDate,
  path: FieldPath,
): DomainError | undefined => {
  const certificates = Array.isArray(ctx.certificates) ? ctx.certificates : [];
  for (const kind of requiredCertificateKinds(ctx, classKey)) {
    const valid = certificates.some(
      (c) =>
        c.kind === kind &&
        (c.holderId === undefined || c.holderId === performerId) &&
        c.validFrom <= workDate &&
        workDate <= c.validUntil,
    );
    if (!valid)
      return rule(
        'FACILITY_CERTIFICATE_REQUIRED',
        'FAC-08',
        path,
        `「${classKey}」类设施作业须持有 ${workDate} 当日有效的「${kind}」证书，${performerId} 未持有`,
        `work on '${classKey}' needs a '${kind}' certificate valid on ${workDate}; ${performerId} has none`,
      );
  }
  return undefined;
};

/**
 * X-05, FAC-08: the local date of work done at `at` (not after `ctx.now`), once the performer
 * is found to have held the certificates the class requires on that date.
 */
export const qualifiedWorkDate = (
  ctx: FacilityContext,
  classKey: string,
  work: {
    readonly at: string;
    readonly atPath: FieldPath;
    readonly performerId: string;
    readonly performerPath: FieldPath;
  },
): E.Either<DomainError, IsoDate> => {
  const workDate = workDateOf(ctx, work.at, work.atPath);
  if (E.isLeft(workDate)) return workDate;
  const unqualified = checkQualification(
    ctx,
    classKey,
    work.performerId,
    workDate.right,
    work.performerPath,
  );
  return unqualified ? E.left(unqualified) : workDate;
};
