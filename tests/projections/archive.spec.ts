import { createMemoryEventStore } from '@civic-ledger/adapters';
import {
  type ArchiveCommand,
  archiveDecider,
  archiveStreamId,
  handleCommand,
} from '@civic-ledger/domain';
import { testContext } from '@civic-ledger/domain/testing';
import {
  buildProjection,
  caseArchiveProjection,
  createCaseArchiveProjection,
  createFacilityArchiveProjection,
  facilityArchiveProjection,
  foldProjection,
} from '@civic-ledger/projections';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  completeTask,
  completeTicket,
  deadline,
  inspect,
  rateTicket,
  receiveTicket,
  registerFacility,
  scheduleTask,
} from './support/fixtures.js';
import { actor, createLog, type Log } from './support/log.js';

const supervisor = { id: 'head-01', role: 'maintenance-head', unit: 'water-co' };
const tech = { id: 'staff-tech', name: '王工' };

const facilityHistory = (): Log => {
  const log = createLog();
  registerFacility(log, 'F1', '2026-01-05T09:00:00+08:00');
  log.facility(
    'F1',
    'TechnicalDocumentAttached',
    {
      document: {
        documentId: 'DOC-2',
        kind: 'equipment-parameters',
        title: '水泵参数',
        uri: 'https://docs.example.cn/2',
        checksum: `sha256:${'b'.repeat(64)}`,
      },
      attachedAt: '2026-01-06T09:00:00+08:00',
    },
    '2026-01-06T09:00:00+08:00',
  );
  log.facility(
    'F1',
    'FacilityRegistrationCorrected',
    {
      changed: ['location'],
      before: { location: '幸福路 1 号' },
      after: { location: '幸福路 3 号' },
      reason: '门牌号登记错误',
      correctedBy: supervisor,
      correctedAt: '2026-01-07T09:00:00+08:00',
    },
    '2026-01-07T09:00:00+08:00',
  );
  scheduleTask(log, 'F1', 'T1', '2026-03-31', '2026-01-07T10:00:00+08:00');
  inspect(log, 'F1', 'R1', '2026-03-20T09:00:00+08:00', 'not-intact', {
    faultId: 'FLT-1',
    taskId: 'T1',
  });
  log.facility(
    'F1',
    'FaultReported',
    {
      faultId: 'FLT-1',
      source: 'inspection',
      recordId: 'R1',
      description: '管道渗漏',
      urgency: 'urgent',
      reportedAt: '2026-03-20T09:00:00+08:00',
    },
    '2026-03-20T09:00:00+08:00',
  );
  completeTask(log, 'F1', 'T1', '2026-03-31', '2026-03-20');
  log.facility(
    'F1',
    'MaintenanceRecordReviewed',
    {
      recordId: 'R1',
      recordNumber: 'R-R1',
      decision: 'approved',
      reviewer: supervisor,
      reviewedAt: '2026-03-21T09:00:00+08:00',
      final: true,
    },
    '2026-03-21T09:00:00+08:00',
  );
  log.facility(
    'F1',
    'RepairOrdered',
    {
      repairOrderId: 'RO-1',
      faultId: 'FLT-1',
      repairClass: 'moderate',
      priority: 'urgent',
      assignee: tech,
      orderedAt: '2026-03-20T10:00:00+08:00',
    },
    '2026-03-20T10:00:00+08:00',
  );
  log.facility(
    'F1',
    'RepairStarted',
    { repairOrderId: 'RO-1', startedAt: '2026-03-20T11:00:00+08:00', performedBy: tech },
    '2026-03-20T11:00:00+08:00',
  );
  log.facility(
    'F1',
    'RepairCompleted',
    {
      repairOrderId: 'RO-1',
      faultId: 'FLT-1',
      repairClass: 'moderate',
      completedAt: '2026-03-20T15:00:00+08:00',
      performedBy: tech,
      outcome: '更换密封圈',
    },
    '2026-03-20T15:00:00+08:00',
  );
  log.facility(
    'F1',
    'FaultResolved',
    { faultId: 'FLT-1', repairOrderId: 'RO-1', resolvedAt: '2026-03-20T16:00:00+08:00' },
    '2026-03-20T16:00:00+08:00',
  );
  inspect(log, 'F1', 'R2', '2026-03-21T09:00:00+08:00', 'intact');
  log.facility(
    'F1',
    'UsageRecorded',
    {
      usageRecordId: 'U1',
      user: { name: '李四' },
      usedAt: '2026-04-01T09:00:00+08:00',
      state: 'normal',
      operation: '开泵',
      durationMinutes: 60,
    },
    '2026-04-01T09:00:00+08:00',
  );
  log.facility(
    'F1',
    'SafetyRecordAdded',
    {
      safetyRecordId: 'SR-1',
      kind: 'drill',
      title: '停水应急演练',
      occurredAt: '2026-04-10T09:00:00+08:00',
      summary: '演练顺利',
      participants: [tech],
      documents: [],
      recordedBy: supervisor,
      recordedAt: '2026-04-10T12:00:00+08:00',
    },
    '2026-04-10T12:00:00+08:00',
  );
  log.facility(
    'F1',
    'SafetyRecordReviewed',
    {
      safetyRecordId: 'SR-1',
      decision: 'approved',
      reviewer: supervisor,
      reviewedAt: '2026-04-11T09:00:00+08:00',
    },
    '2026-04-11T09:00:00+08:00',
  );
  return log;
};

describe('facility archive (ARC-01, ARC-03)', () => {
  it('ARC-01 one dossier holds basic info, documents, tasks, inspections with review status, faults and repairs, usage, safety and condition', () => {
    const log = facilityHistory();
    const q = facilityArchiveProjection.queries(
      foldProjection(facilityArchiveProjection, log.events),
    );
    const d = q.dossier('F1');
    expect(d).toBeDefined();
    if (!d) return;
    expect(d.basicInfo).toMatchObject({
      name: '设施 F1',
      location: '幸福路 3 号',
      classKey: 'water-supply',
    });
    expect(d.technicalDocuments.map((t) => t.documentId)).toEqual(['DOC-1', 'DOC-2']);
    expect(d.tasks).toEqual([
      expect.objectContaining({
        taskId: 'T1',
        status: 'done',
        onTime: true,
        completedOn: '2026-03-20',
      }),
    ]);
    expect(d.inspections.map((i) => [i.record.recordId, i.reviewStatus])).toEqual([
      ['R1', 'approved'],
      ['R2', 'pending'],
    ]);
    expect(d.faults).toEqual([
      expect.objectContaining({
        status: 'resolved',
        repairs: [
          expect.objectContaining({ status: 'completed', startedAt: '2026-03-20T11:00:00+08:00' }),
        ],
      }),
    ]);
    expect(d.usage).toHaveLength(1);
    expect(d.safety[0]?.reviews).toEqual([expect.objectContaining({ decision: 'approved' })]);
    expect(d.condition).toEqual({
      condition: 'intact',
      since: '2026-03-21T09:00:00+08:00',
      recordId: 'R2',
    });
    expect(q.list({ classKey: 'water-supply' })).toEqual(['F1']);
  });

  it('ARC-03 every correction says who, when, what and why; every change is traceable to its event', () => {
    const log = facilityHistory();
    const d = facilityArchiveProjection
      .queries(foldProjection(facilityArchiveProjection, log.events))
      .dossier('F1');
    expect(d?.corrections).toEqual([
      expect.objectContaining({
        changed: ['location'],
        before: { location: '幸福路 1 号' },
        after: { location: '幸福路 3 号' },
        reason: '门牌号登记错误',
        correctedBy: supervisor,
        correctedAt: '2026-01-07T09:00:00+08:00',
        eventId: log.events[2]?.envelope.eventId,
      }),
    ]);
    expect(d?.changes).toHaveLength(log.events.length);
    expect(d?.changes[2]).toMatchObject({
      type: 'FacilityRegistrationCorrected',
      reason: '门牌号登记错误',
      actor,
      position: '3',
    });
  });

  it('ARC-01 X-06 names are masked in the archive; only the privileged build shows them', () => {
    const log = facilityHistory();
    const masked = facilityArchiveProjection
      .queries(foldProjection(facilityArchiveProjection, log.events))
      .dossier('F1');
    expect(masked?.basicInfo.responsiblePerson.name).toBe('王*');
    expect(masked?.usage[0]?.user.name).toBe('李*');
    const privileged = createFacilityArchiveProjection({ privileged: true });
    expect(privileged.name).not.toBe(facilityArchiveProjection.name);
    expect(
      privileged.queries(foldProjection(privileged, log.events)).dossier('F1')?.basicInfo
        .responsiblePerson.name,
    ).toBe('王工');
  });

  it('ARC-01 safety and emergency records include the incidents that affected the facility and its reserve capacity', () => {
    const log = facilityHistory();
    const lead = { personId: 'head-01', role: '应急指挥', unit: 'water-co' };
    log.incident(
      'I1',
      'IncidentWarningIssued',
      {
        incidentId: 'I1',
        title: '暴雨内涝',
        level: 'III',
        affectedFacilities: ['F1', 'F-unknown'],
        lead,
        at: '2026-07-01T08:00:00+08:00',
      },
      '2026-07-01T08:00:00+08:00',
    );
    log.incident(
      'I1',
      'IncidentLevelChanged',
      { at: '2026-07-01T10:00:00+08:00', from: 'III', to: 'II', reason: '雨势加大' },
      '2026-07-01T10:00:00+08:00',
    );
    log.reserve(
      'F1',
      'ReserveCapacityRecorded',
      {
        recordId: 'RC1',
        facilityId: 'F1',
        kind: 'water',
        measuredAt: '2026-07-02T08:00:00+08:00',
        reserve: 25,
        demand: 100,
        measure: 'm3',
        ratio: 0.25,
        minimum: 0.3,
        belowMinimum: true,
      },
      '2026-07-02T08:00:00+08:00',
    );
    const d = facilityArchiveProjection
      .queries(foldProjection(facilityArchiveProjection, log.events))
      .dossier('F1');
    expect(d?.incidents).toEqual([
      {
        incidentId: 'I1',
        title: '暴雨内涝',
        level: 'II',
        status: 'IncidentLevelChanged',
        steps: [
          { type: 'IncidentWarningIssued', at: '2026-07-01T08:00:00+08:00' },
          { type: 'IncidentLevelChanged', at: '2026-07-01T10:00:00+08:00' },
        ],
      },
    ]);
    expect(d?.reserves).toEqual([
      expect.objectContaining({
        type: 'ReserveCapacityRecorded',
        data: expect.objectContaining({ ratio: 0.25, belowMinimum: true }),
      }),
    ]);
  });

  it('ARC-01 a dossier a query returned does not change when later events are applied', () => {
    const log = facilityHistory();
    const state = foldProjection(facilityArchiveProjection, log.events);
    const before = facilityArchiveProjection.queries(state).dossier('F1');
    const usage = before?.usage.length;
    const extra = createLog();
    extra.facility(
      'F1',
      'UsageRecorded',
      {
        usageRecordId: 'U2',
        user: {},
        usedAt: '2026-05-01T09:00:00+08:00',
        state: 'normal',
        operation: '关泵',
      },
      '2026-05-01T09:00:00+08:00',
    );
    facilityArchiveProjection.apply(state, { ...extra.events[0]!, position: 999n });
    expect(before?.usage.length).toBe(usage);
    expect(facilityArchiveProjection.queries(state).dossier('F1')?.usage.length).toBe(
      (usage ?? 0) + 1,
    );
  });
});

const ctxAt = (now: string) =>
  testContext({ now, actor: { id: 'archivist', role: 'archivist', unit: 'records-office' } });

describe('case archive (ARC-02, ARC-04)', () => {
  const ticketLog = () => {
    const log = createLog();
    receiveTicket(log, 'T1', '2016-02-01T09:00:00+08:00', { windowId: 'W1' });
    log.ticket(
      'T1',
      'TicketReviewed',
      {
        ticketId: 'T1',
        at: '2016-02-03T09:00:00+08:00',
        outcome: 'reject',
        reasonCode: 'materials-incomplete',
        reasonText: '缺少户口簿',
        reviewerId: 'staff-002',
        serviceType: 'elderly-subsidy',
        centreId: 'centre-01',
        reviewDeadline: deadline('2016-02-05'),
        withinLimit: true,
      },
      '2016-02-03T09:00:00+08:00',
    );
    completeTicket(log, 'T1', '2016-02-20T09:00:00+08:00', true);
    rateTicket(log, 'T1', '2016-02-21T09:00:00+08:00', 2, { dimensions: { attitude: 1 } });
    log.ticket(
      'T1',
      'ReturnVisitMade',
      {
        ticketId: 'T1',
        at: '2016-02-22T09:00:00+08:00',
        method: 'phone',
        resolved: true,
        summary: '张三表示已解决',
        staffId: 'staff-001',
        afterBadRating: true,
      },
      '2016-02-22T09:00:00+08:00',
    );
    return log;
  };

  it('ARC-02 a ticket file holds the application, decisions with reasons, evaluation and feedback, masked', () => {
    const log = ticketLog();
    const q = caseArchiveProjection.queries(foldProjection(caseArchiveProjection, log.events));
    const f = q.file('ticket', 'T1');
    expect(f?.application).toMatchObject({
      serviceType: 'elderly-subsidy',
      applicant: { name: '张*' },
    });
    expect(JSON.stringify(f)).not.toContain('11010519491231002X');
    expect(f?.decisions).toEqual([
      expect.objectContaining({
        type: 'TicketReviewed',
        outcome: 'reject',
        by: 'staff-002',
        reason: 'materials-incomplete: 缺少户口簿',
      }),
    ]);
    expect(f?.evaluations).toEqual([
      expect.objectContaining({ level: 2, bad: true, dimensions: { attitude: 1 } }),
    ]);
    expect(f?.feedback.map((x) => x.type)).toEqual(['TicketCompleted', 'ReturnVisitMade']);
    // Free text about a person is hidden in the masked archive.
    expect(f?.feedback[1]?.detail.summary).not.toBe('张三表示已解决');
    expect(f?.timeline.map((t) => t.type)).toEqual(log.events.map((e) => e.envelope.type));
  });

  it('ARC-02 ARC-04 classified and numbered by the Archive aggregate; destroyed only after backup and retention, on record', async () => {
    const store = createMemoryEventStore();
    for (const e of ticketLog().events)
      await store.append(e.envelope.streamId, e.envelope.streamVersion - 1, [e.envelope]);
    let n = 0;
    const run = (command: ArchiveCommand, now: string) =>
      handleCommand(
        { store, clock: () => now },
        archiveDecider,
        archiveStreamId('T1'),
        command,
        ctxAt(now),
        { commandId: `arc-${++n}`, actor: ctxAt(now).actor, occurredAt: now },
      );
    const classify = await run(
      {
        type: 'ClassifyArchive',
        data: {
          caseId: 'T1',
          caseKind: 'ticket',
          archiveNumber: 'WS-2016-0001',
          archiveClass: 'short',
          closedOn: '2016-03-01',
          accessLevel: 'internal',
        },
      },
      '2016-03-02T09:00:00+08:00',
    );
    expect(E.isRight(classify)).toBe(true);
    const destroy: ArchiveCommand = {
      type: 'DestroyArchive',
      data: {
        designatedPersonId: 'archivist',
        handOver: {
          receiverId: 'staff-009',
          receiverUnit: 'records-office',
          recordRef: 'XH-2026-5',
        },
        reason: '保管期满',
      },
    };
    // Retention (10 years for "short") has expired on 2026-11-20, but there is no backup yet.
    expect(await run(destroy, '2026-11-20T09:00:00+08:00')).toMatchObject({
      _tag: 'Left',
      left: { code: 'ARCHIVE_NO_BACKUP', requirement: 'ARC-04' },
    });

    const built = await buildProjection(store, caseArchiveProjection);
    expect(built.query.file('ticket', 'T1')?.archive).toMatchObject({
      archiveNumber: 'WS-2016-0001',
      archiveClass: 'short',
      retentionExpiresOn: '2026-03-01',
      accessLevel: 'internal',
    });
    expect(built.query.retentionExpired('2026-11-20')).toEqual([
      {
        kind: 'ticket',
        caseId: 'T1',
        archiveNumber: 'WS-2016-0001',
        retentionExpiresOn: '2026-03-01',
        backedUp: false,
      },
    ]);
    // Access level: a reader cleared only for public files does not see an internal one.
    expect(built.query.file('ticket', 'T1', { clearance: 'public' })).toBeUndefined();
    expect(built.query.file('ticket', 'T1', { clearance: 'confidential' })).toBeDefined();

    await run(
      { type: 'RecordArchiveBackup', data: { backupRef: 'BK-77', location: '异地库 3 号' } },
      '2026-11-20T10:00:00+08:00',
    );
    expect(E.isRight(await run(destroy, '2026-11-20T11:00:00+08:00'))).toBe(true);
    const after = await buildProjection(store, caseArchiveProjection);
    expect(after.query.file('ticket', 'T1')?.archive?.destroyed).toEqual({
      destroyedOn: '2026-11-20',
      designatedPersonId: 'archivist',
      handOver: { receiverId: 'staff-009', receiverUnit: 'records-office', recordRef: 'XH-2026-5' },
      reason: '保管期满',
      backupRef: 'BK-77',
      by: ctxAt('2026-11-20T11:00:00+08:00').actor,
    });
    expect(after.query.retentionExpired('2026-11-20')).toEqual([]);
    expect(after.query.list({ destroyed: true })).toEqual([{ kind: 'ticket', caseId: 'T1' }]);
  });

  it('ARC-02 a complaint file: received, classified, investigated, answered, visited; confidential identity masked (CMP-06)', () => {
    const log = createLog();
    log.complaint(
      'C1',
      'ComplaintReceived',
      {
        complaintId: 'C1',
        channel: 'phone',
        form: 'electronic',
        complainant: { anonymous: false, name: '赵六', phone: '13900001111' },
        respondent: { kind: 'staff', id: 'staff-001' },
        content: '态度差',
        demands: ['道歉'],
        unitId: 'centre-01',
        confidential: true,
        firstResponsibleId: 'staff-009',
        receivedAt: '2026-11-02T09:00:00+08:00',
        answerDeadline: deadline('2026-11-05', 3),
      },
      '2026-11-02T09:00:00+08:00',
    );
    log.complaint(
      'C1',
      'ComplaintClassified',
      {
        complaintId: 'C1',
        gradeId: 'general',
        gradeName: '一般',
        escalationRequired: false,
        classifiedAt: '2026-11-02T10:00:00+08:00',
      },
      '2026-11-02T10:00:00+08:00',
    );
    log.complaint(
      'C1',
      'ComplaintInvestigated',
      {
        complaintId: 'C1',
        verified: true,
        findings: '属实',
        respondent: { kind: 'staff', id: 'staff-001' },
        responsibleUnitId: 'centre-01',
        investigatedAt: '2026-11-03T10:00:00+08:00',
      },
      '2026-11-03T10:00:00+08:00',
    );
    log.complaint(
      'C1',
      'ComplaintReturnVisited',
      { complaintId: 'C1', outcome: 'satisfied', level: 4, visitedAt: '2026-11-06T10:00:00+08:00' },
      '2026-11-06T10:00:00+08:00',
    );
    const f = caseArchiveProjection
      .queries(foldProjection(caseArchiveProjection, log.events))
      .file('complaint', 'C1');
    expect(f?.application).toMatchObject({ complainant: { name: '赵*', phone: '139****1111' } });
    expect(f?.decisions.map((d) => [d.type, d.outcome])).toEqual([
      ['ComplaintClassified', 'general'],
      ['ComplaintInvestigated', 'verified'],
    ]);
    expect(f?.evaluations).toEqual([
      { at: '2026-11-06T10:00:00+08:00', outcome: 'satisfied', level: 4 },
    ]);
    const privileged = createCaseArchiveProjection({ privileged: true });
    expect(
      privileged.queries(foldProjection(privileged, log.events)).file('complaint', 'C1')
        ?.application,
    ).toMatchObject({ complainant: { name: '赵六' } });
  });
});
