import type { Policy } from '@civic-ledger/domain';
import * as projections from '@civic-ledger/projections';
import {
  type AnyProjection,
  createComplianceProjection,
  createKpiProjection,
  createSatisfactionProjection,
  rectificationLedgerProjection,
} from '@civic-ledger/projections';

/** The read models a report needs, fresh. */
export const reportProjections = (policy?: Policy, communities?: readonly string[]) => {
  const options = policy ? { policy } : {};
  return {
    // K-16 needs the register of communities; without one it is "no data".
    kpi: createKpiProjection({ ...options, ...(communities ? { communities } : {}) }),
    satisfaction: createSatisfactionProjection(options),
    compliance: createComplianceProjection(options),
    ledger: rectificationLedgerProjection,
  };
};

const isProjection = (value: unknown): value is AnyProjection =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as AnyProjection).name === 'string' &&
  typeof (value as AnyProjection).apply === 'function' &&
  typeof (value as AnyProjection).init === 'function';

/**
 * Every read model `replay` can rebuild, by name: what `@civic-ledger/projections` exports
 * as a projection or as a `create…Projection(options)` factory, so that a read model added
 * there is replayable here without a change.
 */
export const projectionCatalogue = (policy?: Policy): Map<string, AnyProjection> => {
  const out = new Map<string, AnyProjection>();
  for (const [key, value] of Object.entries(projections as Record<string, unknown>)) {
    let candidate: unknown = value;
    if (/^create[A-Z][A-Za-z]*Projection$/.test(key) && typeof value === 'function') {
      try {
        candidate = (value as (o: object) => unknown)(policy ? { policy } : {});
      } catch {
        // A factory that needs arguments the CLI cannot supply is not replayable from here.
        continue;
      }
    }
    if (isProjection(candidate) && !out.has(candidate.name)) out.set(candidate.name, candidate);
  }
  return out;
};
