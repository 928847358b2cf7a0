import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/policy.js';
import { given } from '../testing/index.js';
import { staffDecider } from './decider.js';
import type { StaffEvent } from './events.js';
import { conduct, ctx, registered, seconded, types, verifiedComplaint } from './fixtures.test.js';
import { type ConductKind, ConductKindSchema, TRIGGER_POLICY_KEY } from './triggers.js';

const record = (recordId: string, kind: ConductKind, occurredOn: string, quantity?: number) =>
  ({
    type: 'RecordConductIncident',
    data: { recordId, kind, occurredOn, ...(quantity === undefined ? {} : { quantity }) },
  }) as const;

/** `n` earlier records of a kind, one a day from 2026-10-01. */
const earlier = (kind: ConductKind, n: number): StaffEvent[] =>
  Array.from({ length: n }, (_, i) =>
    conduct(`R-${i + 1}`, kind, `2026-10-${String((i % 28) + 1).padStart(2, '0')}`),
  );

const withThreshold = (kind: ConductKind, threshold: number) => {
  const c = ctx();
  const key = TRIGGER_POLICY_KEY[kind];
  const secondedTriggers = { ...c.policy.staff.secondedTriggers, [key]: threshold };
  return { ...c, policy: { ...c.policy, staff: { ...c.policy.staff, secondedTriggers } } };
};

describe('Seconded staff removal triggers (STF-04), counted in a rolling 365-day window', () => {
  describe.each(ConductKindSchema.options)('%s', (kind) => {
    const threshold = defaultPolicy.staff.secondedTriggers[TRIGGER_POLICY_KEY[kind]];

    it(`STF-04 at the threshold the decider requires a return to the sending unit, with the evidence`, () => {
      const result = given(staffDecider, [seconded(), ...earlier(kind, threshold - 1)]).when(
        record('R-new', kind, '2026-11-19'),
        ctx(),
      );
      expect(E.isRight(result)).toBe(true);
      if (E.isLeft(result)) return;
      expect(types(result.right)).toEqual([
        'ConductIncidentRecorded',
        'ReturnToSendingUnitRequired',
      ]);
      expect(result.right[1]?.data).toMatchObject({
        trigger: kind,
        sendingUnit: 'dept-civil-affairs',
        threshold,
        count: threshold,
        windowFrom: '2025-11-20',
        windowTo: '2026-11-19',
      });
      const data = result.right[1]?.data as { evidence: { id: string }[] } | undefined;
      const ids = (data?.evidence ?? []).map((e) => e.id).sort();
      const expected = earlier(kind, threshold - 1).map(
        (e) => (e.data as { recordId: string }).recordId,
      );
      expect(ids).toEqual([...expected, 'R-new'].sort());
    });

    it(`STF-04 just below the threshold nothing is required`, () => {
      // A threshold of 1 has no "just below" with one record: raise it through the policy.
      const below = Math.max(threshold, 2);
      const result = given(staffDecider, [seconded(), ...earlier(kind, below - 2)]).when(
        record('R-new', kind, '2026-11-19'),
        withThreshold(kind, below),
      );
      expect(E.isRight(result) && types(result.right)).toEqual(['ConductIncidentRecorded']);
    });
  });

  it('STF-04 absences count in days: 4 days are below, 5 days reach the threshold', () => {
    const h = given(staffDecider, [seconded(), conduct('A-1', 'absence', '2026-03-02', 3)]);
    const below = h.when(record('A-2', 'absence', '2026-06-01'), ctx());
    expect(E.isRight(below) && types(below.right)).toEqual(['ConductIncidentRecorded']);
    const at = h.when(record('A-2', 'absence', '2026-06-01', 2), ctx());
    expect(E.isRight(at) && at.right[1]?.data).toMatchObject({ trigger: 'absence', count: 5 });
  });

  it('STF-04 lateness and early leave: 29 times are below, the 30th reaches the threshold', () => {
    const h = given(staffDecider, [
      seconded(),
      conduct('L-1', 'lateness-or-early-leave', '2026-02-02', 28),
    ]);
    const below = h.when(record('L-2', 'lateness-or-early-leave', '2026-11-02'), ctx());
    expect(E.isRight(below) && types(below.right)).toEqual(['ConductIncidentRecorded']);
    const at = h.when(record('L-2', 'lateness-or-early-leave', '2026-11-02', 2), ctx());
    expect(E.isRight(at) && at.right[1]?.data).toMatchObject({ count: 30, threshold: 30 });
  });

  it('STF-04 only absences and lateness carry a quantity', () => {
    const result = given(staffDecider, [seconded()]).when(
      record('M-1', 'negative-media-report', '2026-11-02', 2),
      ctx(),
    );
    expect(result).toEqual(
      E.left(expect.objectContaining({ path: ['quantity'], requirement: 'STF-04' })),
    );
  });

  it('STF-04 the window is 365 days ending at the incident date: the first day counts, the day before does not', () => {
    const inside = given(staffDecider, [
      seconded('2024-01-08', '2026-01-08'),
      conduct('M-1', 'negative-media-report', '2025-11-20'),
    ]);
    const reached = inside.when(record('M-2', 'negative-media-report', '2026-11-19'), ctx());
    expect(E.isRight(reached) && reached.right[1]?.data).toMatchObject({
      windowFrom: '2025-11-20',
      windowTo: '2026-11-19',
    });
    const outside = given(staffDecider, [
      seconded('2024-01-08', '2026-01-08'),
      conduct('M-1', 'negative-media-report', '2025-11-19'),
    ]);
    const notReached = outside.when(record('M-2', 'negative-media-report', '2026-11-19'), ctx());
    expect(E.isRight(notReached) && types(notReached.right)).toEqual(['ConductIncidentRecorded']);
  });

  it('STF-04 the count does not reset on 1 January (rolling, not calendar year)', () => {
    const result = given(staffDecider, [
      seconded('2024-01-08', '2026-01-08'),
      conduct('M-1', 'negative-media-report', '2025-12-30'),
    ]).when(record('M-2', 'negative-media-report', '2026-01-02'), ctx());
    expect(E.isRight(result) && types(result.right)).toContain('ReturnToSendingUnitRequired');
  });

  it('STF-04 a record entered late counts in the windows that end after it', () => {
    const result = given(staffDecider, [
      seconded(),
      conduct('M-2', 'negative-media-report', '2026-09-01'),
    ]).when(record('M-1', 'negative-media-report', '2026-03-01'), ctx());
    expect(E.isRight(result) && result.right[1]?.data).toMatchObject({
      windowTo: '2026-09-01',
      evidence: [
        { id: 'M-1', on: '2026-03-01', quantity: 1 },
        { id: 'M-2', on: '2026-09-01', quantity: 1 },
      ],
    });
  });

  it('STF-04 records dated before the secondment started do not count', () => {
    const result = given(staffDecider, [
      seconded('2026-06-01', '2028-06-01'),
      conduct('M-1', 'negative-media-report', '2026-05-20'),
    ]).when(record('M-2', 'negative-media-report', '2026-07-01'), ctx());
    expect(E.isRight(result) && types(result.right)).toEqual(['ConductIncidentRecorded']);
  });

  it('STF-04 a trigger is raised once; later records of the same kind only add to the record', () => {
    const raised: StaffEvent = {
      type: 'ReturnToSendingUnitRequired',
      data: {
        trigger: 'sanction',
        sendingUnit: 'dept-civil-affairs',
        threshold: 1,
        count: 1,
        windowFrom: '2025-06-02',
        windowTo: '2026-06-01',
        evidence: [{ id: 'X-1', on: '2026-06-01', quantity: 1 }],
      },
    };
    const result = given(staffDecider, [
      seconded(),
      conduct('X-1', 'sanction', '2026-06-01'),
      raised,
    ]).when(record('X-2', 'sanction', '2026-07-01'), ctx());
    expect(E.isRight(result) && types(result.right)).toEqual(['ConductIncidentRecorded']);
  });

  it('STF-04 STF-05 conduct of staff who are not seconded is recorded without triggers', () => {
    const result = given(staffDecider, [registered()]).when(
      record('X-1', 'sanction', '2026-07-01'),
      ctx(),
    );
    expect(E.isRight(result) && types(result.right)).toEqual(['ConductIncidentRecorded']);
  });

  it('STF-04 refuses a record id used twice and a record dated in the future', () => {
    const h = given(staffDecider, [
      seconded(),
      conduct('M-1', 'negative-media-report', '2026-05-20'),
    ]);
    expect(h.when(record('M-1', 'disobedience', '2026-06-01'), ctx())).toEqual(
      E.left(expect.objectContaining({ code: 'STAFF_CONDUCT_DUPLICATE', path: ['recordId'] })),
    );
    expect(h.when(record('M-2', 'disobedience', '2026-11-21'), ctx())).toEqual(
      E.left(expect.objectContaining({ code: 'STAFF_DATE_IN_FUTURE', path: ['occurredOn'] })),
    );
  });
});

describe('Verified complaints on a staff member (CMP-05 → STF-04)', () => {
  const verify = (complaintId: string, verifiedAt = '2026-11-18T15:30:00+08:00') =>
    ({ type: 'RecordVerifiedComplaint', data: { complaintId, verifiedAt } }) as const;

  it('STF-04 CMP-05 records a verified complaint on the local date of its verification', () => {
    const result = given(staffDecider, [seconded()]).when(
      verify('C-1', '2026-11-17T17:30:00Z'),
      ctx(),
    );
    expect(result).toEqual(
      E.right([
        {
          type: 'VerifiedComplaintRecorded',
          data: {
            complaintId: 'C-1',
            verifiedAt: '2026-11-17T17:30:00Z',
            verifiedOn: '2026-11-18',
          },
        },
      ]),
    );
  });

  it('STF-04 one verified complaint is below the threshold; the second requires a return', () => {
    const h = given(staffDecider, [seconded(), verifiedComplaint('C-1', '2026-04-02')]);
    const result = h.when(verify('C-2'), ctx());
    expect(E.isRight(result) && result.right[1]?.data).toMatchObject({
      trigger: 'verified-complaint',
      threshold: 2,
      count: 2,
      evidence: [
        { id: 'C-1', on: '2026-04-02', quantity: 1 },
        { id: 'C-2', on: '2026-11-18', quantity: 1 },
      ],
    });
    const below = given(staffDecider, [seconded()]).when(verify('C-2'), ctx());
    expect(E.isRight(below) && types(below.right)).toEqual(['VerifiedComplaintRecorded']);
  });

  it('STF-04 is idempotent per complaint id: a repeated delivery records nothing and counts once', () => {
    const result = given(staffDecider, [seconded(), verifiedComplaint('C-1', '2026-04-02')]).when(
      verify('C-1'),
      ctx(),
    );
    expect(result).toEqual(E.right([]));
  });
});
