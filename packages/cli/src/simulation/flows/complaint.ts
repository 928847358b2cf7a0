import type { ComplaintCommand } from '@civic-ledger/domain';
import type { Centre } from '../city.js';
import type { Flow } from '../flow.js';
import { mobilePhone, personName } from '../people.js';
import { workdaysLater } from '../time.js';
import { type FlowEnv, minutes } from './env.js';
import { stepsOf } from './typed.js';

const complaint = stepsOf<ComplaintCommand>();

export interface ComplaintParams {
  readonly complaintId: string;
  readonly centre: Centre;
  readonly at: number;
  /** The ticket complained about, when the complaint follows a bad rating. */
  readonly ticketId?: string;
}

/**
 * One complaint through the closed loop of CMP-01 … CMP-05: received, graded, assigned,
 * investigated, answered (a few after the 3 working days: K-07), visited and closed.
 */
export function* complaintFlow(env: FlowEnv, p: ComplaintParams): Flow {
  const r = env.random;
  const cal = env.calendar;
  const { centre } = p;
  const handler = centre.complaintHandler;
  const respondent = r.pick(centre.windowStaff);
  let t = p.at;
  const anonymous = r.chance(0.1);
  yield complaint(t, handler, 'ReceiveComplaint', {
    complaintId: p.complaintId,
    channel: r.pick(['phone', 'online', 'on-site']),
    form: r.pick(['written', 'electronic']),
    complainant: anonymous
      ? { anonymous: true }
      : { anonymous: false, name: personName(r), phone: mobilePhone(r) },
    respondent: { kind: 'staff', id: respondent.id, unitId: centre.id },
    content: p.ticketId
      ? '办理过程中工作人员态度生硬，且办理时间过长'
      : '窗口排队时间过长，无人引导',
    demands: ['希望改进服务态度', '给予明确答复'],
    unitId: centre.id,
    confidential: r.chance(0.05),
    ...(p.ticketId ? { relatedTicketId: p.ticketId } : {}),
  });
  const grade = r.weighted([
    ['general', 70],
    ['serious', 24],
    ['major', 6],
  ] as const);
  t += minutes(r.int(10, 90));
  yield complaint(t, handler, 'ClassifyComplaint', { gradeId: grade, category: '服务态度' });
  if (grade === 'major') {
    t += minutes(r.int(30, 120));
    yield complaint(t, centre.head, 'EscalateComplaint', {
      to: 'higher-department',
      targetId: 'district-supervision',
      targetName: '区政务服务管理局',
      reason: '重大投诉，按规定提级处理',
    });
  }
  t += minutes(r.int(10, 60));
  yield complaint(t, centre.head, 'AssignComplaint', { handlerId: handler.id, unitId: centre.id });
  t = workdaysLater(cal, t, r.int(0, 1), r.int(10 * 60, 16 * 60));
  const verified = r.chance(0.4);
  yield complaint(t, handler, 'RecordInvestigation', {
    verified,
    findings: verified ? '经调查属实，已对当事人批评教育' : '经调查，反映情况不属实',
  });
  // The answer within 3 working days as a rule; 6 % run late (K-07).
  t = Math.max(
    t + minutes(30),
    workdaysLater(cal, p.at, r.chance(0.06) ? r.int(4, 6) : r.int(1, 3), r.int(9 * 60, 16 * 60)),
  );
  yield complaint(t, handler, 'AnswerComplaint', {
    reply: verified ? '经核实情况属实，已整改并致歉' : '经核实，工作人员按规定办理，已向您说明',
    via: 'phone',
  });
  t = workdaysLater(cal, t, 1, r.int(9 * 60, 16 * 60));
  yield complaint(t, handler, 'RecordReturnVisit', {
    outcome: r.weighted([
      ['satisfied', 60],
      ['basically-satisfied', 30],
      ['dissatisfied', 8],
      ['unreachable', 2],
    ] as const),
  });
  t += minutes(r.int(30, 180));
  yield complaint(t, handler, 'CloseComplaint', { summary: '投诉已办结并回访' });
}
