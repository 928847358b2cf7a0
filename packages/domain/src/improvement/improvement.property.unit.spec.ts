import { describe, it } from 'vitest';
import { assertNeverThrows } from '../complaint/fuzz.test.js';
import type { ImprovementCommand } from './commands.js';
import { improvementDecider } from './decider.js';

const milestones = [{ id: 'm1', title: '里程碑', dueDate: '2027-12-31' }];
const samples: readonly ImprovementCommand[] = [
  {
    type: 'PlanImprovement',
    data: {
      planId: 'P1',
      goal: '目标',
      measures: ['措施'],
      responsibleDepartmentId: 'd1',
      milestones,
    },
  },
  { type: 'StartImprovement', data: {} },
  { type: 'CompleteMilestone', data: { milestoneId: 'm1', result: '完成' } },
  { type: 'CheckImprovement', data: { measuredResult: '结果', goalMet: false } },
  { type: 'ActOnImprovement', data: { decision: 'standardise', actions: ['固化'] } },
  {
    type: 'ActOnImprovement',
    data: { decision: 'next-cycle', actions: ['再来'], nextMilestones: milestones },
  },
];

describe('Improvement decider properties (X-05, AUD-04)', () => {
  it('X-05 AUD-04 no random command sequence throws, and refolding gives the same state', () => {
    assertNeverThrows(improvementDecider, samples, 20260706, [
      'ImprovementMilestoneCompleted',
      'ImprovementActed',
    ]);
  });
});
