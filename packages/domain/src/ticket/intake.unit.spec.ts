import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { personalDataKind } from '../kernel/schemas.js';
import { definePolicy } from '../policy/define-policy.js';
import { defaultPolicy } from '../policy/policy.js';
import { given } from '../testing/index.js';
import { TicketAgentSchema, TicketPersonApplicantSchema } from './applicant.js';
import { exampleServiceCatalogue, validateServiceCatalogue } from './catalogue.js';
import { ticketDecider, ticketStreamId } from './decider.js';
import { TicketEventSchemas } from './events.js';
import {
  catalogue,
  cmd,
  ctxAt,
  errorOf,
  eventsOf,
  organisation,
  person,
  receive,
  windowStaff,
} from './fixtures.spec-support.js';
import { TicketChannelSchema } from './vocabulary.js';

const at = '2026-11-02T09:00:00+08:00';
const received = eventsOf(given(ticketDecider).when(receive(), ctxAt(at)));

describe('intake (TKT-01, TKT-02, TKT-06, TKT-07)', () => {
  it.each(TicketChannelSchema.options)(
    'TKT-01 given no ticket, when received through %s, then TicketReceived records the channel',
    (channel) => {
      const [event] = eventsOf(given(ticketDecider).when(receive({ channel }), ctxAt(at)));
      expect(event?.type).toBe('TicketReceived');
      expect(event?.data).toMatchObject({ channel, ticketId: 'T2026-0001', at });
    },
  );

  it('TKT-01 rejects a channel that is not one of the standard channels', () => {
    const error = errorOf(given(ticketDecider).when(receive({ channel: 'fax' }), ctxAt(at)));
    expect(error).toMatchObject({ kind: 'validation', requirement: 'TKT-02', path: ['channel'] });
  });

  it('TKT-01 one window: the ticket lives on one stream, ticket-<id>', () => {
    expect(ticketStreamId('T2026-0001')).toBe('ticket-T2026-0001');
  });

  it('TKT-02 records a person applicant with a valid resident ID number, upper-casing x', () => {
    const [event] = eventsOf(
      given(ticketDecider).when(
        receive({ applicant: { ...person, idNumber: '11010519491231002x' } }),
        ctxAt(at),
      ),
    );
    expect(event?.data).toMatchObject({
      applicant: { kind: 'person', name: '张三', idNumber: '11010519491231002X' },
    });
  });

  it('TKT-02 rejects an ID number with a wrong check digit, naming the field in zh and en', () => {
    const error = errorOf(
      given(ticketDecider).when(
        receive({ applicant: { ...person, idNumber: '110105194912310021' } }),
        ctxAt(at),
      ),
    );
    expect(error).toMatchObject({
      kind: 'validation',
      requirement: 'TKT-02',
      path: ['applicant', 'idNumber'],
    });
    if (error.kind !== 'validation') return;
    expect(error.issues[0]?.rule).toBe('resident-id-check-digit');
    expect(error.message.zh).toMatch(/校验码/);
    expect(error.message.en).toMatch(/check digit/);
  });

  it('TKT-02 records an organisation applicant by its unified social credit code', () => {
    const [event] = eventsOf(
      given(ticketDecider).when(receive({ applicant: organisation }), ctxAt(at)),
    );
    expect(event?.data).toMatchObject({
      applicant: { kind: 'organisation', creditCode: '91350100M000100Y43' },
    });
  });

  it('TKT-02 rejects an organisation whose credit code has a wrong check character', () => {
    const error = errorOf(
      given(ticketDecider).when(
        receive({ applicant: { ...organisation, creditCode: '91350100M000100Y44' } }),
        ctxAt(at),
      ),
    );
    expect(error).toMatchObject({ kind: 'validation', path: ['applicant', 'creditCode'] });
  });

  it('TKT-02 rejects a phone number that is not a mainland mobile or landline', () => {
    const error = errorOf(
      given(ticketDecider).when(receive({ applicant: { ...person, phone: '12345' } }), ctxAt(at)),
    );
    expect(error).toMatchObject({ kind: 'validation', path: ['applicant', 'phone'] });
  });

  it('TKT-02 records the proxy agent of a 帮办代办 service', () => {
    const staffAgent = { kind: 'staff', staffId: 'helper-03' };
    const [byStaff] = eventsOf(
      given(ticketDecider).when(receive({ agent: staffAgent }), ctxAt(at)),
    );
    expect(byStaff?.data).toMatchObject({ agent: staffAgent });
    const relative = {
      kind: 'person',
      name: '张小三',
      idNumber: '11010519491231002X',
      relationship: '子女',
    };
    const [byRelative] = eventsOf(
      given(ticketDecider).when(receive({ agent: relative }), ctxAt(at)),
    );
    expect(byRelative?.data).toMatchObject({ agent: relative });
  });

  it('TKT-02 notes which materials the service type requires but the application lacks', () => {
    const [event] = eventsOf(
      given(ticketDecider).when(
        receive({
          serviceType: 'medical-aid',
          materials: [{ kind: 'id-card', documentRef: 'd1' }],
        }),
        ctxAt(at),
      ),
    );
    expect(event?.data).toMatchObject({ missingMaterials: ['medical-bills'] });
  });

  it('TKT-02 X-06 marks every personal field of applicant, agent and reason as personal data', () => {
    const shape = TicketPersonApplicantSchema.shape;
    expect(personalDataKind(shape.name)).toBe('name');
    expect(personalDataKind(shape.idNumber)).toBe('id-number');
    expect(personalDataKind(shape.phone)).toBe('phone');
    const agent = TicketAgentSchema.options[1].shape;
    expect(personalDataKind(agent.idNumber)).toBe('id-number');
    expect(personalDataKind(TicketEventSchemas.TicketReceived.shape.reason)).toBe('free-text');
  });

  it('TKT-06 takes the category and limits from the catalogue entry', () => {
    expect(received[0]?.data).toMatchObject({
      serviceType: 'residence-certificate',
      serviceTypeName: { zh: '居住证明', en: 'Residence certificate' },
      category: 'auxiliary',
      approvalLimitWorkdays: 10,
      requiresFinalApproval: false,
    });
  });

  it('TKT-06 rejects a service type that is not in the catalogue', () => {
    const error = errorOf(
      given(ticketDecider).when(receive({ serviceType: 'moon-landing' }), ctxAt(at)),
    );
    expect(error).toMatchObject({
      kind: 'rule',
      code: 'TICKET_UNKNOWN_SERVICE_TYPE',
      requirement: 'TKT-06',
      path: ['serviceType'],
    });
  });

  it('TKT-03 refuses a catalogue entry whose approval limit is above the policy maximum', () => {
    const ctx = {
      ...ctxAt(at),
      serviceCatalogue: {
        ...catalogue,
        slow: { ...catalogue['residence-certificate']!, approvalLimitWorkdays: 40 },
      },
    };
    const error = errorOf(given(ticketDecider).when(receive({ serviceType: 'slow' }), ctx));
    expect(error).toMatchObject({ code: 'TICKET_APPROVAL_LIMIT_ABOVE_MAX', requirement: 'TKT-03' });
    const checked = validateServiceCatalogue(ctx.serviceCatalogue, defaultPolicy);
    expect(E.isLeft(checked) && checked.left.path).toEqual(['slow', 'approvalLimitWorkdays']);
    // A jurisdiction that allows longer limits accepts it.
    const lenient = definePolicy({ ticket: { finalApprovalMaxWorkdays: 60 } });
    expect(E.isRight(validateServiceCatalogue(ctx.serviceCatalogue, lenient))).toBe(true);
  });

  it('TKT-06 the example catalogue is valid and uses all three categories', () => {
    const checked = validateServiceCatalogue(exampleServiceCatalogue, defaultPolicy);
    expect(E.isRight(checked)).toBe(true);
    const categories = new Set(Object.values(exampleServiceCatalogue).map((s) => s.category));
    expect([...categories].sort()).toEqual(['auxiliary', 'basic', 'featured']);
  });

  it('TKT-07 the receiving staff member becomes the first-responsibility owner', () => {
    expect(received[0]?.data).toMatchObject({
      firstResponsibleStaffId: windowStaff.id,
      centreId: windowStaff.unit,
      communityId: 'community-03',
      windowId: 'window-02',
      nature: 'normal',
    });
  });

  it('TKT-07 a repeat ticket links the earlier ticket; without one it is rejected', () => {
    const [event] = eventsOf(
      given(ticketDecider).when(receive({ nature: 'repeat', repeatOf: 'T2026-0000' }), ctxAt(at)),
    );
    expect(event?.data).toMatchObject({ nature: 'repeat', repeatOf: 'T2026-0000' });
    const error = errorOf(given(ticketDecider).when(receive({ nature: 'repeat' }), ctxAt(at)));
    expect(error).toMatchObject({ kind: 'validation', path: ['repeatOf'] });
    const self = errorOf(
      given(ticketDecider).when(receive({ nature: 'repeat', repeatOf: 'T2026-0001' }), ctxAt(at)),
    );
    expect(self).toMatchObject({ kind: 'validation', path: ['repeatOf'] });
  });

  it('TKT-07 an urgent ticket is recorded as urgent', () => {
    const [event] = eventsOf(given(ticketDecider).when(receive({ nature: 'urgent' }), ctxAt(at)));
    expect(event?.data).toMatchObject({ nature: 'urgent' });
  });

  it('TKT-01 a facility-fault ticket carries the facility for the fault reaction', () => {
    const [event] = eventsOf(
      given(ticketDecider).when(
        receive({ serviceType: 'streetlight-fault', facilityId: 'lamp-0042', materials: [] }),
        ctxAt(at),
      ),
    );
    expect(event?.data).toMatchObject({ facilityFault: true, facilityId: 'lamp-0042' });
  });

  it('TKT-08 a ticket id cannot be received twice', () => {
    const error = errorOf(given(ticketDecider, received).when(receive(), ctxAt(at)));
    expect(error).toMatchObject({
      kind: 'transition',
      from: 'received',
      attempted: 'ReceiveTicket',
    });
  });
});

describe('window queue and response (TKT-09)', () => {
  const taken = eventsOf(
    given(ticketDecider, received).when(
      cmd('TakeQueueNumber', { queueNumber: 'A017' }),
      ctxAt('2026-11-02T09:01:00+08:00'),
    ),
  );

  it('TKT-09 given a queue number taken at 09:01, when called at 09:26, then the wait is 25 minutes, within target', () => {
    const [event] = eventsOf(
      given(ticketDecider, [...received, ...taken]).when(
        cmd('CallQueueNumber', { windowId: 'window-02' }),
        ctxAt('2026-11-02T09:26:00+08:00'),
      ),
    );
    expect(event).toEqual({
      type: 'QueueNumberCalled',
      data: {
        ticketId: 'T2026-0001',
        at: '2026-11-02T09:26:00+08:00',
        queueNumber: 'A017',
        windowId: 'window-02',
        centreId: 'centre-01',
        takenAt: '2026-11-02T09:01:00+08:00',
        waitMinutes: 25,
        withinTarget: true,
        staffId: windowStaff.id,
      },
    });
  });

  it('TKT-09 a wait over the policy limit is recorded as outside the target', () => {
    const [event] = eventsOf(
      given(ticketDecider, [...received, ...taken]).when(
        cmd('CallQueueNumber', { windowId: 'window-02' }),
        ctxAt('2026-11-02T09:41:00+08:00'),
      ),
    );
    expect(event?.data).toMatchObject({ waitMinutes: 40, withinTarget: false });
  });

  it('TKT-09 a number cannot be called before it is taken, nor taken twice, nor for a phone ticket', () => {
    expect(
      errorOf(
        given(ticketDecider, received).when(cmd('CallQueueNumber', { windowId: 'w' }), ctxAt(at)),
      ),
    ).toMatchObject({ code: 'TICKET_QUEUE_NUMBER_NOT_TAKEN', requirement: 'TKT-09' });
    expect(
      errorOf(
        given(ticketDecider, [...received, ...taken]).when(
          cmd('TakeQueueNumber', { queueNumber: 'A018' }),
          ctxAt('2026-11-02T09:02:00+08:00'),
        ),
      ),
    ).toMatchObject({ code: 'TICKET_QUEUE_NUMBER_ALREADY_TAKEN' });
    const byPhone = eventsOf(given(ticketDecider).when(receive({ channel: 'phone' }), ctxAt(at)));
    expect(
      errorOf(
        given(ticketDecider, byPhone).when(
          cmd('TakeQueueNumber', { queueNumber: 'A1' }),
          ctxAt(at),
        ),
      ),
    ).toMatchObject({ code: 'TICKET_QUEUE_NOT_AT_WINDOW', path: ['queueNumber'] });
  });

  it('TKT-09 given a ticket received at 09:00, when first responded at 09:12, then 12 minutes within target', () => {
    const [event] = eventsOf(
      given(ticketDecider, received).when(
        cmd('RecordFirstResponse', {}),
        ctxAt('2026-11-02T09:12:00+08:00'),
      ),
    );
    expect(event?.data).toMatchObject({
      receivedAt: at,
      minutes: 12,
      withinTarget: true,
      staffId: windowStaff.id,
      channel: 'window',
    });
  });

  it('TKT-09 a first response after the policy minutes is outside target, and is recorded once', () => {
    const late = eventsOf(
      given(ticketDecider, received).when(
        cmd('RecordFirstResponse', {}),
        ctxAt('2026-11-02T09:30:00+08:00'),
      ),
    );
    expect(late[0]?.data).toMatchObject({ minutes: 30, withinTarget: false });
    expect(
      errorOf(
        given(ticketDecider, [...received, ...late]).when(
          cmd('RecordFirstResponse', {}),
          ctxAt('2026-11-02T09:40:00+08:00'),
        ),
      ),
    ).toMatchObject({ code: 'TICKET_FIRST_RESPONSE_ALREADY_RECORDED' });
  });

  it('X-02 a command timed before the ticket’s latest event is refused', () => {
    expect(
      errorOf(
        given(ticketDecider, received).when(
          cmd('RecordFirstResponse', {}),
          ctxAt('2026-11-02T08:59:00+08:00'),
        ),
      ),
    ).toMatchObject({ code: 'TICKET_TIME_BEFORE_LAST_EVENT', requirement: 'X-02' });
  });
});
