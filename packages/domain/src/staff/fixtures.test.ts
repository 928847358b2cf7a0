// Shared fixtures of the staff specs. Named `*.test.ts` so that the build leaves it out and
// Vitest (which collects `*.spec.ts`) does not run it as a suite.

import { testContext } from '../testing/index.js';
import type { StaffContext } from './context.js';
import type { StaffEvent, StaffEventData } from './events.js';

/** Today in the test context: 2026-11-20 (Asia/Shanghai). */
export const TODAY = '2026-11-20';

export const ctx = (overrides: Partial<StaffContext> = {}): StaffContext =>
  testContext<Partial<StaffContext>>(overrides) as StaffContext;

export const registered = (
  overrides: Partial<StaffEventData<'StaffRegistered'>> = {},
): StaffEvent => ({
  type: 'StaffRegistered',
  data: { staffId: 'S-001', name: '李明', role: 'window-staff', unit: 'centre-01', ...overrides },
});

/** A seconded person who started on `startDate` (minimum term two years, default policy). */
export const seconded = (startDate = '2025-01-06', minTermEndsOn = '2027-01-06'): StaffEvent =>
  registered({
    staffId: 'D-007',
    name: '王芳',
    role: 'seconded-department-staff',
    secondment: { sendingUnit: 'dept-civil-affairs', startDate, minTermEndsOn },
  });

export const onPost = (
  date: string,
  role: StaffEventData<'StaffPutOnPost'>['role'] = 'window-staff',
): StaffEvent => ({
  type: 'StaffPutOnPost',
  data: { date, role, unit: 'centre-01' },
});

export const conduct = (
  recordId: string,
  kind: StaffEventData<'ConductIncidentRecorded'>['kind'],
  occurredOn: string,
  quantity = 1,
): StaffEvent => ({
  type: 'ConductIncidentRecorded',
  data: { recordId, kind, occurredOn, quantity },
});

export const verifiedComplaint = (complaintId: string, verifiedOn: string): StaffEvent => ({
  type: 'VerifiedComplaintRecorded',
  data: { complaintId, verifiedAt: `${verifiedOn}T10:00:00+08:00`, verifiedOn },
});

/** Event types of a decision, for short assertions. */
export const types = (events: readonly StaffEvent[]): string[] => events.map((e) => e.type);
