import { describe, it } from 'vitest';
import type { ComplaintCommand } from './commands.js';
import { complaintDecider } from './decider.js';
import { assertNeverThrows } from './fuzz.test.js';

const samples: readonly ComplaintCommand[] = [
  {
    type: 'ReceiveComplaint',
    data: {
      complaintId: 'C1',
      channel: 'on-site',
      form: 'written',
      complainant: { name: '李四', address: '某街道1号' },
      respondent: { kind: 'window', id: 'window-01' },
      content: '排队时间过长',
      demands: ['增加窗口'],
      unitId: 'centre-01',
    },
  },
  { type: 'ClassifyComplaint', data: { gradeId: 'general' } },
  { type: 'ClassifyComplaint', data: { gradeId: 'major' } },
  {
    type: 'EscalateComplaint',
    data: { to: 'higher-department', targetId: 'd1', targetName: '上级', reason: '重大' },
  },
  { type: 'AssignComplaint', data: { handlerId: 'h1', unitId: 'u1' } },
  { type: 'RecordInvestigation', data: { verified: true, findings: '属实' } },
  { type: 'RecordInvestigation', data: { verified: false, findings: '不属实' } },
  { type: 'AnswerComplaint', data: { reply: '答复', via: 'phone' } },
  { type: 'RecordReturnVisit', data: { outcome: 'dissatisfied' } },
  { type: 'CloseComplaint', data: { summary: '办结' } },
  { type: 'MarkComplaintConfidential', data: { reason: '敏感' } },
];

describe('Complaint decider properties (X-05, CMP-04)', () => {
  it('X-05 CMP-04 no random command sequence throws, and refolding gives the same state', () => {
    assertNeverThrows(complaintDecider, samples, 20261001, [
      'ComplaintEscalated',
      'ComplaintClosed',
      'ComplaintMarkedConfidential',
    ]);
  });
});
