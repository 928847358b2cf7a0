import type { Actor, StaffCommand, StaffRole } from '@civic-ledger/domain';
import type { Centre } from '../city.js';
import type { Flow } from '../flow.js';
import { personName } from '../people.js';
import { addDays, atLocal, localDate } from '../time.js';
import type { FlowEnv } from './env.js';
import { stepsOf } from './typed.js';

const staff = stepsOf<StaffCommand>();

const STAFF_ROLES: Record<string, StaffRole> = {
  'window-staff': 'window-staff',
  'consultation-guide': 'consultation-guide',
  'proxy-agent': 'help-proxy-agent',
  'complaint-handler': 'complaint-handler',
  'maintenance-technician': 'maintenance-technician',
};

/** Certificates technicians hold for the facility classes they work on (FAC-08). */
export const TECHNICIAN_CERTIFICATES = [
  'electrician',
  'pipe-fitter',
  'greening-worker',
  'fire-facility-operator',
] as const;

/** Everyone on post at a centre, with the role the staff register knows (STF-01). */
export const centreStaff = (centre: Centre): Actor[] => [
  ...centre.windowStaff,
  centre.guide,
  centre.proxyAgent,
  centre.complaintHandler,
  ...centre.technicians,
];

/**
 * One staff member over the run (STF-01 … STF-03): registered, certified (most of them),
 * put on post, trained (a few overdue), assessed each quarter.
 */
export function* staffFlow(
  env: FlowEnv,
  centre: Centre,
  person: Actor,
  start: number,
  days: number,
): Flow {
  const r = env.random;
  const head = centre.head;
  const today = localDate(start);
  let t = start;
  yield staff(t, head, 'RegisterStaff', {
    staffId: person.id,
    name: personName(r),
    role: STAFF_ROLES[person.role] ?? 'window-staff',
    unit: centre.id,
  });
  const technician = person.role === 'maintenance-technician';
  // A few window staff have let their certificate lapse: K-12 below 100 %.
  const certified = technician || r.chance(0.96);
  if (certified) {
    const kinds = technician ? TECHNICIAN_CERTIFICATES : (['service-qualification'] as const);
    for (const kind of kinds) {
      t += 60_000;
      yield staff(t, head, 'RecordCertificate', {
        kind,
        number: `${kind.toUpperCase().slice(0, 3)}-${person.id}`,
        issuer: '区人力资源和社会保障局',
        validFrom: addDays(today, -r.int(100, 900)),
        validUntil: addDays(today, r.int(400, 1500)),
      });
    }
  }
  t += 60_000;
  yield staff(t, head, 'PutOnPost', {
    date: today,
    post: person.role === 'window-staff' ? '综合窗口' : person.role,
  });
  // Training within the last six months for most; K-13 shows those who are overdue.
  if (r.chance(0.95)) {
    t += 60_000;
    yield staff(t, head, 'RecordTraining', {
      trainingId: `${person.id}-tr-0`,
      topic: '政务服务规范与礼仪',
      trainedOn: addDays(today, -r.int(10, 60)),
      hours: 8,
      passed: true,
    });
  }
  // Half-yearly training and quarterly assessment while the run lasts (STF-03).
  for (let day = r.int(60, 150), n = 1; day < days; day += r.int(150, 180), n++) {
    t = Math.max(t + 60_000, atLocal(addDays(today, day), 14 * 60));
    yield staff(t, head, 'RecordTraining', {
      trainingId: `${person.id}-tr-${n}`,
      topic: '业务知识更新培训',
      trainedOn: localDate(t),
      hours: 4,
      passed: true,
    });
  }
}
