import type { Actor } from '@civic-ledger/domain';
import type { Random } from './prng.js';

/** A service centre with its windows, communities and staff. */
export interface Centre {
  readonly id: string;
  readonly name: string;
  readonly communities: readonly string[];
  readonly windows: readonly string[];
  readonly windowStaff: readonly Actor[];
  readonly head: Actor;
  readonly guide: Actor;
  readonly proxyAgent: Actor;
  readonly complaintHandler: Actor;
  readonly technicians: readonly Actor[];
  /** Reviews inspection and maintenance records (FAC-05). */
  readonly facilityHead: Actor;
  /** Tickets received per working day, on average. */
  readonly dailyTickets: number;
}

/** A handling department tickets are dispatched to. */
export interface Department {
  readonly id: string;
  readonly staff: readonly Actor[];
}

/** The simulated city: centres, departments, a supervisor. */
export interface City {
  readonly centres: readonly Centre[];
  readonly departments: readonly Department[];
  readonly supervisor: Actor;
  readonly surveyor: Actor;
  readonly archivist: Actor;
  readonly emergencyOfficer: Actor;
}

const DISTRICTS = [
  '东城',
  '西城',
  '朝阳',
  '海淀',
  '丰台',
  '石景山',
  '通州',
  '顺义',
  '昌平',
  '大兴',
];
const DEPARTMENTS = [
  'civil-affairs',
  'health',
  'housing',
  'urban-management',
  'human-resources',
  'water-affairs',
];

const staff = (id: string, role: string, unit: string): Actor => ({ id, role, unit });

/** Builds a city of `scale` service centres (each with 3 communities and 4 windows). */
export const buildCity = (scale: number, r: Random): City => {
  const centres: Centre[] = [];
  for (let c = 1; c <= scale; c++) {
    const id = `centre-${String(c).padStart(2, '0')}`;
    const district = DISTRICTS[(c - 1) % DISTRICTS.length]!;
    centres.push({
      id,
      name: `${district}${c > DISTRICTS.length ? Math.ceil(c / DISTRICTS.length) : ''}街道社区服务中心`,
      communities: [1, 2, 3].map((k) => `${id}-community-${k}`),
      windows: [1, 2, 3, 4].map((k) => `${id}-window-${k}`),
      windowStaff: [1, 2, 3, 4].map((k) => staff(`${id}-staff-w${k}`, 'window-staff', id)),
      head: staff(`${id}-head`, 'centre-head', id),
      guide: staff(`${id}-guide`, 'consultation-guide', id),
      proxyAgent: staff(`${id}-agent`, 'proxy-agent', id),
      complaintHandler: staff(`${id}-complaints`, 'complaint-handler', id),
      technicians: [1, 2].map((k) => staff(`${id}-tech-${k}`, 'maintenance-technician', id)),
      facilityHead: staff(`${id}-facility-head`, 'department-head', id),
      dailyTickets: r.int(8, 16),
    });
  }
  return {
    centres,
    departments: DEPARTMENTS.map((d) => ({
      id: d,
      staff: [1, 2].map((k) => staff(`${d}-officer-${k}`, 'department-staff', d)),
    })),
    supervisor: staff('supervisor-01', 'supervisor', 'supervision-office'),
    surveyor: staff('surveyor-01', 'survey-officer', 'supervision-office'),
    archivist: staff('archivist-01', 'archivist', 'archive-office'),
    emergencyOfficer: staff('emergency-01', 'emergency-officer', 'emergency-office'),
  };
};
