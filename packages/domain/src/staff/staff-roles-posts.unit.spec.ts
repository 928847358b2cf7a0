import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { given } from '../testing/index.js';
import { staffDecider } from './decider.js';
import { ctx, onPost, registered, seconded } from './fixtures.test.js';
import { StaffRoleSchema } from './roles.js';

const register = (data: Record<string, unknown>) =>
  ({ type: 'RegisterStaff', data }) as Parameters<typeof staffDecider.decide>[0];

describe('Staff roles and posts (STF-01)', () => {
  it.each(
    StaffRoleSchema.options.filter(
      (r) => r !== 'seconded-department-staff' && r !== 'chief-representative',
    ),
  )('STF-01 registers a %s', (role) => {
    const result = given(staffDecider).when(
      register({ staffId: 'S-001', name: '李明', role, unit: 'centre-01' }),
      ctx(),
    );
    expect(result).toEqual(
      E.right([
        {
          type: 'StaffRegistered',
          data: { staffId: 'S-001', name: '李明', role, unit: 'centre-01' },
        },
      ]),
    );
  });

  it('STF-01 STF-04 registers a chief representative with the sending unit and fixes the minimum term', () => {
    const result = given(staffDecider).when(
      register({
        staffId: 'D-001',
        name: '王芳',
        role: 'chief-representative',
        unit: 'centre-01',
        secondment: { sendingUnit: 'dept-tax', startDate: '2024-02-29' },
      }),
      ctx(),
    );
    expect(result).toEqual(
      E.right([
        expect.objectContaining({
          data: expect.objectContaining({
            secondment: {
              sendingUnit: 'dept-tax',
              startDate: '2024-02-29',
              minTermEndsOn: '2026-02-28',
            },
          }),
        }),
      ]),
    );
  });

  it('STF-04 reads the minimum term from the policy', () => {
    const c = ctx();
    const policy = { ...c.policy, staff: { ...c.policy.staff, secondedMinTermYears: 3 } };
    const result = given(staffDecider).when(
      register({
        staffId: 'D-001',
        name: '王芳',
        role: 'seconded-department-staff',
        unit: 'centre-01',
        secondment: { sendingUnit: 'dept-tax', startDate: '2025-03-01' },
      }),
      { ...c, policy },
    );
    expect(E.isRight(result) && result.right[0]?.data).toMatchObject({
      secondment: { minTermEndsOn: '2028-03-01' },
    });
  });

  it('STF-01 rejects a seconded role without its secondment, naming the field', () => {
    const result = given(staffDecider).when(
      register({ staffId: 'D-001', name: '王芳', role: 'seconded-department-staff', unit: 'c' }),
      ctx(),
    );
    expect(result).toEqual(
      E.left(
        expect.objectContaining({
          kind: 'validation',
          requirement: 'STF-01',
          path: ['secondment'],
        }),
      ),
    );
  });

  it('STF-01 rejects a role outside the catalogue and an empty name (X-05)', () => {
    const result = given(staffDecider).when(
      register({ staffId: 'S-1', name: ' ', role: 'janitor', unit: 'c' }),
      ctx(),
    );
    expect(
      E.isLeft(result) &&
        result.left.kind === 'validation' &&
        result.left.issues.map((i) => i.path.join('.')),
    ).toEqual(['name', 'role']);
  });

  it('STF-01 refuses a second registration and any command before registration', () => {
    expect(
      given(staffDecider, [registered()]).when(
        register({ staffId: 'S-001', name: '李明', role: 'explainer', unit: 'c' }),
        ctx(),
      ),
    ).toEqual(
      E.left(expect.objectContaining({ code: 'STAFF_ALREADY_REGISTERED', kind: 'transition' })),
    );
    expect(
      given(staffDecider).when({ type: 'PutOnPost', data: { date: '2026-11-20' } }, ctx()),
    ).toEqual(
      E.left(expect.objectContaining({ code: 'STAFF_NOT_REGISTERED', from: 'unregistered' })),
    );
  });

  it('STF-01 K-12 puts on post and takes off post with the date, role and unit', () => {
    const on = given(staffDecider, [registered()]).when(
      { type: 'PutOnPost', data: { date: '2026-11-02', post: '3号窗口' } },
      ctx(),
    );
    expect(on).toEqual(
      E.right([
        {
          type: 'StaffPutOnPost',
          data: { date: '2026-11-02', role: 'window-staff', unit: 'centre-01', post: '3号窗口' },
        },
      ]),
    );
    const off = given(staffDecider, [registered(), onPost('2026-11-02')]).when(
      { type: 'TakeOffPost', data: { date: '2026-11-10', reason: '病假' } },
      ctx(),
    );
    expect(off).toEqual(
      E.right([
        {
          type: 'StaffTakenOffPost',
          data: { date: '2026-11-10', role: 'window-staff', unit: 'centre-01', reason: '病假' },
        },
      ]),
    );
  });

  it('STF-01 refuses to put on post twice, to take off post when not on post, and future or backdated changes', () => {
    const onTwice = given(staffDecider, [registered(), onPost('2026-11-02')]).when(
      { type: 'PutOnPost', data: { date: '2026-11-03' } },
      ctx(),
    );
    expect(onTwice).toEqual(
      E.left(expect.objectContaining({ kind: 'transition', from: 'on-post' })),
    );
    const offFirst = given(staffDecider, [registered()]).when(
      { type: 'TakeOffPost', data: { date: '2026-11-03', reason: '调岗' } },
      ctx(),
    );
    expect(offFirst).toEqual(
      E.left(expect.objectContaining({ kind: 'transition', from: 'registered' })),
    );
    const future = given(staffDecider, [registered()]).when(
      { type: 'PutOnPost', data: { date: '2026-11-21' } },
      ctx(),
    );
    expect(future).toEqual(
      E.left(expect.objectContaining({ code: 'STAFF_DATE_IN_FUTURE', path: ['date'] })),
    );
    const backdated = given(staffDecider, [registered(), onPost('2026-11-02')]).when(
      { type: 'TakeOffPost', data: { date: '2026-11-01', reason: '调岗' } },
      ctx(),
    );
    expect(backdated).toEqual(
      E.left(expect.objectContaining({ code: 'STAFF_DATE_BEFORE_POST_CHANGE', path: ['date'] })),
    );
  });

  it('STF-04 a seconded person cannot go on post before the secondment starts', () => {
    const result = given(staffDecider, [seconded('2026-11-16', '2028-11-16')]).when(
      { type: 'PutOnPost', data: { date: '2026-11-13' } },
      ctx(),
    );
    expect(result).toEqual(
      E.left(
        expect.objectContaining({ code: 'STAFF_DATE_BEFORE_SECONDMENT', requirement: 'STF-04' }),
      ),
    );
  });

  it('STF-01 changes the role within the centre roles, not into a seconded role', () => {
    expect(
      given(staffDecider, [registered()]).when(
        { type: 'ChangeRole', data: { role: 'complaint-handler', effectiveDate: '2026-11-01' } },
        ctx(),
      ),
    ).toEqual(
      E.right([
        {
          type: 'StaffRoleChanged',
          data: {
            from: 'window-staff',
            to: 'complaint-handler',
            unit: 'centre-01',
            effectiveDate: '2026-11-01',
          },
        },
      ]),
    );
    expect(
      given(staffDecider, [registered()]).when(
        { type: 'ChangeRole', data: { role: 'chief-representative', effectiveDate: '2026-11-01' } },
        ctx(),
      ),
    ).toEqual(E.left(expect.objectContaining({ code: 'STAFF_ROLE_CROSSES_SECONDMENT' })));
    expect(
      given(staffDecider, [seconded()]).when(
        { type: 'ChangeRole', data: { role: 'chief-representative', effectiveDate: '2026-11-01' } },
        ctx(),
      ),
    ).toEqual(E.right([expect.objectContaining({ type: 'StaffRoleChanged' })]));
    expect(
      given(staffDecider, [registered()]).when(
        { type: 'ChangeRole', data: { role: 'window-staff', effectiveDate: '2026-11-01' } },
        ctx(),
      ),
    ).toEqual(E.left(expect.objectContaining({ code: 'STAFF_ROLE_UNCHANGED' })));
  });

  it('X-05 an unknown command type is a typed error, not an exception', () => {
    const result = staffDecider.decide(
      { type: 'Promote', data: {} } as unknown as Parameters<typeof staffDecider.decide>[0],
      staffDecider.initialState,
      ctx(),
    );
    expect(result).toEqual(
      E.left(expect.objectContaining({ code: 'UNKNOWN_COMMAND', path: ['type'] })),
    );
  });
});
