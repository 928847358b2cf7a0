import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { auditDecider } from '../audit/decider.js';
import type { AuditEvent } from '../audit/events.js';
import type { ComplaintCommand } from '../complaint/commands.js';
import { complaintDecider } from '../complaint/decider.js';
import type { ComplaintEvent } from '../complaint/events.js';
import { FacilityCommandSchemas } from '../facility/commands.js';
import { FacilityEventSchemas } from '../facility/events.js';
import { type DomainEvent, type EventEnvelope, GENESIS_HASH, seal } from '../kernel/envelope.js';
import { rectificationDecider } from '../rectification/decider.js';
import { StaffCommandSchemas } from '../staff/commands.js';
import { given, runSequence, testContext } from '../testing/index.js';
import type { ServiceCatalogue } from '../ticket/catalogue.js';
import { ticketDecider } from '../ticket/decider.js';
import { TicketEventSchemas } from '../ticket/events.js';
import {
  abnormalInspectionReaction,
  auditFindingReaction,
  badRatingReaction,
  createReactor,
  defaultReactions,
  facilityFaultTicketReaction,
  type ReactionCommand,
  verifiedComplaintReaction,
} from './index.js';

const occurredAt = '2026-09-28T10:00:00+08:00';

/** A stored event as the store hands it to the reactions. */
const stored = (
  streamId: string,
  event: DomainEvent,
  eventId = `evt-${streamId}-${event.type}`,
): EventEnvelope =>
  seal({
    eventId,
    streamId,
    streamVersion: 4,
    type: event.type,
    schemaVersion: 1,
    occurredAt,
    recordedAt: occurredAt,
    actor: { id: 'staff-001', role: 'window-staff', unit: 'centre-01' },
    commandId: 'cmd-1',
    causationId: 'cmd-1',
    correlationId: 'corr-1',
    data: event.data,
    prevHash: GENESIS_HASH,
  }) as EventEnvelope;

const ratedData = (level: number) => ({
  ticketId: 'T2026-0042',
  at: occurredAt,
  level,
  good: level >= 3,
  bad: level <= 2,
  channel: 'qr-code',
  source: 'applicant',
  verificationRequired: level <= 2,
  serviceType: 'residence-certificate',
  centreId: 'centre-01',
  communityId: 'community-03',
  windowId: 'window-02',
  unitId: 'unit-07',
  firstResponsibleStaffId: 'staff-001',
  completedAt: occurredAt,
});

/** The rectification a reaction asks for, decided as the application layer would. */
const decideRectification = (command: ReactionCommand) => {
  if (command.aggregate !== 'rectification') throw new Error('not a rectification command');
  return rectificationDecider.decide(
    command.command,
    rectificationDecider.initialState,
    testContext({ now: command.meta.occurredAt }),
  );
};

describe('bad rating → verification, return visit and rectification (SAT-02, AUD-02)', () => {
  const envelope = stored('ticket-T2026-0042', { type: 'TicketRated', data: ratedData(1) });

  it('SAT-02 the sample TicketRated matches the ticket aggregate’s event schema', () => {
    expect(TicketEventSchemas.TicketRated.safeParse(envelope.data).success).toBe(true);
  });

  it('SAT-02 AUD-02 a bad rating opens a rectification of the unit that needs verification first', () => {
    const commands = badRatingReaction(envelope);
    expect(commands).toEqual([
      {
        reaction: 'bad-rating',
        aggregate: 'rectification',
        streamId: expect.stringMatching(/^rectification-RB-[0-9a-f]{24}$/),
        command: {
          type: 'OpenRectification',
          data: {
            rectificationId: expect.stringMatching(/^RB-/),
            source: { kind: 'bad-rating', id: 'T2026-0042', streamId: 'ticket-T2026-0042' },
            responsibleUnitId: 'unit-07',
            issue: expect.stringContaining('T2026-0042'),
            verificationRequired: true,
          },
        },
        meta: {
          commandId: expect.stringMatching(/^rx-[0-9a-f]{24}$/),
          causationId: envelope.eventId,
          correlationId: 'corr-1',
          occurredAt,
        },
      },
    ]);
  });

  it('AUD-02 the rectification it opens is accepted by the rectification aggregate, due in 15 working days from the rating', () => {
    const [command] = badRatingReaction(envelope);
    if (!command) throw new Error('no command');
    const result = decideRectification(command);
    expect(E.isRight(result) && result.right[0]?.data).toMatchObject({
      deadline: { dueDate: '2026-10-23', workdays: 15 },
      verificationRequired: true,
      openedAt: occurredAt,
    });
  });

  it('SAT-02 a good rating causes nothing', () => {
    expect(
      badRatingReaction(stored('ticket-T1', { type: 'TicketRated', data: ratedData(3) })),
    ).toEqual([]);
  });

  it('SAT-02 a garbled TicketRated causes nothing rather than throwing', () => {
    expect(
      badRatingReaction(stored('ticket-T1', { type: 'TicketRated', data: { bad: true } })),
    ).toEqual([]);
  });
});

describe('verified complaint → staff record and rectification (CMP-05, AUD-02)', () => {
  const ctx = testContext({ now: '2026-10-08T10:00:00+08:00' });
  const steps: ComplaintCommand[] = [
    {
      type: 'ReceiveComplaint',
      data: {
        complaintId: 'C2026-0007',
        channel: 'online',
        form: 'electronic',
        complainant: { name: '王五' },
        respondent: { kind: 'staff', id: 'staff-007', unitId: 'window-03' },
        content: '工作人员推诿',
        demands: ['说明理由'],
        unitId: 'centre-01',
      },
    },
    { type: 'ClassifyComplaint', data: { gradeId: 'general' } },
    { type: 'AssignComplaint', data: { handlerId: 'h-1', unitId: 'centre-01' } },
  ];
  const investigated = (verified: boolean): EventEnvelope => {
    const commands = [
      ...steps,
      { type: 'RecordInvestigation', data: { verified, findings: '调查' } } as ComplaintCommand,
    ];
    const run = runSequence(
      complaintDecider,
      commands.map((command) => ({ command, ctx })),
    );
    const event = run.events.at(-1) as ComplaintEvent;
    return stored('complaint-C2026-0007', event);
  };

  it('CMP-05 records the verified complaint on the staff member, with the staff aggregate’s command', () => {
    const [staff, rectification] = verifiedComplaintReaction(investigated(true));
    expect(staff).toMatchObject({
      reaction: 'verified-complaint',
      aggregate: 'staff',
      streamId: 'staff-staff-007',
      command: {
        type: 'RecordVerifiedComplaint',
        data: { complaintId: 'C2026-0007', verifiedAt: '2026-10-08T10:00:00+08:00' },
      },
    });
    expect(StaffCommandSchemas.RecordVerifiedComplaint.safeParse(staff?.command.data).success).toBe(
      true,
    );
    expect(rectification).toMatchObject({
      aggregate: 'rectification',
      command: {
        type: 'OpenRectification',
        data: {
          source: {
            kind: 'verified-complaint',
            id: 'C2026-0007',
            streamId: 'complaint-C2026-0007',
          },
          responsibleUnitId: 'window-03',
          verificationRequired: false,
        },
      },
    });
    expect(staff?.meta.commandId).not.toBe(rectification?.meta.commandId);
    if (rectification) expect(E.isRight(decideRectification(rectification))).toBe(true);
  });

  it('CMP-05 a complaint against a window records no staff member but still opens a rectification', () => {
    const event = investigated(true);
    const windowEvent = stored(event.streamId, {
      type: event.type,
      data: { ...(event.data as object), respondent: { kind: 'window', id: 'window-03' } },
    });
    expect(verifiedComplaintReaction(windowEvent).map((c) => c.aggregate)).toEqual([
      'rectification',
    ]);
  });

  it('CMP-05 a finding that is not verified causes nothing', () => {
    expect(verifiedComplaintReaction(investigated(false))).toEqual([]);
  });
});

describe('abnormal inspection → repair order on the fault (FAC-05, FAC-06)', () => {
  const inspected = (result: 'normal' | 'abnormal') =>
    stored('facility-lamp-0042', {
      type: 'FacilityInspected',
      data: {
        recordId: 'rec-17',
        recordNumber: 'JL-2026-017',
        facility: {
          name: '路灯 0042',
          number: 'LD-0042',
          location: '人民路与解放路交叉口',
          classKey: 'road-lighting',
        },
        performedAt: occurredAt,
        personnel: [{ id: 'tech-01', name: '赵六' }],
        content: '夜间巡查',
        result,
        condition: result === 'normal' ? 'intact' : 'not-intact',
        signedBy: { id: 'tech-01', name: '赵六' },
        signedAt: occurredAt,
        retentionYears: 10,
        retainUntil: '2036-09-28',
        ...(result === 'abnormal' && { faultId: 'rec-17-fault' }),
      },
    });

  it('FAC-05 the sample FacilityInspected matches the facility aggregate’s event schema', () => {
    expect(
      FacilityEventSchemas.FacilityInspected.safeParse(inspected('abnormal').data).success,
    ).toBe(true);
  });

  it('FAC-06 orders a repair of the fault the inspection opened, assigned to the maintainer', () => {
    const commands = abnormalInspectionReaction()(inspected('abnormal'));
    expect(commands).toEqual([
      {
        reaction: 'abnormal-inspection',
        aggregate: 'facility',
        streamId: 'facility-lamp-0042',
        command: {
          type: 'OrderRepair',
          data: {
            repairOrderId: expect.stringMatching(/^RO-[0-9a-f]{24}$/),
            faultId: 'rec-17-fault',
            repairClass: 'minor',
            priority: 'routine',
            assignee: { id: 'tech-01', name: '赵六' },
          },
        },
        meta: expect.objectContaining({ causationId: 'evt-facility-lamp-0042-FacilityInspected' }),
      },
    ]);
    expect(FacilityCommandSchemas.OrderRepair.safeParse(commands[0]?.command.data).success).toBe(
      true,
    );
  });

  it('FAC-06 the default repair class and priority are options', () => {
    const [command] = abnormalInspectionReaction({ repairClass: 'moderate', priority: 'urgent' })(
      inspected('abnormal'),
    );
    expect(command?.command.data).toMatchObject({ repairClass: 'moderate', priority: 'urgent' });
  });

  it('FAC-05 a normal inspection causes nothing', () => {
    expect(abnormalInspectionReaction()(inspected('normal'))).toEqual([]);
  });
});

describe('citizen facility-fault ticket → fault on the facility (FAC-09, TKT-01)', () => {
  const catalogue: ServiceCatalogue = {
    'streetlight-fault': {
      name: { zh: '路灯故障', en: 'Street light fault' },
      category: 'featured',
      requiredMaterials: [],
      approvalLimitWorkdays: 3,
      requiresFinalApproval: false,
      facilityFault: true,
    },
    'residence-certificate': {
      name: { zh: '居住证明', en: 'Residence certificate' },
      category: 'auxiliary',
      requiredMaterials: [],
      approvalLimitWorkdays: 10,
      requiresFinalApproval: false,
      facilityFault: false,
    },
  };
  /** A TicketReceived produced by the ticket aggregate itself. */
  const received = (serviceType: string, nature: 'urgent' | 'normal'): EventEnvelope => {
    const result = ticketDecider.decide(
      {
        type: 'ReceiveTicket',
        data: {
          ticketId: 'T2026-0100',
          channel: 'phone',
          applicant: {
            kind: 'person',
            name: '张三',
            idNumber: '11010519491231002X',
            phone: '13800138000',
          },
          serviceType,
          nature,
          reason: '门口路灯不亮',
          communityId: 'community-03',
          facilityId: 'lamp-0042',
        },
      } as Parameters<typeof ticketDecider.decide>[0],
      ticketDecider.initialState,
      testContext({ now: occurredAt, serviceCatalogue: catalogue }),
    );
    if (E.isLeft(result)) throw new Error(JSON.stringify(result.left));
    const event = result.right.find((e) => e.type === 'TicketReceived');
    if (!event) throw new Error('no TicketReceived');
    return stored('ticket-T2026-0100', event);
  };

  it('FAC-09 an urgent street-light ticket reports an urgent fault on the named facility', () => {
    const commands = facilityFaultTicketReaction(received('streetlight-fault', 'urgent'));
    expect(commands).toEqual([
      {
        reaction: 'facility-fault-ticket',
        aggregate: 'facility',
        streamId: 'facility-lamp-0042',
        command: {
          type: 'ReportFault',
          data: {
            source: 'ticket',
            ticketId: 'T2026-0100',
            description: '市民工单 T2026-0100 报修：路灯故障',
            urgency: 'urgent',
          },
        },
        meta: expect.objectContaining({ correlationId: 'corr-1' }),
      },
    ]);
    expect(FacilityCommandSchemas.ReportFault.safeParse(commands[0]?.command.data).success).toBe(
      true,
    );
  });

  it('X-06 the citizen’s own words do not travel into the facility fault', () => {
    const [command] = facilityFaultTicketReaction(received('streetlight-fault', 'normal'));
    expect(JSON.stringify(command)).not.toContain('门口路灯不亮');
    expect(command?.command.data).toMatchObject({ urgency: 'routine' });
  });

  it('FAC-09 a ticket of another service type causes nothing', () => {
    expect(facilityFaultTicketReaction(received('residence-certificate', 'normal'))).toEqual([]);
  });
});

describe('audit finding → rectification (AUD-02)', () => {
  const ctx = testContext({
    now: occurredAt,
    actor: { id: 'sup-01', role: 'supervisor', unit: 'supervision-dept' },
  });
  const finding = (rectificationRequired: boolean): EventEnvelope => {
    const run = runSequence(auditDecider, [
      {
        command: {
          type: 'OpenAudit',
          data: {
            auditId: 'A-2026-09',
            kind: 'special',
            occasion: 'holiday',
            scope: { level: 'centre', id: 'centre-01' },
            supervisingUnitId: 'supervision-dept',
            checklist: [{ id: 'signage', text: '标识完好' }],
          },
        },
        ctx,
      },
      {
        command: {
          type: 'RecordFinding',
          data: {
            findingId: 'F-3',
            severity: 'serious',
            description: '节前安全检查：应急通道堵塞',
            responsibleUnitId: 'logistics',
            rectificationRequired,
          },
        },
        ctx,
      },
    ]);
    return stored('audit-A-2026-09', run.events.at(-1) as AuditEvent);
  };

  it('AUD-02 a finding opens a rectification of the responsible unit under the supervising unit', () => {
    const [command] = auditFindingReaction(finding(true));
    expect(command).toMatchObject({
      aggregate: 'rectification',
      command: {
        type: 'OpenRectification',
        data: {
          source: { kind: 'audit-finding', id: 'F-3', streamId: 'audit-A-2026-09' },
          responsibleUnitId: 'logistics',
          supervisingUnitId: 'supervision-dept',
          issue: '节前安全检查：应急通道堵塞',
          verificationRequired: false,
        },
      },
    });
    if (command) expect(E.isRight(decideRectification(command))).toBe(true);
  });

  it('AUD-02 a finding that needs no rectification causes nothing', () => {
    expect(auditFindingReaction(finding(false))).toEqual([]);
  });
});

describe('replays (X-01): idempotent by causation id', () => {
  const bad = stored('ticket-T2026-0042', { type: 'TicketRated', data: ratedData(2) }, 'evt-77');

  it('AUD-02 the same event always derives the same command ids and entity ids', () => {
    expect(badRatingReaction(bad)).toEqual(badRatingReaction(bad));
    const other = stored(
      'ticket-T2026-0042',
      { type: 'TicketRated', data: ratedData(2) },
      'evt-78',
    );
    expect(badRatingReaction(other)[0]?.meta.commandId).not.toBe(
      badRatingReaction(bad)[0]?.meta.commandId,
    );
  });

  it('AUD-02 CMP-05 replaying the same event twice through a reactor yields its commands once', () => {
    const reactor = createReactor(defaultReactions);
    const first = reactor.react(bad);
    const second = reactor.react(bad);
    expect(first).toHaveLength(1);
    expect(second).toEqual([]);
    expect(reactor.handled()).toEqual(['evt-77']);
  });

  it('AUD-02 a reactor restarted with the handled ids causes nothing again', () => {
    const reactor = createReactor(defaultReactions, ['evt-77']);
    expect(reactor.react(bad)).toEqual([]);
  });

  it('AUD-02 after a restart without memory the derived ids make the target refuse the duplicate', () => {
    const [first] = createReactor(defaultReactions).react(bad);
    const [again] = createReactor(defaultReactions).react(bad);
    expect(again).toEqual(first);
    if (first?.aggregate !== 'rectification') throw new Error('expected a rectification');
    const opened = decideRectification(first);
    if (E.isLeft(opened)) throw new Error('open failed');
    // Same rectification id → same stream; the second open is refused by the aggregate too.
    const replayed = given(rectificationDecider, opened.right).when(
      first.command,
      testContext({ now: first.meta.occurredAt }),
    );
    expect(E.isLeft(replayed) && replayed.left.kind).toBe('transition');
  });

  it('X-05 events no reaction knows cause nothing', () => {
    const reactor = createReactor(defaultReactions);
    expect(reactor.react(stored('survey-S1', { type: 'SurveyClosed', data: {} }))).toEqual([]);
  });
});
