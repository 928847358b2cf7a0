import { describe, it } from 'vitest';
import { assertNeverThrows } from '../complaint/fuzz.test.js';
import type { RectificationCommand } from './commands.js';
import { rectificationDecider } from './decider.js';

const samples: readonly RectificationCommand[] = [
  {
    type: 'OpenRectification',
    data: {
      rectificationId: 'R1',
      source: { kind: 'audit-finding', id: 'F1' },
      responsibleUnitId: 'centre-01',
      issue: '问题',
      measures: ['措施'],
    },
  },
  {
    type: 'OpenRectification',
    data: {
      rectificationId: 'R2',
      source: { kind: 'bad-rating', id: 'T1' },
      responsibleUnitId: 'dept-02',
      issue: '差评',
    },
  },
  { type: 'VerifyRectificationSource', data: { founded: true, note: '属实' } },
  { type: 'VerifyRectificationSource', data: { founded: false, note: '不属实' } },
  { type: 'SetRectificationMeasures', data: { measures: ['措施'] } },
  { type: 'ReportRectificationProgress', data: { note: '进展', percentComplete: 50 } },
  { type: 'SubmitRectification', data: { summary: '完成' } },
  { type: 'AcceptRectification', data: { verificationNote: '合格' } },
  { type: 'RejectRectification', data: { reason: '不合格' } },
  { type: 'ReopenRectification', data: { reason: '反弹' } },
];

describe('Rectification decider properties (X-05, AUD-02)', () => {
  it('X-05 AUD-02 no random command sequence throws, and refolding gives the same state', () => {
    assertNeverThrows(rectificationDecider, samples, 20261023, [
      'RectificationAccepted',
      'RectificationRejected',
      'RectificationReopened',
      'RectificationSourceVerified',
    ]);
  });
});
