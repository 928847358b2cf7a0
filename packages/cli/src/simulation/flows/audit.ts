import type { AuditCommand, RectificationCommand } from '@civic-ledger/domain';
import type { Centre } from '../city.js';
import type { Flow } from '../flow.js';
import { workdaysLater } from '../time.js';
import { type FlowEnv, minutes } from './env.js';
import { stepsOf } from './typed.js';

const audit = stepsOf<AuditCommand>();
const rectification = stepsOf<RectificationCommand>();

const CHECKLIST = [
  { id: 'signage', text: '标识标牌完好、清晰' },
  { id: 'queue', text: '排队叫号有序，等候不超时' },
  { id: 'attitude', text: '工作人员着装规范、文明用语' },
  { id: 'disclosure', text: '办事指南公开、准确' },
  { id: 'records', text: '台账记录完整、可追溯' },
] as const;

/**
 * A supervision of one centre (AUD-01): opened with its checklist, each item checked, failed
 * items recorded as findings (AUD-02) that open rectifications, then closed.
 */
export function* auditFlow(
  env: FlowEnv,
  centre: Centre,
  auditId: string,
  at: number,
  kind: 'daily' | 'periodic' | 'special',
): Flow {
  const r = env.random;
  const supervisor = env.city.supervisor;
  let t = at;
  yield audit(t, supervisor, 'OpenAudit', {
    auditId,
    kind,
    scope: { level: 'centre', id: centre.id },
    supervisingUnitId: supervisor.unit,
    ...(kind === 'special' ? { occasion: 'holiday' } : {}),
    checklist: [...CHECKLIST],
  });
  let findings = 0;
  for (const item of CHECKLIST) {
    t += minutes(r.int(10, 40));
    const fail = r.chance(0.12);
    yield audit(t, supervisor, 'RecordChecklistResult', {
      itemId: item.id,
      result: fail ? 'fail' : 'pass',
      ...(fail ? { notes: `${item.text}：不符合` } : {}),
    });
    if (!fail) continue;
    const findingId = `${auditId}-f${++findings}`;
    t += minutes(5);
    yield audit(t, supervisor, 'RecordFinding', {
      findingId,
      itemId: item.id,
      severity: r.weighted([
        ['minor', 60],
        ['moderate', 30],
        ['serious', 10],
      ] as const),
      description: `${item.text}未达到要求`,
      responsibleUnitId: centre.id,
      rectificationRequired: true,
    });
    env.spawn({
      aggregate: 'rectification',
      streamId: `rectification-${findingId}`,
      flow: rectificationFlow(
        env,
        centre,
        findingId,
        `${item.text}未达到要求`,
        { kind: 'audit-finding', id: findingId, streamId: `audit-${auditId}` },
        t + minutes(30),
      ),
    });
  }
  t += minutes(30);
  yield audit(t, supervisor, 'CloseAudit', {
    conclusion: findings === 0 ? '未发现问题' : `发现 ${findings} 个问题，已责令整改`,
  });
}

/**
 * A rectification (AUD-02) from opening to acceptance: measures, progress, submission; some
 * late (K-14), some rejected once, a few rebound after acceptance (反弹).
 */
export function* rectificationFlow(
  env: FlowEnv,
  centre: Centre,
  rectificationId: string,
  issue: string,
  source: {
    kind: 'audit-finding' | 'bad-rating' | 'verified-complaint';
    id: string;
    streamId?: string;
  },
  at: number,
): Flow {
  const r = env.random;
  const cal = env.calendar;
  const supervisor = env.city.supervisor;
  const head = centre.head;
  let t = at;
  yield rectification(t, supervisor, 'OpenRectification', {
    rectificationId,
    source,
    responsibleUnitId: centre.id,
    supervisingUnitId: supervisor.unit,
    issue,
  });
  // SAT-02: a bad rating is verified (核实) before anything is rectified.
  if (source.kind === 'bad-rating') {
    t = workdaysLater(cal, t, 1, 9 * 60 + 30);
    yield rectification(t, supervisor, 'VerifyRectificationSource', {
      founded: true,
      note: '经核实，差评反映的问题属实',
    });
  }
  t = workdaysLater(cal, t, 1, 10 * 60);
  yield rectification(t, head, 'SetRectificationMeasures', {
    measures: ['立即整改', '加强日常检查'],
    responsiblePersonId: head.id,
  });
  t = workdaysLater(cal, t, r.int(1, 3), 15 * 60);
  yield rectification(t, head, 'ReportRectificationProgress', {
    note: '整改进行中',
    percentComplete: 50,
  });
  // Within the deadline as a rule; 8 % finish late (K-14).
  t = Math.max(
    t + minutes(60),
    workdaysLater(cal, at, r.chance(0.08) ? r.int(16, 20) : r.int(3, 12), 16 * 60),
  );
  yield rectification(t, head, 'SubmitRectification', {
    summary: '已按要求完成整改',
    evidence: ['整改前后照片'],
  });
  if (r.chance(0.05)) {
    t = workdaysLater(cal, t, 1, 10 * 60);
    yield rectification(t, supervisor, 'RejectRectification', { reason: '整改不到位，请继续整改' });
    t = workdaysLater(cal, t, 1, 16 * 60);
    yield rectification(t, head, 'SubmitRectification', {
      summary: '已补充整改',
      evidence: ['补充材料'],
    });
  }
  t = workdaysLater(cal, t, 1, 11 * 60);
  yield rectification(t, supervisor, 'AcceptRectification', {
    verificationNote: '经复查，整改到位，予以验收',
  });
  if (r.chance(0.04)) {
    t = workdaysLater(cal, t, r.int(5, 15), 10 * 60);
    yield rectification(t, supervisor, 'ReopenRectification', { reason: '复查发现问题反弹' });
    t = workdaysLater(cal, t, r.int(2, 5), 16 * 60);
    yield rectification(t, head, 'SubmitRectification', { summary: '反弹问题已再次整改' });
    t = workdaysLater(cal, t, 1, 11 * 60);
    yield rectification(t, supervisor, 'AcceptRectification', { verificationNote: '再次验收通过' });
  }
}
