import { describe, expect, it } from 'vitest';
import { given } from '../testing/index.js';
import { facilityDecider } from './decider.js';
import { accepted, cmd, ctx, history, refused, register } from './fixtures.test.js';
import { renovationStages } from './schemas.js';

const open = cmd('OpenRenovationProject', {
  projectId: 'RN-1',
  kind: 'smart',
  title: '泵房智能监测改造',
});
const stage = (s: string) =>
  cmd('CompleteRenovationStage', {
    projectId: 'RN-1',
    stage: s,
    summary: `${s} 完成`,
    responsible: { id: 'eng-01', name: '陈工' },
  });

describe('Renovation projects (FAC-07)', () => {
  it('FAC-07 given an open project, when every step is completed in order, then each records who and when', () => {
    const base = history(register(), open);
    expect(base[1]).toMatchObject({
      type: 'RenovationProjectOpened',
      data: { kind: 'smart', openedBy: ctx().actor, openedAt: ctx().now },
    });
    let events = base;
    for (const s of renovationStages) {
      const next = accepted(given(facilityDecider, events).when(stage(s), ctx()));
      expect(next[0]).toMatchObject({
        type: 'RenovationStageCompleted',
        data: {
          stage: s,
          completedBy: ctx().actor,
          completedAt: ctx().now,
          responsible: { id: 'eng-01' },
        },
      });
      events = [...events, ...next];
    }
    expect(given(facilityDecider, events).state.renovations['RN-1']?.stage).toBe('operation');
  });

  it('FAC-07 when a step is skipped, then it is refused naming the step that must come next', () => {
    const base = history(register(), open, stage('needs-analysis'), stage('design'));
    const error = refused(given(facilityDecider, base).when(stage('implementation'), ctx()));
    expect(error).toMatchObject({
      kind: 'transition',
      code: 'FACILITY_RENOVATION_STEP_SKIPPED',
      requirement: 'FAC-07',
      path: ['stage'],
      from: 'design',
      attempted: 'implementation',
    });
    expect(error.message.en).toContain("next is 'approval'");
  });

  it('FAC-07 the first step is the needs analysis, and a step cannot be repeated', () => {
    const base = history(register(), open);
    expect(refused(given(facilityDecider, base).when(stage('design'), ctx()))).toMatchObject({
      code: 'FACILITY_RENOVATION_STEP_SKIPPED',
      from: 'opened',
    });
    const analysed = history(register(), open, stage('needs-analysis'));
    expect(
      refused(given(facilityDecider, analysed).when(stage('needs-analysis'), ctx())),
    ).toMatchObject({
      code: 'FACILITY_RENOVATION_STEP_SKIPPED',
      path: ['stage'],
    });
  });

  it('FAC-07 only the four kinds exist', () => {
    const error = refused(
      given(facilityDecider, history(register())).when(
        cmd('OpenRenovationProject', { projectId: 'RN-2', kind: 'cosmetic', title: '粉刷' }),
        ctx(),
      ),
    );
    expect(error).toMatchObject({ requirement: 'FAC-07', path: ['kind'] });
  });
});
