import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { given } from '../testing/index.js';
import { staffDecider } from './decider.js';
import type { StaffEvent } from './events.js';
import { ctx, onPost, registered, seconded, types } from './fixtures.test.js';

const end = (data: Record<string, unknown>) =>
  ({ type: 'EndSecondment', data }) as Parameters<typeof staffDecider.decide>[0];

/** Seconded on 2024-11-04 (term until 2026-11-04), on post the same day. */
const serving: StaffEvent[] = [
  seconded('2024-11-04', '2026-11-04'),
  onPost('2024-11-04', 'seconded-department-staff'),
];
const successorOnPost = { staffId: 'D-008', onPost: true, onPostSince: '2026-11-16' };

describe('Ending a secondment (STF-04): minimum term and "in before out"', () => {
  it('STF-04 in before out: the successor on post before the predecessor leaves — the predecessor goes off post and the secondment ends', () => {
    const result = given(staffDecider, serving).when(
      end({ endDate: '2026-11-20', reason: '轮岗调整', successorStaffId: 'D-008' }),
      ctx({ successor: successorOnPost }),
    );
    expect(result).toEqual(
      E.right([
        {
          type: 'StaffTakenOffPost',
          data: {
            date: '2026-11-20',
            role: 'seconded-department-staff',
            unit: 'centre-01',
            reason: '轮岗调整',
          },
        },
        {
          type: 'SecondmentEnded',
          data: {
            endDate: '2026-11-20',
            sendingUnit: 'dept-civil-affairs',
            reason: '轮岗调整',
            minTermEndsOn: '2026-11-04',
            early: false,
            successorStaffId: 'D-008',
            successorOnPostSince: '2026-11-16',
            triggersReached: [],
          },
        },
      ]),
    );
  });

  it('STF-04 in before out, the other way: a successor not yet on post is a typed error', () => {
    const result = given(staffDecider, serving).when(
      end({ endDate: '2026-11-20', reason: '轮岗调整', successorStaffId: 'D-008' }),
      ctx({ successor: { staffId: 'D-008', onPost: false } }),
    );
    expect(result).toEqual(
      E.left(
        expect.objectContaining({
          kind: 'rule',
          code: 'STAFF_SUCCESSOR_NOT_ON_POST',
          requirement: 'STF-04',
          path: ['successorStaffId'],
        }),
      ),
    );
  });

  it('STF-04 a successor who went on post only after the last day does not satisfy "in before out"', () => {
    const result = given(staffDecider, serving).when(
      end({ endDate: '2026-11-13', reason: '轮岗调整', successorStaffId: 'D-008' }),
      ctx({ successor: successorOnPost }),
    );
    expect(result).toEqual(
      E.left(expect.objectContaining({ code: 'STAFF_SUCCESSOR_NOT_ON_POST' })),
    );
  });

  it('STF-04 the successor on post the same day as the last day is "in before out"', () => {
    const result = given(staffDecider, serving).when(
      end({ endDate: '2026-11-16', reason: '轮岗调整', successorStaffId: 'D-008' }),
      ctx({ successor: successorOnPost }),
    );
    expect(E.isRight(result)).toBe(true);
  });

  it('STF-04 the successor status must be in the context, for the successor named', () => {
    const h = given(staffDecider, serving);
    const cmd = end({ endDate: '2026-11-20', reason: '轮岗调整', successorStaffId: 'D-008' });
    expect(h.when(cmd, ctx())).toEqual(
      E.left(expect.objectContaining({ code: 'STAFF_SUCCESSOR_STATUS_UNKNOWN' })),
    );
    expect(h.when(cmd, ctx({ successor: { ...successorOnPost, staffId: 'D-999' } }))).toEqual(
      E.left(expect.objectContaining({ code: 'STAFF_SUCCESSOR_STATUS_UNKNOWN' })),
    );
  });

  it('STF-04 without a successor the reason must be given; the person cannot succeed themself', () => {
    const h = given(staffDecider, serving);
    expect(h.when(end({ endDate: '2026-11-20', reason: '事项撤出' }), ctx())).toEqual(
      E.left(
        expect.objectContaining({ code: 'STAFF_SUCCESSOR_REQUIRED', path: ['successorStaffId'] }),
      ),
    );
    const none = h.when(
      end({ endDate: '2026-11-20', reason: '事项撤出', noSuccessorReason: '该事项已撤出中心' }),
      ctx(),
    );
    expect(E.isRight(none) && none.right[1]?.data).toMatchObject({
      noSuccessorReason: '该事项已撤出中心',
    });
    expect(
      h.when(
        end({ endDate: '2026-11-20', reason: '轮岗', successorStaffId: 'D-007' }),
        ctx({ successor: { staffId: 'D-007', onPost: true } }),
      ),
    ).toEqual(E.left(expect.objectContaining({ code: 'STAFF_SUCCESSOR_IS_SELF' })));
  });

  it('STF-04 a successor and a no-successor reason together are invalid input', () => {
    const result = given(staffDecider, serving).when(
      end({
        endDate: '2026-11-20',
        reason: 'x',
        successorStaffId: 'D-008',
        noSuccessorReason: 'y',
      }),
      ctx({ successor: successorOnPost }),
    );
    expect(result).toEqual(
      E.left(expect.objectContaining({ kind: 'validation', path: ['noSuccessorReason'] })),
    );
  });

  it('STF-04 leaving before the 2-year minimum term needs a recorded reason', () => {
    const early = [
      seconded('2025-03-03', '2027-03-03'),
      onPost('2025-03-03', 'seconded-department-staff'),
    ];
    const h = given(staffDecider, early);
    const base = { endDate: '2026-11-20', reason: '退回派出单位', successorStaffId: 'D-008' };
    expect(h.when(end(base), ctx({ successor: successorOnPost }))).toEqual(
      E.left(
        expect.objectContaining({
          code: 'STAFF_EARLY_END_REASON_REQUIRED',
          requirement: 'STF-04',
          path: ['earlyEndReason'],
        }),
      ),
    );
    const withReason = h.when(
      end({ ...base, earlyEndReason: '被投诉查实2次' }),
      ctx({ successor: successorOnPost }),
    );
    expect(E.isRight(withReason) && withReason.right[1]?.data).toMatchObject({
      early: true,
      earlyEndReason: '被投诉查实2次',
      minTermEndsOn: '2027-03-03',
    });
  });

  it('STF-04 the last day of the minimum term is the first day that is not early', () => {
    const result = given(staffDecider, [seconded('2024-11-20', '2026-11-20')]).when(
      end({ endDate: '2026-11-20', reason: '期满轮换', noSuccessorReason: '窗口合并' }),
      ctx(),
    );
    expect(E.isRight(result) && types(result.right)).toEqual(['SecondmentEnded']);
    expect(E.isRight(result) && result.right[0]?.data).toMatchObject({ early: false });
  });

  it('STF-04 the end records the triggers that were reached', () => {
    const raised: StaffEvent = {
      type: 'ReturnToSendingUnitRequired',
      data: {
        trigger: 'verified-complaint',
        sendingUnit: 'dept-civil-affairs',
        threshold: 2,
        count: 2,
        windowFrom: '2025-11-19',
        windowTo: '2026-11-18',
        evidence: [
          { id: 'C-1', on: '2026-04-02', quantity: 1 },
          { id: 'C-2', on: '2026-11-18', quantity: 1 },
        ],
      },
    };
    const result = given(staffDecider, [...serving, raised]).when(
      end({ endDate: '2026-11-20', reason: '退回派出单位', successorStaffId: 'D-008' }),
      ctx({ successor: successorOnPost }),
    );
    expect(E.isRight(result) && result.right[1]?.data).toMatchObject({
      triggersReached: ['verified-complaint'],
    });
  });

  it('STF-04 only seconded staff end a secondment, and only once', () => {
    expect(
      given(staffDecider, [registered(), onPost('2026-01-05')]).when(
        end({ endDate: '2026-11-20', reason: 'x', noSuccessorReason: 'y' }),
        ctx(),
      ),
    ).toEqual(E.left(expect.objectContaining({ code: 'STAFF_NOT_SECONDED' })));
    const ended: StaffEvent = {
      type: 'SecondmentEnded',
      data: {
        endDate: '2026-11-10',
        sendingUnit: 'dept-civil-affairs',
        reason: 'x',
        minTermEndsOn: '2026-11-04',
        early: false,
        noSuccessorReason: 'y',
        triggersReached: [],
      },
    };
    const h = given(staffDecider, [...serving, ended]);
    expect(h.state.status).toBe('departed');
    expect(
      h.when(end({ endDate: '2026-11-20', reason: 'x', noSuccessorReason: 'y' }), ctx()),
    ).toEqual(E.left(expect.objectContaining({ kind: 'transition', from: 'departed' })));
    expect(h.when({ type: 'PutOnPost', data: { date: '2026-11-20' } }, ctx())).toEqual(
      E.left(expect.objectContaining({ kind: 'transition', from: 'departed' })),
    );
  });
});
