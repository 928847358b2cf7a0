import * as E from 'fp-ts/lib/Either.js';
import type { DecideContext } from '../../kernel/context.js';
import { createDecide, type DecideFunction } from '../../kernel/dispatch.js';
import type { DomainError } from '../../kernel/errors.js';
import { checkInstantOrder } from '../../kernel/instant-order.js';
import { plainEvent } from '../../kernel/plain-json.js';
import type { Policy } from '../../policy/policy.js';
import {
  type ReserveCommand,
  type ReserveCommandData,
  ReserveCommandSchemas,
  type ReserveKind,
} from './commands.js';
import { facilityMismatch, MEASURED_AT, recordDuplicate } from './errors.js';
import type { ReserveEvent } from './events.js';
import type { ReserveState } from './state.js';

type Result = E.Either<DomainError, readonly ReserveEvent[]>;

const event = plainEvent<ReserveEvent>();

/** EMG-04: the policy minimum for a kind of reserve. */
const minimumOf = (policy: Policy, kind: ReserveKind): number =>
  kind === 'water' ? policy.emergency.waterReserveMin : policy.emergency.backupPowerMin;

// Shares like 30 / 100 are exact in binary only by luck; a tolerance far below any unit of
// measure keeps a reserve of exactly the minimum from being read as a breach.
const TOLERANCE = 1e-9;

const record = (
  d: ReserveCommandData<'RecordReserveCapacity'>,
  state: ReserveState,
  ctx: DecideContext,
): Result => {
  if (state.facilityId !== undefined && state.facilityId !== d.facilityId)
    return E.left(facilityMismatch(state.facilityId, d.facilityId));
  if (state.recordIds.includes(d.recordId)) return E.left(recordDuplicate(d.recordId));
  const measuredAt = d.measuredAt ?? ctx.now;
  const previous = state.kinds[d.kind];
  const outOfOrder = checkInstantOrder(
    measuredAt,
    { now: ctx.now, previous: previous?.lastMeasuredAt },
    {
      future: { code: 'RESERVE_TIME_IN_FUTURE', requirement: 'EMG-04', path: ['measuredAt'] },
      beforePrevious: {
        code: 'RESERVE_TIME_BEFORE_PREVIOUS',
        requirement: 'EMG-04',
        path: ['measuredAt'],
      },
    },
    MEASURED_AT,
  );
  if (outOfOrder) return E.left(outOfOrder);
  const minimum = minimumOf(ctx.policy, d.kind);
  const ratio = d.reserve / d.demand;
  const belowMinimum = ratio < minimum - TOLERANCE;
  const base = { recordId: d.recordId, facilityId: d.facilityId, kind: d.kind, measuredAt };
  const recorded = event('ReserveCapacityRecorded', {
    ...base,
    reserve: d.reserve,
    demand: d.demand,
    measure: d.measure,
    ratio,
    minimum,
    belowMinimum,
  });
  if (belowMinimum) {
    const shortfall = Math.max(0, minimum * d.demand - d.reserve);
    return E.right([
      recorded,
      event('ReserveCapacityBelowMinimum', {
        ...base,
        ratio,
        minimum,
        shortfall,
        measure: d.measure,
      }),
    ]);
  }
  if (previous?.belowMinimum)
    return E.right([recorded, event('ReserveCapacityRestored', { ...base, ratio, minimum })]);
  return E.right([recorded]);
};

/** Decides a reserve-capacity command (EMG-04): records it and flags a breach. Never throws. */
export const decideReserve: DecideFunction<ReserveCommand, ReserveEvent, ReserveState> =
  createDecide({
    aggregate: { zh: '应急储备', en: 'reserve' },
    schemas: ReserveCommandSchemas,
    requirementOf: 'EMG-04',
    handlers: { RecordReserveCapacity: record },
  });
