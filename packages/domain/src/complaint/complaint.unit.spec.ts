import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { definePolicy } from '../policy/define-policy.js';
import { given, testContext } from '../testing/index.js';
import type { ComplaintCommand } from './commands.js';
import { complaintDecider, complaintStreamId } from './decider.js';
import type { ComplaintEvent } from './events.js';

const at = (now: string) => testContext({ now });
const receivedAt = '2026-09-30T10:00:00+08:00';

const receive: ComplaintCommand = {
  type: 'ReceiveComplaint',
  data: {
    complaintId: 'C2026-0001',
    channel: 'phone',
    form: 'electronic',
    complainant: { name: '张三', phone: '13800138000' },
    respondent: { kind: 'staff', id: 'staff-007', unitId: 'window-03' },
    content: '窗口工作人员态度生硬，拒绝解释材料要求',
    demands: ['道歉', '说明所需材料'],
    unitId: 'centre-01',
  },
};

/** Events of a complaint brought up to a step through the real decider. */
const history = (commands: readonly [ComplaintCommand, string][]): ComplaintEvent[] => {
  const events: ComplaintEvent[] = [];
  for (const [command, now] of commands) {
    const result = given(complaintDecider, events).when(command, at(now));
    if (E.isLeft(result)) throw new Error(JSON.stringify(result.left));
    events.push(...result.right);
  }
  return events;
};

const classify = (gradeId: string): ComplaintCommand => ({
  type: 'ClassifyComplaint',
  data: { gradeId },
});
const assign: ComplaintCommand = {
  type: 'AssignComplaint',
  data: { handlerId: 'staff-100', unitId: 'centre-01' },
};
const investigate = (verified: boolean): ComplaintCommand => ({
  type: 'RecordInvestigation',
  data: { verified, findings: '调取录像核实，工作人员确有不当言行' },
});
const answer: ComplaintCommand = {
  type: 'AnswerComplaint',
  data: { reply: '已核实，责令当事人道歉并整改', via: 'phone' },
};
const visit: ComplaintCommand = {
  type: 'RecordReturnVisit',
  data: { outcome: 'satisfied', level: 4 },
};
const close: ComplaintCommand = { type: 'CloseComplaint', data: { summary: '闭环办结' } };

const upTo = {
  received: () => history([[receive, receivedAt]]),
  classified: () =>
    history([
      [receive, receivedAt],
      [classify('general'), '2026-09-30T11:00:00+08:00'],
    ]),
  assigned: () =>
    history([
      [receive, receivedAt],
      [classify('general'), '2026-09-30T11:00:00+08:00'],
      [assign, '2026-09-30T11:30:00+08:00'],
    ]),
  investigated: (verified = true) =>
    history([
      [receive, receivedAt],
      [classify('general'), '2026-09-30T11:00:00+08:00'],
      [assign, '2026-09-30T11:30:00+08:00'],
      [investigate(verified), '2026-10-08T10:00:00+08:00'],
    ]),
};

describe('Complaint intake (CMP-01)', () => {
  it('CMP-01 records a phone complaint with complainant, respondent, content and demands', () => {
    const result = given(complaintDecider).when(receive, at(receivedAt));
    expect(result).toEqual(
      E.right([
        {
          type: 'ComplaintReceived',
          data: expect.objectContaining({
            complaintId: 'C2026-0001',
            channel: 'phone',
            complainant: { anonymous: false, name: '张三', phone: '13800138000' },
            respondent: { kind: 'staff', id: 'staff-007', unitId: 'window-03' },
            demands: ['道歉', '说明所需材料'],
            confidential: false,
            firstResponsibleId: 'staff-001',
            receivedAt,
          }),
        },
      ]),
    );
  });

  it('CMP-01 rejects a named complaint without a name, and a bad phone, naming the fields', () => {
    const result = given(complaintDecider).when(
      {
        ...receive,
        data: { ...receive.data, complainant: { phone: '12345' } },
      } as ComplaintCommand,
      at(receivedAt),
    );
    expect(E.isLeft(result) && result.left).toMatchObject({
      kind: 'validation',
      requirement: 'CMP-01',
      path: ['complainant', 'phone'],
    });
    if (E.isLeft(result) && result.left.kind === 'validation')
      expect(result.left.issues.map((i) => i.path.join('.'))).toEqual([
        'complainant.phone',
        'complainant.name',
      ]);
  });

  it('CMP-01 accepts an anonymous online complaint without personal data', () => {
    const result = given(complaintDecider).when(
      {
        ...receive,
        data: { ...receive.data, channel: 'online', complainant: { anonymous: true } },
      } as ComplaintCommand,
      at(receivedAt),
    );
    expect(E.isRight(result)).toBe(true);
  });

  it('CMP-01 rejects an unknown channel', () => {
    const result = given(complaintDecider).when(
      { ...receive, data: { ...receive.data, channel: 'fax' } } as unknown as ComplaintCommand,
      at(receivedAt),
    );
    expect(E.isLeft(result) && result.left.path).toEqual(['channel']);
  });

  it('X-06 marks the complainant name, phone and address as personal data in the schema', async () => {
    const { ComplainantSchema } = await import('./commands.js');
    const { personalDataKind } = await import('../kernel/schemas.js');
    const shape = ComplainantSchema.shape;
    expect(personalDataKind(shape.name.unwrap())).toBe('name');
    expect(personalDataKind(shape.phone.unwrap())).toBe('phone');
    expect(personalDataKind(shape.address.unwrap())).toBe('address');
  });

  it('names its stream complaint-<id>', () => {
    expect(complaintStreamId('C2026-0001')).toBe('complaint-C2026-0001');
  });
});

describe('Answer deadline (CMP-03, X-03, X-04)', () => {
  it('CMP-03 stores a 3-working-day deadline that skips National Day 2026 and counts Sat 10-10', () => {
    const [received] = history([[receive, receivedAt]]);
    expect(received?.type === 'ComplaintReceived' && received.data.answerDeadline).toEqual({
      dueDate: '2026-10-10',
      dueAt: '2026-10-10T16:00:00.000Z',
      workdays: 3,
      provisional: false,
      calendar: expect.any(String),
    });
  });

  it('CMP-03 takes the number of working days from policy.complaint.answerWorkdays', () => {
    const ctx = testContext({
      now: receivedAt,
      policy: definePolicy({ complaint: { answerWorkdays: 1 } }),
    });
    const result = given(complaintDecider).when(receive, ctx);
    expect(
      E.isRight(result) &&
        result.right[0]?.type === 'ComplaintReceived' &&
        result.right[0].data.answerDeadline.dueDate,
    ).toBe('2026-10-08');
  });

  it('CMP-03 an answer on the make-up Saturday 2026-10-10 is on time (K-07)', () => {
    const result = given(complaintDecider, upTo.investigated()).when(
      answer,
      at('2026-10-10T17:00:00+08:00'),
    );
    expect(E.isRight(result) && result.right[0]?.data).toMatchObject({
      onTime: true,
      workdaysTaken: 3,
      dueAt: '2026-10-10T16:00:00.000Z',
      receivedAt,
    });
  });

  it('CMP-03 an answer on Monday 2026-10-12 is recorded as late, not refused (K-07)', () => {
    const result = given(complaintDecider, upTo.investigated()).when(
      answer,
      at('2026-10-12T09:00:00+08:00'),
    );
    expect(E.isRight(result) && result.right[0]?.data).toMatchObject({
      onTime: false,
      workdaysTaken: 4,
    });
  });

  it('CMP-03 the first-responsibility owner is the receiver and stays on the assignment', () => {
    const events = upTo.assigned();
    expect(events[2]?.type === 'ComplaintAssigned' && events[2].data).toMatchObject({
      handlerId: 'staff-100',
      firstResponsibleId: 'staff-001',
    });
  });

  it('CMP-03 a named first-responsibility owner is kept', () => {
    const result = given(complaintDecider).when(
      {
        ...receive,
        data: { ...receive.data, firstResponsibleId: 'staff-042' },
      } as ComplaintCommand,
      at(receivedAt),
    );
    expect(E.isRight(result) && result.right[0]?.data).toMatchObject({
      firstResponsibleId: 'staff-042',
    });
  });
});

describe('Graded handling and escalation (CMP-02)', () => {
  it('CMP-02 classifies with a policy grade', () => {
    const result = given(complaintDecider, upTo.received()).when(
      classify('serious'),
      at(receivedAt),
    );
    expect(result).toEqual(
      E.right([
        {
          type: 'ComplaintClassified',
          data: {
            complaintId: 'C2026-0001',
            gradeId: 'serious',
            gradeName: '较重',
            escalationRequired: false,
            classifiedAt: receivedAt,
          },
        },
      ]),
    );
  });

  it('CMP-02 rejects a grade the policy does not define', () => {
    const result = given(complaintDecider, upTo.received()).when(
      classify('urgent'),
      at(receivedAt),
    );
    expect(E.isLeft(result) && result.left).toMatchObject({
      code: 'COMPLAINT_UNKNOWN_GRADE',
      requirement: 'CMP-02',
      path: ['gradeId'],
    });
  });

  it('CMP-02 a major complaint cannot be assigned before it is escalated', () => {
    const events = history([
      [receive, receivedAt],
      [classify('major'), receivedAt],
    ]);
    const result = given(complaintDecider, events).when(assign, at(receivedAt));
    expect(E.isLeft(result) && result.left).toMatchObject({
      code: 'COMPLAINT_ESCALATION_REQUIRED',
      requirement: 'CMP-02',
    });
  });

  it('CMP-02 a major complaint escalated to a third party can then be assigned', () => {
    const events = history([
      [receive, receivedAt],
      [classify('major'), receivedAt],
      [
        {
          type: 'EscalateComplaint',
          data: {
            to: 'third-party',
            targetId: 'ombudsman-01',
            targetName: '市第三方评估机构',
            reason: '涉及多部门，情节重大',
          },
        },
        receivedAt,
      ],
    ]);
    expect(events[2]).toMatchObject({
      type: 'ComplaintEscalated',
      data: { to: 'third-party', gradeId: 'major' },
    });
    expect(E.isRight(given(complaintDecider, events).when(assign, at(receivedAt)))).toBe(true);
  });

  it('CMP-02 an escalation needs a grade first (graded handling)', () => {
    const result = given(complaintDecider, upTo.received()).when(
      {
        type: 'EscalateComplaint',
        data: {
          to: 'higher-department',
          targetId: 'dept-9',
          targetName: '区政务服务局',
          reason: '重大',
        },
      },
      at(receivedAt),
    );
    expect(E.isLeft(result) && result.left).toMatchObject({
      kind: 'transition',
      from: 'received',
      attempted: 'EscalateComplaint',
    });
  });
});

describe('Closed loop (CMP-04)', () => {
  it('CMP-04 runs received → classified → assigned → investigated → answered → return visit → closed', () => {
    const events = history([
      [receive, receivedAt],
      [classify('general'), receivedAt],
      [assign, receivedAt],
      [investigate(false), '2026-10-08T10:00:00+08:00'],
      [answer, '2026-10-08T15:00:00+08:00'],
      [visit, '2026-10-09T10:00:00+08:00'],
      [close, '2026-10-09T11:00:00+08:00'],
    ]);
    expect(events.map((e) => e.type)).toEqual([
      'ComplaintReceived',
      'ComplaintClassified',
      'ComplaintAssigned',
      'ComplaintInvestigated',
      'ComplaintAnswered',
      'ComplaintReturnVisited',
      'ComplaintClosed',
    ]);
    expect(events[6]?.data).toMatchObject({ verified: false, onTime: true, returnVisited: true });
  });

  it.each([
    ['received', upTo.received, assign],
    ['received', upTo.received, answer],
    ['classified', upTo.classified, investigate(true)],
    ['assigned', upTo.assigned, answer],
    ['investigated', () => upTo.investigated(), close],
    ['none', () => [], classify('general')],
  ] as const)('CMP-04 cannot skip a step: from %s', (from, events, command) => {
    const result = given(complaintDecider, events()).when(command, at(receivedAt));
    expect(E.isLeft(result) && result.left).toMatchObject({
      kind: 'transition',
      code: 'COMPLAINT_STEP_NOT_ALLOWED',
      requirement: 'CMP-04',
      from,
      attempted: command.type,
    });
  });

  it('CMP-04 cannot close without the return visit when the policy requires it', () => {
    const events = [...upTo.investigated(), ...history([])];
    const answered = given(complaintDecider, events).when(answer, at('2026-10-08T15:00:00+08:00'));
    if (E.isLeft(answered)) throw new Error('answer failed');
    const result = given(complaintDecider, [...events, ...answered.right]).when(
      close,
      at('2026-10-09T10:00:00+08:00'),
    );
    expect(E.isLeft(result) && result.left).toMatchObject({
      code: 'COMPLAINT_RETURN_VISIT_REQUIRED',
      requirement: 'CMP-04',
    });
    const relaxed = testContext({
      now: '2026-10-09T10:00:00+08:00',
      policy: definePolicy({ complaint: { returnVisitRequired: false } }),
    });
    const closed = given(complaintDecider, [...events, ...answered.right]).when(close, relaxed);
    expect(E.isRight(closed) && closed.right[0]?.data).toMatchObject({ returnVisited: false });
  });

  it('CMP-04 records the finding as verified or not verified', () => {
    const [, , , verified] = upTo.investigated(true);
    const [, , , notVerified] = upTo.investigated(false);
    expect(verified?.data).toMatchObject({ verified: true, responsibleUnitId: 'window-03' });
    expect(notVerified?.data).toMatchObject({ verified: false });
  });

  it('CMP-04 a closed complaint takes no further step', () => {
    const events = history([
      [receive, receivedAt],
      [classify('general'), receivedAt],
      [assign, receivedAt],
      [investigate(true), receivedAt],
      [answer, receivedAt],
      [visit, receivedAt],
      [close, receivedAt],
    ]);
    const result = given(complaintDecider, events).when(visit, at(receivedAt));
    expect(E.isLeft(result) && result.left).toMatchObject({ from: 'closed' });
  });

  it('X-05 rejects an unknown command type with a typed error', () => {
    const result = given(complaintDecider).when(
      { type: 'DeleteComplaint', data: {} } as unknown as ComplaintCommand,
      at(receivedAt),
    );
    expect(E.isLeft(result) && result.left.code).toBe('COMPLAINT_UNKNOWN_COMMAND');
  });
});

describe('Verified complaints against staff (CMP-05)', () => {
  it('CMP-05 a verified finding carries the staff respondent and the responsible unit for the reactions', () => {
    const result = given(complaintDecider, upTo.assigned()).when(
      {
        ...investigate(true),
        data: { ...investigate(true).data, responsibleUnitId: 'dept-02' },
      } as ComplaintCommand,
      at('2026-10-08T10:00:00+08:00'),
    );
    expect(E.isRight(result) && result.right[0]).toEqual({
      type: 'ComplaintInvestigated',
      data: {
        complaintId: 'C2026-0001',
        verified: true,
        findings: expect.any(String),
        respondent: { kind: 'staff', id: 'staff-007', unitId: 'window-03' },
        responsibleUnitId: 'dept-02',
        investigatedAt: '2026-10-08T10:00:00+08:00',
      },
    });
  });
});

describe('Confidential complaints (CMP-06)', () => {
  it('CMP-06 a complaint can be confidential from intake', () => {
    const result = given(complaintDecider).when(
      { ...receive, data: { ...receive.data, confidential: true } } as ComplaintCommand,
      at(receivedAt),
    );
    expect(E.isRight(result) && result.right[0]?.data).toMatchObject({ confidential: true });
  });

  it('CMP-06 marks a received complaint confidential, once', () => {
    const mark: ComplaintCommand = {
      type: 'MarkComplaintConfidential',
      data: { reason: '涉及举报人人身安全' },
    };
    const first = given(complaintDecider, upTo.received()).when(mark, at(receivedAt));
    expect(E.isRight(first) && first.right[0]?.type).toBe('ComplaintMarkedConfidential');
    if (E.isLeft(first)) return;
    const state = given(complaintDecider, [...upTo.received(), ...first.right]).state;
    expect(state.confidential).toBe(true);
    const again = given(complaintDecider, [...upTo.received(), ...first.right]).when(
      mark,
      at(receivedAt),
    );
    expect(E.isLeft(again) && again.left).toMatchObject({
      code: 'COMPLAINT_ALREADY_CONFIDENTIAL',
      requirement: 'CMP-06',
    });
  });

  it('CMP-06 cannot mark a complaint that was never received', () => {
    const result = given(complaintDecider).when(
      { type: 'MarkComplaintConfidential', data: { reason: 'x' } },
      at(receivedAt),
    );
    expect(E.isLeft(result) && result.left).toMatchObject({ requirement: 'CMP-06', from: 'none' });
  });
});
