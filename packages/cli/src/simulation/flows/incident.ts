import type { IncidentCommand } from '@civic-ledger/domain';
import type { Flow } from '../flow.js';
import { type FlowEnv, minutes } from './env.js';
import { stepsOf } from './typed.js';

const incident = stepsOf<IncidentCommand>();

/** An emergency through the stages of EMG-02: warning, response, handling, information, recovery. */
export function* incidentFlow(
  env: FlowEnv,
  incidentId: string,
  facilityIds: readonly string[],
  at: number,
): Flow {
  const r = env.random;
  const officer = env.city.emergencyOfficer;
  const lead = { personId: officer.id, role: '应急指挥', unit: officer.unit };
  let t = at;
  const kind = r.pick([
    { title: '暴雨导致社区道路积水', category: 'natural-disaster' },
    { title: '二次供水泵房停电', category: 'accident' },
  ] as const);
  yield incident(t, officer, 'RaiseWarning', {
    incidentId,
    title: kind.title,
    level: r.weighted([
      ['IV', 80],
      ['III', 18],
      ['II', 2],
    ] as const),
    category: kind.category,
    affectedFacilities: [...facilityIds],
    lead,
  });
  t += minutes(r.int(10, 40));
  yield incident(t, officer, 'StartResponse', { measures: '启动应急预案' });
  t += minutes(r.int(20, 90));
  yield incident(t, officer, 'BeginHandling', { measures: '抢修队伍到场处置' });
  t += minutes(r.int(30, 120));
  yield incident(t, officer, 'ReleaseInformation', {
    channels: ['政务微博', '社区公众号'],
    summary: '已发布处置进展',
  });
  t += minutes(r.int(120, 600));
  yield incident(t, officer, 'BeginRecovery', { summary: '恢复正常运行' });
  t += minutes(r.int(600, 2000));
  yield incident(t, officer, 'CloseIncident', {
    assessment: { summary: '处置及时，无人员伤亡', lessons: '加强汛前排查' },
  });
}
