import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/policy.js';
import { defaultAccessPolicy } from './access-policy.js';
import { type AccessTarget, authorize, type TargetEvent } from './authorize.js';

const access = defaultAccessPolicy(defaultPolicy);
const staff = { id: 'staff-001', role: 'window-staff', unit: 'centre-01' };
const head = { id: 'head-01', role: 'centre-head', unit: 'centre-01' };
const ev = (type: string, actor: { id: string; unit: string }, data: object = {}): TargetEvent => ({
  type,
  actorId: actor.id,
  actorUnit: actor.unit,
  data,
});
const ticket = (history: TargetEvent[]): AccessTarget => ({ streamId: 'ticket-T1', history });
const received = ev('TicketReceived', staff, { centreId: 'centre-01' });

const code = (r: ReturnType<typeof authorize>) => (E.isLeft(r) ? r.left.code : 'allowed');

describe('authorisation policy (ARC-02, TKT-03, FAC-05, X-06)', () => {
  it('ARC-02 staff act on their own centre’s records', () => {
    expect(
      code(authorize(access, staff, { type: 'AcceptTicket', data: {} }, ticket([received]))),
    ).toBe('allowed');
  });

  it('ARC-02 staff of one centre cannot act on another centre’s ticket', () => {
    const other = { id: 'staff-009', role: 'window-staff', unit: 'centre-02' };
    const result = authorize(access, other, { type: 'AcceptTicket', data: {} }, ticket([received]));
    expect(E.isLeft(result) && result.left).toMatchObject({
      kind: 'forbidden',
      code: 'FORBIDDEN_UNIT',
      requirement: 'ARC-02',
      actorId: 'staff-009',
    });
  });

  it('ARC-02 a unit the ticket was dispatched to may act on it; a supervisor may act anywhere', () => {
    const dispatched = ev('TicketDispatched', staff, { unitId: 'civil-affairs' });
    const unit = { id: 'ca-1', role: 'department-staff', unit: 'civil-affairs' };
    expect(
      code(authorize(access, unit, { type: 'SignForTicket' }, ticket([received, dispatched]))),
    ).toBe('allowed');
    const supervisor = { id: 'sup-1', role: 'supervisor', unit: 'district' };
    expect(
      code(authorize(access, supervisor, { type: 'SuperviseTicket' }, ticket([received]))),
    ).toBe('allowed');
  });

  it('ARC-02 a new record belongs to the unit its data names', () => {
    const empty = ticket([]);
    expect(
      code(
        authorize(access, staff, { type: 'ReceiveTicket', data: { centreId: 'centre-01' } }, empty),
      ),
    ).toBe('allowed');
    expect(
      code(
        authorize(access, staff, { type: 'ReceiveTicket', data: { centreId: 'centre-02' } }, empty),
      ),
    ).toBe('FORBIDDEN_UNIT');
  });

  it('FAC-05 the reviewer of a maintenance record cannot be its author', () => {
    const author = { id: 'dh-1', role: 'department-head', unit: 'facility-dept' };
    const facility: AccessTarget = {
      streamId: 'facility-F1',
      history: [
        ev('FacilityInspected', author, { recordId: 'R1' }),
        ev('FacilityInspected', staff, { recordId: 'R2' }),
      ],
    };
    const own = authorize(
      access,
      author,
      { type: 'ReviewMaintenanceRecord', data: { recordId: 'R1' } },
      facility,
    );
    expect(E.isLeft(own) && own.left).toMatchObject({
      code: 'FORBIDDEN_SELF_REVIEW',
      requirement: 'FAC-05',
      path: ['recordId'],
    });
    // Another record of the same facility, written by someone else, may be reviewed.
    expect(
      code(
        authorize(
          access,
          author,
          { type: 'ReviewMaintenanceRecord', data: { recordId: 'R2' } },
          facility,
        ),
      ),
    ).toBe('allowed');
  });

  it('TKT-03 an extension within the policy limit may be approved by the unit’s staff', () => {
    const requested = ev('ExtensionRequested', { id: 'ca-1', unit: 'centre-01' }, { workdays: 5 });
    expect(
      code(
        authorize(
          access,
          staff,
          { type: 'ApproveExtension', data: {} },
          ticket([received, requested]),
        ),
      ),
    ).toBe('allowed');
  });

  it('TKT-03 an extension beyond the policy limit needs the centre head', () => {
    const limit = defaultPolicy.ticket.maxExtensionWorkdays;
    const requested = ev(
      'ExtensionRequested',
      { id: 'ca-1', unit: 'centre-01' },
      { workdays: limit + 1 },
    );
    const denied = authorize(
      access,
      staff,
      { type: 'ApproveExtension', data: {} },
      ticket([received, requested]),
    );
    expect(E.isLeft(denied) && denied.left).toMatchObject({
      code: 'FORBIDDEN_ABOVE_LIMIT',
      requirement: 'TKT-03',
      path: ['workdays'],
    });
    expect(
      code(
        authorize(
          access,
          staff,
          { type: 'ApproveExtension', data: { workdays: limit + 3 } },
          ticket([received]),
        ),
      ),
    ).toBe('FORBIDDEN_ABOVE_LIMIT');
    expect(
      code(
        authorize(
          access,
          head,
          { type: 'ApproveExtension', data: {} },
          ticket([received, requested]),
        ),
      ),
    ).toBe('allowed');
  });

  it('TKT-03 the requester of an extension cannot approve it', () => {
    const requested = ev('ExtensionRequested', head, { workdays: 2 });
    expect(
      code(
        authorize(
          access,
          head,
          { type: 'ApproveExtension', data: {} },
          ticket([received, requested]),
        ),
      ),
    ).toBe('FORBIDDEN_SELF_REVIEW');
  });

  it('TKT-03 a further review extension is for the centre head only', () => {
    expect(
      code(authorize(access, staff, { type: 'ExtendReview', data: {} }, ticket([received]))),
    ).toBe('FORBIDDEN_ROLE');
    expect(
      code(authorize(access, head, { type: 'ExtendReview', data: {} }, ticket([received]))),
    ).toBe('allowed');
  });

  it('X-06 only a privacy officer may erase a data subject, from any unit', () => {
    const officer = { id: 'po-1', role: 'privacy-officer', unit: 'district' };
    expect(
      code(
        authorize(
          access,
          officer,
          { type: 'EraseDataSubject' },
          { streamId: 'privacy-ds-1', history: [] },
        ),
      ),
    ).toBe('allowed');
    expect(
      code(
        authorize(
          access,
          head,
          { type: 'EraseDataSubject' },
          { streamId: 'privacy-ds-1', history: [] },
        ),
      ),
    ).toBe('FORBIDDEN_ROLE');
  });
});
