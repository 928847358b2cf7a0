import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { definePolicy } from '../../policy/define-policy.js';
import { given, testContext } from '../../testing/index.js';
import type { ReserveCommand } from './commands.js';
import { reserveDecider } from './decider.js';
import type { ReserveEvent } from './events.js';

const ctx = testContext();
const at = '2026-11-20T08:00:00+08:00';
const record = (data: Record<string, unknown>) =>
  ({
    type: 'RecordReserveCapacity',
    data: {
      recordId: 'R-1',
      facilityId: 'WS-01',
      kind: 'water',
      measuredAt: at,
      measure: 'm3',
      ...data,
    },
  }) as ReserveCommand;

describe('Reserve capacity (EMG-04)', () => {
  it('EMG-04 water at exactly 30 % of demand is not a breach', () => {
    const result = given(reserveDecider).when(record({ reserve: 30, demand: 100 }), ctx);
    expect(result).toEqual(
      E.right([
        {
          type: 'ReserveCapacityRecorded',
          data: {
            recordId: 'R-1',
            facilityId: 'WS-01',
            kind: 'water',
            measuredAt: at,
            reserve: 30,
            demand: 100,
            measure: 'm3',
            ratio: 0.3,
            minimum: 0.3,
            belowMinimum: false,
          },
        },
      ]),
    );
  });

  it('EMG-04 water below 30 % emits a breach with the shortfall', () => {
    const result = given(reserveDecider).when(record({ reserve: 2900, demand: 10000 }), ctx);
    expect(E.isRight(result) && result.right.map((e) => e.type)).toEqual([
      'ReserveCapacityRecorded',
      'ReserveCapacityBelowMinimum',
    ]);
    expect(E.isRight(result) && result.right[1]?.data).toMatchObject({
      kind: 'water',
      minimum: 0.3,
      ratio: 0.29,
    });
    const breach = E.isRight(result) ? result.right[1] : undefined;
    const shortfall = breach?.type === 'ReserveCapacityBelowMinimum' ? breach.data.shortfall : -1;
    expect(shortfall).toBeCloseTo(100, 6);
  });

  it('EMG-04 backup power: 10 % holds, 9.9 % is a breach', () => {
    const power = { kind: 'backup-power', measure: 'kW', facilityId: 'WS-01' };
    const ok = given(reserveDecider).when(record({ ...power, reserve: 50, demand: 500 }), ctx);
    expect(E.isRight(ok) && ok.right.map((e) => e.type)).toEqual(['ReserveCapacityRecorded']);
    const low = given(reserveDecider).when(record({ ...power, reserve: 49.5, demand: 500 }), ctx);
    expect(E.isRight(low) && low.right[1]).toMatchObject({
      type: 'ReserveCapacityBelowMinimum',
      data: { kind: 'backup-power', minimum: 0.1 },
    });
  });

  it('EMG-04 the minimum comes from the policy and is stored with the record', () => {
    const strict = { ...ctx, policy: definePolicy({ emergency: { waterReserveMin: 0.4 } }) };
    const result = given(reserveDecider).when(record({ reserve: 35, demand: 100 }), strict);
    expect(E.isRight(result) && result.right[1]?.data).toMatchObject({ minimum: 0.4 });
  });

  it('EMG-04 the first record back above the minimum after a breach says the reserve is restored', () => {
    const breach: ReserveEvent[] = [
      {
        type: 'ReserveCapacityRecorded',
        data: {
          recordId: 'R-1',
          facilityId: 'WS-01',
          kind: 'water',
          measuredAt: '2026-11-19T08:00:00+08:00',
          reserve: 20,
          demand: 100,
          measure: 'm3',
          ratio: 0.2,
          minimum: 0.3,
          belowMinimum: true,
        },
      },
    ];
    const result = given(reserveDecider, breach).when(
      record({ recordId: 'R-2', reserve: 40, demand: 100 }),
      ctx,
    );
    expect(E.isRight(result) && result.right.map((e) => e.type)).toEqual([
      'ReserveCapacityRecorded',
      'ReserveCapacityRestored',
    ]);
    const h = given(reserveDecider, breach);
    expect(h.when(record({ recordId: 'R-1', reserve: 40, demand: 100 }), ctx)).toEqual(
      E.left(expect.objectContaining({ code: 'RESERVE_RECORD_DUPLICATE' })),
    );
    expect(
      h.when(record({ recordId: 'R-2', facilityId: 'WS-02', reserve: 40, demand: 100 }), ctx),
    ).toEqual(
      E.left(expect.objectContaining({ code: 'RESERVE_FACILITY_MISMATCH', path: ['facilityId'] })),
    );
    expect(
      h.when(
        record({
          recordId: 'R-2',
          measuredAt: '2026-11-18T08:00:00+08:00',
          reserve: 40,
          demand: 100,
        }),
        ctx,
      ),
    ).toEqual(E.left(expect.objectContaining({ code: 'RESERVE_TIME_BEFORE_PREVIOUS' })));
  });

  it('EMG-04 rejects a zero demand and a negative reserve, naming the fields', () => {
    const result = given(reserveDecider).when(record({ reserve: -1, demand: 0 }), ctx);
    expect(
      E.isLeft(result) &&
        result.left.kind === 'validation' &&
        result.left.issues.map((i) => i.path[0]),
    ).toEqual(['reserve', 'demand']);
    expect(E.isLeft(result) && result.left.requirement).toBe('EMG-04');
  });
});
