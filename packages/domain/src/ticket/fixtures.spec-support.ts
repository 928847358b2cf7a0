import type { Actor } from '../kernel/envelope.js';
import { runSequence, testContext } from '../testing/index.js';
import type { ServiceCatalogue } from './catalogue.js';
import type { TicketCommand, TicketCommandType } from './commands.js';
import type { TicketContext } from './context.js';
import { ticketDecider } from './decider.js';
import type { TicketEvent } from './events.js';
import type { TicketStatus } from './status.js';

export const catalogue: ServiceCatalogue = {
  'residence-certificate': {
    name: { zh: '居住证明', en: 'Residence certificate' },
    category: 'auxiliary',
    requiredMaterials: ['id-card'],
    approvalLimitWorkdays: 10,
    requiresFinalApproval: false,
    facilityFault: false,
  },
  'medical-aid': {
    name: { zh: '医疗救助', en: 'Medical aid' },
    category: 'basic',
    requiredMaterials: ['id-card', 'medical-bills'],
    approvalLimitWorkdays: 30,
    requiresFinalApproval: true,
    facilityFault: false,
  },
  'streetlight-fault': {
    name: { zh: '路灯故障', en: 'Street light fault' },
    category: 'featured',
    requiredMaterials: [],
    approvalLimitWorkdays: 3,
    requiresFinalApproval: false,
    facilityFault: true,
  },
};

export const windowStaff: Actor = { id: 'staff-001', role: 'window-staff', unit: 'centre-01' };
export const centreHead: Actor = { id: 'head-001', role: 'centre-head', unit: 'centre-01' };
export const unitStaff: Actor = { id: 'unit-staff-07', role: 'handler', unit: 'unit-07' };

/** A ticket context at `now` (default: a Monday morning) acting as `actor`. */
export const ctxAt = (now = '2026-11-02T09:00:00+08:00', actor: Actor = windowStaff) =>
  testContext<{ serviceCatalogue: ServiceCatalogue }>({ now, actor, serviceCatalogue: catalogue });

export const person = {
  kind: 'person',
  name: '张三',
  idNumber: '11010519491231002X',
  phone: '13800138000',
} as const;

export const organisation = {
  kind: 'organisation',
  name: '某某物业服务有限公司',
  creditCode: '91350100M000100Y43',
  contactName: '李四',
  phone: '0591-87654321',
} as const;

/** A valid ReceiveTicket command; override any field. */
export const receive = (data: Record<string, unknown> = {}): TicketCommand =>
  ({
    type: 'ReceiveTicket',
    data: {
      ticketId: 'T2026-0001',
      channel: 'window',
      applicant: person,
      serviceType: 'residence-certificate',
      nature: 'normal',
      reason: '办理居住证明用于子女入学',
      materials: [{ kind: 'id-card', documentRef: 'doc-1' }],
      communityId: 'community-03',
      windowId: 'window-02',
      ...data,
    },
  }) as TicketCommand;

/** A command of any type with its data. */
export const cmd = (type: TicketCommandType, data: unknown = {}): TicketCommand =>
  ({ type, data }) as TicketCommand;

/** A valid sample of every command, used by the transition table and the property test. */
export const samples: Readonly<Record<TicketCommandType, TicketCommand>> = {
  ReceiveTicket: receive(),
  TakeQueueNumber: cmd('TakeQueueNumber', { queueNumber: 'A017' }),
  CallQueueNumber: cmd('CallQueueNumber', { windowId: 'window-02' }),
  RecordFirstResponse: cmd('RecordFirstResponse', { note: '已告知办理流程' }),
  AcceptTicket: cmd('AcceptTicket'),
  RequestSupplement: cmd('RequestSupplement', {
    kind: 'materials',
    items: ['household-register'],
    note: '请补交户口簿',
  }),
  ProvideSupplement: cmd('ProvideSupplement', {
    materials: [{ kind: 'household-register', documentRef: 'doc-2' }],
  }),
  ExtendReview: cmd('ExtendReview', { workdays: 5, reason: '需入户调查' }),
  StartJointReview: cmd('StartJointReview', { departments: ['civil-affairs', 'health'] }),
  RecordJointReviewOpinion: cmd('RecordJointReviewOpinion', {
    departmentId: 'civil-affairs',
    opinion: 'agree',
  }),
  ReviewTicket: cmd('ReviewTicket', { outcome: 'approve' }),
  GrantFinalApproval: cmd('GrantFinalApproval', { decisionRef: 'dec-9' }),
  DispatchTicket: cmd('DispatchTicket', { unitId: 'unit-07' }),
  SignForTicket: cmd('SignForTicket'),
  ReturnTicket: cmd('ReturnTicket', { reason: '不属本单位职责' }),
  RequestExtension: cmd('RequestExtension', { workdays: 3, reason: '需协调施工' }),
  ApproveExtension: cmd('ApproveExtension', {}),
  DeclineExtension: cmd('DeclineExtension', { reason: '理由不充分' }),
  SuperviseTicket: cmd('SuperviseTicket', { level: 'supervision', reason: '临近期限' }),
  CompleteTicket: cmd('CompleteTicket', { result: '已出具居住证明' }),
  MakeReturnVisit: cmd('MakeReturnVisit', { method: 'phone', resolved: true, summary: '群众认可' }),
  CloseTicket: cmd('CloseTicket', { summary: '办结，群众满意' }),
  ReopenTicket: cmd('ReopenTicket', { ground: 'unresolved-return-visit', reason: '问题仍存在' }),
  ArchiveTicket: cmd('ArchiveTicket', { retentionClass: 'short', archiveNo: 'A-2026-001' }),
  RateTicket: cmd('RateTicket', { level: 5, channel: 'window-evaluator' }),
  ApplyDefaultRating: cmd('ApplyDefaultRating'),
};

/** The instant of the n-th step of a scripted history: hours after a Monday 09:00. */
export const stepAt = (n: number): string => {
  const start = Date.parse('2026-11-02T01:00:00Z');
  return new Date(start + n * 3_600_000).toISOString();
};

type Step = readonly [TicketCommand, Actor?];

const paths: Readonly<Record<Exclude<TicketStatus, 'none'>, readonly Step[]>> = (() => {
  const received: Step[] = [[receive()]];
  const underReview: Step[] = [...received, [samples.AcceptTicket]];
  const approved: Step[] = [...underReview, [samples.ReviewTicket]];
  const dispatched: Step[] = [...approved, [samples.DispatchTicket]];
  const inProgress: Step[] = [...dispatched, [samples.SignForTicket, unitStaff]];
  const completed: Step[] = [...inProgress, [samples.CompleteTicket, unitStaff]];
  const visited: Step[] = [...completed, [samples.MakeReturnVisit]];
  const closed: Step[] = [...visited, [samples.CloseTicket]];
  return {
    received,
    underReview,
    awaitingSupplement: [...underReview, [samples.RequestSupplement]],
    approved,
    rejected: [
      ...underReview,
      [
        cmd('ReviewTicket', {
          outcome: 'reject',
          reasonCode: 'not-eligible',
          reasonText: '非本社区常住人口',
        }),
      ],
    ],
    finalApproved: [...approved, [samples.GrantFinalApproval]],
    dispatched,
    inProgress,
    reopened: [
      ...completed,
      [cmd('MakeReturnVisit', { method: 'phone', resolved: false, summary: '仍未解决' })],
      [samples.ReopenTicket],
    ],
    completed,
    visited,
    closed,
    archived: [...closed, [samples.ArchiveTicket]],
  };
})();

/** The events that bring a ticket to `status`; `last` is the time of the latest one. */
export const historyTo = (
  status: Exclude<TicketStatus, 'none'>,
): { events: readonly TicketEvent[]; last: string; next: string } => {
  const steps = paths[status].map(([command, actor], i) => ({
    command,
    ctx: ctxAt(stepAt(i), actor ?? windowStaff) as TicketContext,
  }));
  const run = runSequence(ticketDecider, steps);
  if (run.errors.length > 0 || run.state.status !== status)
    throw new Error(`fixture path to ${status} failed: ${JSON.stringify(run.errors)}`);
  return { events: run.events, last: stepAt(steps.length - 1), next: stepAt(steps.length) };
};

export { errorOf, eventsOf } from '../testing/specification.js';
