import { type Actor, exampleServiceCatalogue, type TicketCommand } from '@civic-ledger/domain';
import type { Centre } from '../city.js';
import type { Flow } from '../flow.js';
import { mobilePhone, personName, residentId } from '../people.js';
import { OFFICE_END, OFFICE_START, workdaysLater } from '../time.js';
import { rectificationFlow } from './audit.js';
import { complaintFlow } from './complaint.js';
import { type FlowEnv, minutes } from './env.js';
import { stepsOf } from './typed.js';

const ticket = stepsOf<TicketCommand>();

/** Service types of the domain's example catalogue, with how often they are asked for. */
const SERVICE_MIX: readonly (readonly [string, number])[] = [
  ['residence-certificate', 35],
  ['elderly-subsidy', 15],
  ['medical-aid', 10],
  ['facility-repair', 20],
  ['elderly-care-visit', 20],
];
const MATERIALS: Record<string, readonly string[]> = {
  'medical-aid': ['id-card', 'medical-bills', 'income-proof'],
  'elderly-subsidy': ['id-card', 'household-register'],
  'residence-certificate': ['id-card'],
};
const REASONS: Record<string, string> = {
  'residence-certificate': '办理居住证明用于子女入学',
  'elderly-subsidy': '年满八十周岁，申请高龄津贴',
  'medical-aid': '住院费用负担重，申请医疗救助',
  'facility-repair': '小区路灯损坏，夜间出行不便',
  'elderly-care-visit': '独居老人需要助老上门服务',
};

export interface TicketParams {
  readonly ticketId: string;
  readonly centre: Centre;
  readonly receivedAt: number;
  readonly channel: 'window' | 'mobile-app' | 'phone' | 'website' | 'door-to-door';
  readonly repeatOf?: string;
  readonly facilityId?: string;
}

const officeMinute = (env: FlowEnv): number => env.random.int(OFFICE_START + 15, OFFICE_END - 45);

/**
 * One ticket through the paths of TKT-08: approved or rejected, supplemented, returned by a
 * unit, extended, supervised, rated, visited, reopened, closed and archived — with a few
 * deadlines missed, as in life.
 */
export function* ticketFlow(env: FlowEnv, p: TicketParams): Flow {
  const r = env.random;
  const cal = env.calendar;
  const { centre } = p;
  const clerk: Actor = r.pick(centre.windowStaff);
  const serviceType = p.facilityId ? 'facility-repair' : r.weighted(SERVICE_MIX);
  const required = MATERIALS[serviceType] ?? [];
  // Some applicants forget a document: the review asks for it (TKT-03 extension).
  const forgets = required.length > 0 && r.chance(0.15);
  const handedIn = forgets ? required.slice(0, -1) : required;
  const applicant = {
    kind: 'person' as const,
    name: personName(r),
    idNumber: residentId(r),
    phone: mobilePhone(r),
  };
  let t = p.receivedAt;
  const next = (n: number): number => workdaysLater(cal, t, n, officeMinute(env));

  yield ticket(t, clerk, 'ReceiveTicket', {
    ticketId: p.ticketId,
    channel: p.channel,
    applicant,
    ...(r.chance(0.05) ? { agent: { kind: 'staff', staffId: centre.proxyAgent.id } } : {}),
    serviceType,
    nature: p.repeatOf ? 'repeat' : r.chance(0.08) ? 'urgent' : 'normal',
    ...(p.repeatOf ? { repeatOf: p.repeatOf } : {}),
    reason: REASONS[serviceType] ?? '申请服务',
    materials: handedIn.map((kind, i) => ({ kind, documentRef: `${p.ticketId}-doc-${i + 1}` })),
    communityId: r.pick(centre.communities),
    centreId: centre.id,
    ...(p.channel === 'window' ? { windowId: r.pick(centre.windows) } : {}),
    ...(p.facilityId ? { facilityId: p.facilityId } : {}),
  });
  if (p.channel === 'window') {
    yield ticket(t, clerk, 'TakeQueueNumber', {
      queueNumber: `A${String(env.nextId('queue') % 1000).padStart(3, '0')}`,
    });
    // Most waits are short; a busy morning now and then breaks the 30-minute target (TKT-09).
    t += minutes(r.chance(0.06) ? r.int(31, 60) : r.int(2, 18));
    yield ticket(t, clerk, 'CallQueueNumber', { windowId: r.pick(centre.windows) });
    // At the window the first response comes as the number is called.
    t += minutes(r.int(1, 3));
  } else {
    t += minutes(r.chance(0.05) ? r.int(21, 90) : r.int(1, 15));
  }
  yield ticket(t, clerk, 'RecordFirstResponse', { note: '已告知办理流程和时限' });
  t += minutes(r.int(2, 10));
  yield ticket(t, clerk, 'AcceptTicket', {});
  // From here on, time is counted in working days since acceptance, as the limits are (TKT-03).
  const acceptedAt = t;
  const limit = exampleServiceCatalogue[serviceType]?.approvalLimitWorkdays ?? 5;
  let day = 0;
  const onDay = (n: number): number => {
    day = Math.max(day, n);
    return Math.max(t + minutes(1), workdaysLater(cal, acceptedAt, day, officeMinute(env)));
  };

  if (forgets) {
    t = onDay(1);
    yield ticket(t, clerk, 'RequestSupplement', {
      kind: 'materials',
      items: [required[required.length - 1]!],
      note: '请补充缺少的证明材料',
    });
    t = onDay(day + r.int(1, 3));
    yield ticket(t, clerk, 'ProvideSupplement', {
      materials: [{ kind: required[required.length - 1]!, documentRef: `${p.ticketId}-doc-s1` }],
    });
  }
  // Reviews usually within the limit; some run late (K-06 misses), some need the head's extension.
  if (r.chance(0.03)) {
    t = onDay(day + 1);
    yield ticket(t, clerk, 'RequestSupplement', { kind: 'investigation', note: '需实地核查' });
    if (r.chance(0.5)) {
      t = onDay(day + 1);
      yield ticket(t, centre.head, 'ExtendReview', {
        workdays: 5,
        reason: '核查涉及多个部门，经中心负责人批准再延长',
      });
    }
  }
  // Reviews usually inside the limit; 3 % run late (K-06).
  t = onDay(r.chance(0.03) ? r.int(6, 8) : day + r.int(1, 2));
  const rejected = r.chance(0.1);
  if (rejected) {
    yield ticket(t, clerk, 'ReviewTicket', {
      outcome: 'reject',
      reasonCode: r.pick(['policy-not-met', 'not-eligible', 'materials-invalid']),
      reasonText: '经审核不符合申请条件，可补充材料后重新申请',
    });
    t = next(1);
    yield ticket(t, clerk, 'CloseTicket', { summary: '不予通过，已告知理由和补充途径' });
    t = next(r.int(1, 5));
    yield ticket(t, env.city.archivist, 'ArchiveTicket', { retentionClass: 'short' });
    return;
  }
  yield ticket(t, clerk, 'ReviewTicket', { outcome: 'approve', note: '材料齐全，符合条件' });
  if (serviceType === 'medical-aid' || serviceType === 'elderly-subsidy') {
    t = onDay(r.chance(0.03) ? limit + r.int(1, 4) : day + r.int(2, 8));
    yield ticket(t, centre.head, 'GrantFinalApproval', { note: '同意' });
  }
  const departmentFor = (): (typeof env.city.departments)[number] =>
    serviceType === 'facility-repair'
      ? env.city.departments.find((d) => d.id === 'urban-management')!
      : r.pick(env.city.departments);
  let dept = departmentFor();
  t += minutes(r.int(10, 120));
  yield ticket(t, clerk, 'DispatchTicket', { unitId: dept.id });
  if (r.chance(0.04)) {
    t += minutes(r.int(30, 180));
    yield ticket(t, r.pick(dept.staff), 'ReturnTicket', { reason: '不属于本单位职责，请改派' });
    const other = env.city.departments.filter((d) => d.id !== dept.id);
    dept = r.pick(other);
    t += minutes(r.int(10, 60));
    yield ticket(t, clerk, 'DispatchTicket', { unitId: dept.id, note: '改派' });
  }
  const officer = r.pick(dept.staff);
  t += minutes(r.int(20, 240));
  yield ticket(t, officer, 'SignForTicket', {});
  if (r.chance(0.05)) {
    t = next(1);
    yield ticket(t, officer, 'RequestExtension', { workdays: 3, reason: '需协调多个部门' });
    t += minutes(r.int(60, 300));
    yield r.chance(0.8)
      ? ticket(t, centre.head, 'ApproveExtension', { note: '同意延期' })
      : ticket(t, centre.head, 'DeclineExtension', { reason: '请按原时限办结' });
  }
  if (r.chance(0.03)) {
    t = next(1);
    yield ticket(
      t,
      env.city.supervisor,
      'SuperviseTicket',
      r.chance(0.5)
        ? { level: 'supervision', reason: '办理进度缓慢，督办' }
        : {
            level: 'escalation',
            reason: '群众反映强烈，提级办理',
            escalatedTo: 'district-government',
          },
    );
  }
  // Completion: mostly inside the service type's limit; 4 % overrun it (K-05).
  t = onDay(r.chance(0.04) ? limit + r.int(1, 4) : r.int(Math.min(day + 1, limit - 1), limit - 1));
  yield ticket(t, officer, 'CompleteTicket', { result: '已按规定办结' });

  let level: number | undefined;
  if (r.chance(0.8)) {
    level = r.weighted([
      [5, 55],
      [4, 25],
      [3, 12],
      [2, 5],
      [1, 3],
    ]);
    t += minutes(r.int(5, 600));
    yield ticket(t, clerk, 'RateTicket', {
      level,
      channel: r.pick(['window-evaluator', 'qr-code', 'sms', 'mobile-app']),
      ...(r.chance(0.5)
        ? {
            dimensions: {
              content: Math.min(5, level + r.int(0, 1)),
              attitude: level,
              efficiency: Math.max(1, level - r.int(0, 1)),
              environment: Math.min(5, level + 1),
            },
          }
        : {}),
    });
  }
  t = next(r.int(1, 3));
  const bad = level !== undefined && level <= 2;
  const unresolved = !bad && r.chance(0.02);
  yield ticket(t, clerk, 'MakeReturnVisit', {
    method: r.pick(['phone', 'sms', 'on-site']),
    resolved: !bad && !unresolved,
    summary: bad || unresolved ? '群众表示问题尚未解决' : '群众表示满意',
  });
  // Some who rated badly also complain (CMP-01), naming the ticket.
  if (bad && r.chance(0.4)) {
    const year = new Date(t).getUTCFullYear();
    const complaintId = `CMP${year}-${String(env.nextId(`CMP${year}`)).padStart(5, '0')}`;
    env.spawn({
      aggregate: 'complaint',
      streamId: `complaint-${complaintId}`,
      flow: complaintFlow(env, {
        complaintId,
        centre,
        at: t + minutes(r.int(60, 600)),
        ticketId: p.ticketId,
      }),
    });
  }
  // SAT-02: a bad rating opens a rectification after verification.
  if (bad && r.chance(0.5))
    env.spawn({
      aggregate: 'rectification',
      streamId: `rectification-R-${p.ticketId}`,
      flow: rectificationFlow(
        env,
        centre,
        `R-${p.ticketId}`,
        '差评反映的服务问题',
        { kind: 'bad-rating', id: p.ticketId, streamId: `ticket-${p.ticketId}` },
        t + minutes(r.int(30, 240)),
      ),
    });
  if (bad || unresolved) {
    t += minutes(r.int(30, 240));
    yield ticket(t, centre.head, 'ReopenTicket', {
      ground: bad ? 'unsatisfied-rating' : 'unresolved-return-visit',
      reason: '回访未解决，重新办理',
    });
    t += minutes(r.int(10, 60));
    yield ticket(t, clerk, 'DispatchTicket', { unitId: dept.id, note: '重办' });
    t += minutes(r.int(20, 240));
    yield ticket(t, officer, 'SignForTicket', {});
    t = next(r.int(1, 3));
    yield ticket(t, officer, 'CompleteTicket', { result: '重办完成' });
    t = next(1);
    yield ticket(t, clerk, 'MakeReturnVisit', {
      method: 'phone',
      resolved: true,
      summary: '重办后群众表示满意',
    });
  }
  t += minutes(r.int(30, 240));
  yield ticket(t, clerk, 'CloseTicket', { summary: '已办结并回访' });
  t = next(r.int(1, 5));
  yield ticket(t, env.city.archivist, 'ArchiveTicket', {
    retentionClass: serviceType === 'medical-aid' ? 'long' : 'short',
  });
}
