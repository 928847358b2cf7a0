import { describe, it } from 'vitest';
import { assertNeverThrows } from '../complaint/fuzz.test.js';
import type { AuditCommand } from './commands.js';
import { auditDecider } from './decider.js';

const samples: readonly AuditCommand[] = [
  {
    type: 'OpenAudit',
    data: {
      auditId: 'A1',
      kind: 'periodic',
      scope: { level: 'window', id: 'w1' },
      supervisingUnitId: 'sup',
      checklist: [{ id: 'i1', text: '检查项' }],
    },
  },
  { type: 'RecordChecklistResult', data: { itemId: 'i1', result: 'fail' } },
  {
    type: 'RecordFinding',
    data: { findingId: 'f1', severity: 'serious', description: '问题', responsibleUnitId: 'u1' },
  },
  { type: 'CloseAudit', data: { conclusion: '结论' } },
  {
    type: 'RecordComprehensiveEvaluation',
    data: {
      period: { year: 2026, index: 1 },
      scores: [{ subjectKind: 'unit', subjectId: 'u1', score: 75 }],
    },
  },
  {
    type: 'PublishAuditResults',
    data: { period: '2026', channel: '网站', figures: { rectificationsOpen: 0 } },
  },
];

describe('Audit decider properties (X-05, AUD-01)', () => {
  it('X-05 AUD-01 no random command sequence throws, and refolding gives the same state', () => {
    assertNeverThrows(auditDecider, samples, 20260701, [
      'AuditClosed',
      'ComprehensiveEvaluationRecorded',
      'AuditResultsPublished',
    ]);
  });
});
