// FAC-04: which cycle a plan item runs on. An override on the plan item wins; then the
// policy's default for the facility class; for special maintenance the risk level; then the
// default for any facility (`*`).
import * as E from 'fp-ts/lib/Either.js';
import type { DomainError } from '../kernel/errors.js';
import type { Cycle } from '../policy/common.js';
import type { FacilityPolicy } from '../policy/facility.js';
import { rule } from './errors.js';

export type CycleSource = 'override' | 'class-default' | 'any-facility-default' | 'risk-level';

export interface ResolvedCycle {
  readonly cycle: Cycle;
  readonly source: CycleSource;
}

const lookup = (
  cycles: FacilityPolicy['defaultCycles'],
  classKey: string,
  taskKind: string,
): Cycle | undefined => {
  if (!Object.hasOwn(cycles, classKey)) return undefined;
  const byKind = cycles[classKey];
  return byKind && Object.hasOwn(byKind, taskKind) ? byKind[taskKind] : undefined;
};

/** The cycle of a plan item and where it came from, or the FAC-04 error when none applies. */
export const resolveCycle = (
  policy: FacilityPolicy,
  classKey: string,
  taskKind: string,
  schedule: {
    readonly cycle?: Cycle | undefined;
    readonly riskLevel?: 'high' | 'medium' | 'low' | undefined;
  },
): E.Either<DomainError, ResolvedCycle> => {
  if (schedule.cycle) return E.right({ cycle: schedule.cycle, source: 'override' });
  const own = lookup(policy.defaultCycles, classKey, taskKind);
  if (own) return E.right({ cycle: own, source: 'class-default' });
  if (taskKind === 'special') {
    const risk = schedule.riskLevel;
    if (risk === undefined)
      return E.left(
        rule(
          'FACILITY_RISK_LEVEL_REQUIRED',
          'FAC-04',
          ['schedule', 'riskLevel'],
          '专项维护须给出风险等级或周期',
          'special maintenance needs a risk level or an explicit cycle',
        ),
      );
    return E.right({ cycle: policy.specialCyclesByRisk[risk], source: 'risk-level' });
  }
  const any = lookup(policy.defaultCycles, '*', taskKind);
  if (any) return E.right({ cycle: any, source: 'any-facility-default' });
  return E.left(
    rule(
      'FACILITY_NO_CYCLE',
      'FAC-04',
      ['schedule', 'cycle'],
      `「${classKey}」的「${taskKind}」没有默认周期，须给出周期`,
      `no default cycle for '${taskKind}' on '${classKey}'; give a cycle`,
    ),
  );
};
