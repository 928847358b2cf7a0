import * as E from 'fp-ts/lib/Either.js';
import { unknownCommand } from '../../incident/errors.js';
import { omitUndefined } from '../../incident/omit-undefined.js';
import type { DecideContext } from '../../kernel/context.js';
import type { DomainError } from '../../kernel/errors.js';
import { parseWith } from '../../kernel/validation.js';
import type { Policy } from '../../policy/policy.js';
import {
  type ReserveCommand,
  type ReserveCommandData,
  ReserveCommandSchemas,
  type ReserveKind,
} from './commands.js';
import { facilityMismatch, measuredAtOutOfOrder, recordDuplicate } from './errors.js';
import type { ReserveEvent, ReserveEventData, ReserveEventType } from './events.js';
import type { ReserveState } from './state.js';

type Result = E.Either<DomainError, readonly ReserveEvent[]>;

const event = <K extends ReserveEventType>(type: K, data: ReserveEventData<K>): ReserveEvent =>
  ({ type, data: omitUndefined(data) }) as ReserveEvent;

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
  if (Date.parse(measuredAt) > Date.parse(ctx.now))
    return E.left(measuredAtOutOfOrder('RESERVE_TIME_IN_FUTURE', measuredAt, ctx.now));
  const previous = state.kinds[d.kind];
  if (previous && Date.parse(measuredAt) < Date.parse(previous.lastMeasuredAt))
    return E.left(
      measuredAtOutOfOrder('RESERVE_TIME_BEFORE_PREVIOUS', measuredAt, previous.lastMeasuredAt),
    );
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
export const decideReserve = (
  command: ReserveCommand,
  state: ReserveState,
  ctx: DecideContext,
): Result => {
  const raw: unknown = command;
  const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : raw;
  if (type !== 'RecordReserveCapacity') return E.left(unknownCommand('reserve', type));
  const parsed = parseWith(
    ReserveCommandSchemas.RecordReserveCapacity,
    (raw as { data?: unknown }).data,
    'EMG-04',
  );
  return E.isLeft(parsed) ? parsed : record(parsed.right, state, ctx);
};
