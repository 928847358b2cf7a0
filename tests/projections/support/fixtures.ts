import type { FacilityEventData, TicketDeadline, TicketEventData } from '@civic-ledger/domain';
import type { Log } from './log.js';

/** A deadline as events store it; only `dueAt` and `dueDate` matter to the read models. */
export const deadline = (dueDate: string, workdays = 5): TicketDeadline => ({
  dueDate,
  dueAt: `${dueDate}T23:59:59+08:00`,
  workdays,
  provisional: false,
  calendar: 'cn-test',
});

const person = { id: 'staff-tech', name: '王工' };
const doc = {
  documentId: 'DOC-1',
  kind: 'drawing' as const,
  title: '总平面图',
  uri: 'https://docs.example.cn/doc-1',
  checksum: `sha256:${'a'.repeat(64)}`,
};

/** FacilityRegistered with defaults. */
export const registerFacility = (
  log: Log,
  id: string,
  at: string,
  over: Partial<FacilityEventData<'FacilityRegistered'>> = {},
) =>
  log.facility(
    id,
    'FacilityRegistered',
    {
      facilityId: id,
      name: `设施 ${id}`,
      number: `NO-${id}`,
      category: 'infrastructure',
      classKey: 'water-supply',
      location: '幸福路 1 号',
      constructionDate: '2010-05-01',
      operatingUnit: 'water-co',
      responsiblePerson: person,
      technicalDocuments: [doc],
      registeredAt: at,
      ...over,
    },
    at,
  );

/** FacilityInspected with defaults; `condition` decides K-01. */
export const inspect = (
  log: Log,
  id: string,
  recordId: string,
  at: string,
  condition: 'intact' | 'not-intact',
  over: Partial<FacilityEventData<'FacilityInspected'>> = {},
) =>
  log.facility(
    id,
    'FacilityInspected',
    {
      recordId,
      recordNumber: `R-${recordId}`,
      facility: {
        name: `设施 ${id}`,
        number: `NO-${id}`,
        location: '幸福路 1 号',
        classKey: 'water-supply',
      },
      performedAt: at,
      personnel: [person],
      content: '管压检查',
      result: condition === 'intact' ? 'normal' : 'abnormal',
      condition,
      signedBy: person,
      signedAt: at,
      retentionYears: 10,
      retainUntil: '2036-12-31',
      ...over,
    },
    at,
  );

/** MaintenanceTaskScheduled. */
export const scheduleTask = (log: Log, id: string, taskId: string, dueDate: string, at: string) =>
  log.facility(
    id,
    'MaintenanceTaskScheduled',
    {
      taskId,
      planItemId: 'P1',
      taskKind: 'pipe-pressure-check',
      classKey: 'water-supply',
      occurrence: 1,
      dueDate,
      dueAt: `${dueDate}T23:59:59+08:00`,
      basis: 'first',
    },
    at,
  );

/** MaintenanceTaskCompleted; `onTime` as the facility decider computes it (completedOn ≤ dueDate). */
export const completeTask = (
  log: Log,
  id: string,
  taskId: string,
  dueDate: string,
  completedOn: string,
) =>
  log.facility(
    id,
    'MaintenanceTaskCompleted',
    {
      taskId,
      planItemId: 'P1',
      taskKind: 'pipe-pressure-check',
      occurrence: 1,
      dueDate,
      completedAt: `${completedOn}T10:00:00+08:00`,
      completedOn,
      onTime: completedOn <= dueDate,
      performedBy: person,
    },
    `${completedOn}T10:00:00+08:00`,
  );

export interface TicketInput {
  readonly centreId?: string;
  readonly windowId?: string;
  readonly staffId?: string;
  readonly communityId?: string;
  readonly nature?: 'urgent' | 'normal' | 'repeat';
  readonly serviceType?: string;
}

/** TicketReceived with defaults. */
export const receiveTicket = (log: Log, id: string, at: string, t: TicketInput = {}) => {
  const data: TicketEventData['TicketReceived'] = {
    ticketId: id,
    at,
    channel: 'window',
    applicant: {
      kind: 'person',
      name: '张三',
      idNumber: '11010519491231002X',
      phone: '13800138000',
    },
    serviceType: t.serviceType ?? 'elderly-subsidy',
    serviceTypeName: { zh: '高龄补贴', en: 'elderly subsidy' },
    category: 'basic',
    approvalLimitWorkdays: 30,
    requiresFinalApproval: false,
    facilityFault: false,
    nature: t.nature ?? 'normal',
    reason: '申请补贴',
    materials: [],
    missingMaterials: [],
    communityId: t.communityId ?? 'community-A',
    centreId: t.centreId ?? 'centre-01',
    firstResponsibleStaffId: t.staffId ?? 'staff-001',
    ...(t.windowId ? { windowId: t.windowId } : {}),
  };
  return log.ticket(id, 'TicketReceived', data, at);
};

/** TicketCompleted; `withinLimit` as the ticket decider computed it. */
export const completeTicket = (
  log: Log,
  id: string,
  at: string,
  withinLimit: boolean,
  t: TicketInput & { unitId?: string } = {},
) =>
  log.ticket(
    id,
    'TicketCompleted',
    {
      ticketId: id,
      at,
      result: '已办结',
      staffId: t.staffId ?? 'staff-001',
      centreId: t.centreId ?? 'centre-01',
      communityId: t.communityId ?? 'community-A',
      serviceType: t.serviceType ?? 'elderly-subsidy',
      category: 'basic',
      firstResponsibleStaffId: t.staffId ?? 'staff-001',
      completionDeadline: deadline('2026-12-31', 30),
      withinLimit,
      reopenCount: 0,
      ...(t.unitId ? { unitId: t.unitId } : {}),
    },
    at,
  );

/** TicketRated at `level`; good / bad as the ticket decider derives them (3–5 good, 1–2 bad). */
export const rateTicket = (
  log: Log,
  id: string,
  at: string,
  level: 1 | 2 | 3 | 4 | 5,
  t: TicketInput & { dimensions?: TicketEventData['TicketRated']['dimensions'] } = {},
) =>
  log.ticket(
    id,
    'TicketRated',
    {
      ticketId: id,
      at,
      level,
      good: level >= 3,
      bad: level <= 2,
      channel: 'qr-code',
      source: 'applicant',
      verificationRequired: level <= 2,
      serviceType: t.serviceType ?? 'elderly-subsidy',
      centreId: t.centreId ?? 'centre-01',
      communityId: t.communityId ?? 'community-A',
      firstResponsibleStaffId: t.staffId ?? 'staff-001',
      completedAt: at,
      ...(t.windowId ? { windowId: t.windowId } : {}),
      ...(t.dimensions ? { dimensions: t.dimensions } : {}),
    },
    at,
  );

/** RectificationOpened with a deadline on `dueDate`. */
export const openRectification = (
  log: Log,
  id: string,
  at: string,
  dueDate: string,
  unit = 'dept-roads',
) =>
  log.rectification(
    id,
    'RectificationOpened',
    {
      rectificationId: id,
      source: { kind: 'audit-finding', id: `finding-${id}` },
      responsibleUnitId: unit,
      issue: '标识牌破损',
      deadline: deadline(dueDate, 15),
      verificationRequired: false,
      openedAt: at,
    },
    at,
  );

/** RectificationAccepted; `onTime` as the decider computes it (accepted before the deadline's end). */
export const acceptRectification = (
  log: Log,
  id: string,
  at: string,
  dueDate: string,
  reboundCount = 0,
  unit = 'dept-roads',
) =>
  log.rectification(
    id,
    'RectificationAccepted',
    {
      rectificationId: id,
      source: { kind: 'audit-finding', id: `finding-${id}` },
      responsibleUnitId: unit,
      verificationNote: '已验收',
      acceptedAt: at,
      acceptedBy: 'supervisor-01',
      acceptedByUnit: 'supervision',
      deadline: deadline(dueDate, 15),
      onTime: at.slice(0, 10) <= dueDate,
      reboundCount,
    },
    at,
  );
