import type { Actor, FacilityCommand } from '@civic-ledger/domain';
import type { Centre } from '../city.js';
import type { Flow } from '../flow.js';
import { addDays, localDate } from '../time.js';
import type { FlowEnv } from './env.js';
import { minutes } from './env.js';
import { TECHNICIAN_CERTIFICATES } from './staff.js';
import { stepsOf } from './typed.js';

const facility = stepsOf<FacilityCommand>();

/** The facilities every centre looks after: hall facilities and some of the district's (FAC-01). */
const FACILITIES = [
  { category: 'hall', classKey: 'signage', name: '服务大厅标识标牌', faultRate: 0 },
  { category: 'hall', classKey: 'self-service-terminal', name: '自助服务终端', faultRate: 0.12 },
  { category: 'hall', classKey: 'mother-baby-room', name: '母婴室', faultRate: 0.02 },
  { category: 'infrastructure', classKey: 'road-lighting', name: '社区道路照明', faultRate: 0.15 },
  {
    category: 'infrastructure',
    classKey: 'water-supply',
    subClass: 'residential',
    name: '二次供水泵房',
    faultRate: 0.08,
  },
  {
    category: 'infrastructure',
    classKey: 'fire-facilities',
    name: '消防栓与灭火器',
    faultRate: 0.02,
  },
  { category: 'environment', classKey: 'greening', name: '社区绿地', faultRate: 0.06 },
  {
    category: 'information-communication',
    classKey: 'internet',
    name: '政务外网接入设备',
    faultRate: 0.03,
  },
] as const;

export const facilityCount = FACILITIES.length;

const certificates = (person: Actor, today: string) =>
  TECHNICIAN_CERTIFICATES.map((kind) => ({
    kind,
    number: `${kind.toUpperCase().slice(0, 3)}-${person.id}`,
    validFrom: addDays(today, -800),
    validUntil: addDays(today, 3650),
    holderId: person.id,
  }));

/**
 * One facility through FAC-02 … FAC-13: registered, planned with the four fixed (四定),
 * inspected every week (now and then late: K-02), faults repaired, records reviewed.
 */
export function* facilityFlow(
  env: FlowEnv,
  centre: Centre,
  index: number,
  start: number,
  days: number,
): Flow {
  const r = env.random;
  const cal = env.calendar;
  const spec = FACILITIES[index % FACILITIES.length]!;
  const tech = centre.technicians[index % centre.technicians.length]!;
  const ref = (a: Actor) => ({ id: a.id, name: `${a.id}号技术员` });
  const today = localDate(start);
  const ctx = { certificates: certificates(tech, today) };
  const id = `${centre.id}-${spec.classKey}`;
  let t = start;
  yield facility(t, centre.head, 'RegisterFacility', {
    facilityId: id,
    name: `${centre.name}${spec.name}`,
    number: `${centre.id.toUpperCase()}-${String(index + 1).padStart(3, '0')}`,
    category: spec.category,
    classKey: spec.classKey,
    ...('subClass' in spec ? { subClass: spec.subClass } : {}),
    location: `${centre.name}辖区`,
    constructionDate: addDays(today, -r.int(365, 5000)),
    operatingUnit: centre.name,
    responsiblePerson: ref(tech),
  });
  t += minutes(5);
  // Unique across facilities, though a task id need only be unique within its facility.
  const planItemId = `${id}-routine`;
  yield facility(t, centre.head, 'AddMaintenancePlanItem', {
    planItemId,
    taskKind: 'routine',
    title: `${spec.name}日常巡检`,
    person: ref(tech),
    post: '设施维护岗',
    schedule: { mode: 'fixed', firstDueDate: addDays(today, 7) },
    responsibility: '按周巡检，发现问题及时报修并记录',
  });
  let due = addDays(today, 7);
  for (let occurrence = 1, n = 1; ; occurrence++) {
    // Usually a day or two before the due date; 4 % late, which K-02 reports.
    const late = r.chance(0.04);
    const dayOfWork = late ? cal.addWorkdays(due, r.int(1, 3)) : addDays(due, -r.int(0, 2));
    if (Date.parse(`${dayOfWork}T00:00:00+08:00`) - start > days * 86_400_000) return;
    t = Math.max(
      t + minutes(1),
      Date.parse(`${dayOfWork}T${String(r.int(9, 15)).padStart(2, '0')}:00:00+08:00`),
    );
    const abnormal = r.chance(spec.faultRate);
    const recordId = `${id}-rec-${n++}`;
    yield facility(
      t,
      tech,
      'RecordInspection',
      {
        recordId,
        recordNumber: `JL-${recordId}`,
        taskId: `${planItemId}:${occurrence}`,
        performedAt: new Date(t).toISOString(),
        personnel: [ref(tech)],
        maintainerId: tech.id,
        content: '外观、功能、安全状况检查',
        result: abnormal ? 'abnormal' : 'normal',
        condition: abnormal ? 'not-intact' : 'intact',
        ...(abnormal
          ? { findings: '发现故障，需维修', faultUrgency: r.chance(0.3) ? 'urgent' : 'routine' }
          : {}),
      },
      ctx,
    );
    // Reviewed the same day, so that the review never holds up the next inspection.
    t += minutes(r.int(60, 180));
    yield facility(t, centre.facilityHead, 'ReviewMaintenanceRecord', {
      recordId,
      decision: 'approved',
    });
    if (abnormal) {
      const orderId = `${recordId}-repair`;
      t += minutes(r.int(30, 120));
      yield facility(
        t,
        centre.facilityHead,
        'OrderRepair',
        {
          repairOrderId: orderId,
          faultId: `${recordId}-fault`,
          repairClass: r.pick(['minor', 'moderate']),
          priority: 'routine',
          assignee: ref(tech),
        },
        ctx,
      );
      t += minutes(r.int(30, 240));
      yield facility(
        t,
        tech,
        'StartRepair',
        {
          repairOrderId: orderId,
          startedAt: new Date(t).toISOString(),
          performedBy: ref(tech),
        },
        ctx,
      );
      t += minutes(r.int(60, 300));
      yield facility(
        t,
        tech,
        'CompleteRepair',
        {
          repairOrderId: orderId,
          performedAt: new Date(t).toISOString(),
          performedBy: ref(tech),
          outcome: '已修复，功能恢复',
          cost: { amount: r.int(50, 3000), currency: 'CNY' },
        },
        ctx,
      );
      // FAC-05, FAC-13: the record after the repair sets the condition back to intact.
      const after = `${id}-rec-${n++}`;
      t += minutes(r.int(10, 60));
      yield facility(
        t,
        tech,
        'RecordInspection',
        {
          recordId: after,
          recordNumber: `JL-${after}`,
          performedAt: new Date(t).toISOString(),
          personnel: [ref(tech)],
          maintainerId: tech.id,
          content: '维修后复检',
          result: 'repaired',
          condition: 'intact',
        },
        ctx,
      );
      t += minutes(r.int(30, 120));
      yield facility(t, centre.facilityHead, 'ReviewMaintenanceRecord', {
        recordId: after,
        decision: 'approved',
      });
    }
    due = addDays(due, 7);
  }
}
