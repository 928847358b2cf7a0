import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { definePolicy } from '../policy/define-policy.js';
import { given, testContext } from '../testing/index.js';
import type { AuditCommand } from './commands.js';
import { auditDecider, auditStreamId } from './decider.js';
import type { AuditEvent } from './events.js';

const ctx = testContext({
  now: '2026-10-05T10:00:00+08:00',
  actor: { id: 'sup-01', role: 'supervisor', unit: 'supervision-dept' },
});

const open = (kind: 'daily' | 'periodic' | 'special' | 'third-party', extra = {}): AuditCommand =>
  ({
    type: 'OpenAudit',
    data: {
      auditId: `A-${kind}`,
      kind,
      scope: { level: 'centre', id: 'centre-01' },
      supervisingUnitId: 'supervision-dept',
      checklist: [
        { id: 'signage', text: '标识标牌完好' },
        { id: 'queue', text: '排队等候不超过规定时限' },
      ],
      ...extra,
    },
  }) as AuditCommand;
const check = (itemId: string, result: 'pass' | 'fail' | 'not-applicable'): AuditCommand => ({
  type: 'RecordChecklistResult',
  data: { itemId, result },
});
const finding: AuditCommand = {
  type: 'RecordFinding',
  data: {
    findingId: 'F1',
    itemId: 'signage',
    severity: 'moderate',
    description: '二楼导向标识缺失',
    responsibleUnitId: 'logistics',
  },
};

const run = (commands: readonly AuditCommand[]): AuditEvent[] => {
  const events: AuditEvent[] = [];
  for (const c of commands) {
    const r = given(auditDecider, events).when(c, ctx);
    if (E.isLeft(r)) throw new Error(JSON.stringify(r.left));
    events.push(...r.right);
  }
  return events;
};

describe('Supervision kinds and scope (AUD-01)', () => {
  it.each([
    ['daily', {}],
    ['periodic', {}],
    ['special', { occasion: 'holiday' }],
    ['third-party', { agency: '某第三方评估公司' }],
  ] as const)('AUD-01 opens a %s supervision', (kind, extra) => {
    const result = given(auditDecider).when(open(kind, extra), ctx);
    expect(E.isRight(result) && result.right[0]).toMatchObject({
      type: 'AuditOpened',
      data: { kind, scope: { level: 'centre', id: 'centre-01' }, openedAt: ctx.now },
    });
  });

  it('AUD-01 a special supervision names its occasion, a third-party one its agency', () => {
    const special = given(auditDecider).when(open('special'), ctx);
    expect(E.isLeft(special) && special.left).toMatchObject({
      requirement: 'AUD-01',
      path: ['occasion'],
    });
    const third = given(auditDecider).when(open('third-party'), ctx);
    expect(E.isLeft(third) && third.left.path).toEqual(['agency']);
  });

  it('AUD-01 rejects an unknown kind and scope level', () => {
    const result = given(auditDecider).when(
      open('daily', { kind: 'random', scope: { level: 'city', id: 'x' } }),
      ctx,
    );
    expect(
      E.isLeft(result) &&
        result.left.kind === 'validation' &&
        result.left.issues.map((i) => i.path.join('.')),
    ).toEqual(['kind', 'scope.level']);
  });

  it('AUD-01 records checklist results, once per known item', () => {
    const events = run([open('daily'), check('signage', 'fail')]);
    expect(events[1]).toMatchObject({
      type: 'ChecklistItemChecked',
      data: { auditId: 'A-daily', itemId: 'signage', result: 'fail' },
    });
    const again = given(auditDecider, events).when(check('signage', 'pass'), ctx);
    expect(E.isLeft(again) && again.left.code).toBe('AUDIT_ITEM_ALREADY_CHECKED');
    const unknown = given(auditDecider, events).when(check('toilets', 'pass'), ctx);
    expect(E.isLeft(unknown) && unknown.left).toMatchObject({
      code: 'AUDIT_UNKNOWN_CHECKLIST_ITEM',
      path: ['itemId'],
    });
  });

  it('AUD-01 AUD-02 a finding has a severity and carries the unit and scope a rectification needs', () => {
    const events = run([open('daily'), finding]);
    expect(events[1]).toEqual({
      type: 'AuditFindingRecorded',
      data: {
        auditId: 'A-daily',
        findingId: 'F1',
        kind: 'daily',
        scope: { level: 'centre', id: 'centre-01' },
        itemId: 'signage',
        severity: 'moderate',
        description: '二楼导向标识缺失',
        responsibleUnitId: 'logistics',
        supervisingUnitId: 'supervision-dept',
        rectificationRequired: true,
        foundAt: ctx.now,
      },
    });
    const dup = given(auditDecider, events).when(finding, ctx);
    expect(E.isLeft(dup) && dup.left).toMatchObject({
      code: 'AUDIT_DUPLICATE_FINDING',
      requirement: 'AUD-02',
    });
  });

  it('AUD-01 closes only when every item has a result, with counts', () => {
    const partial = run([open('daily'), check('signage', 'fail'), finding]);
    const early = given(auditDecider, partial).when(
      { type: 'CloseAudit', data: { conclusion: '基本合格' } },
      ctx,
    );
    expect(E.isLeft(early) && early.left).toMatchObject({
      code: 'AUDIT_CHECKLIST_INCOMPLETE',
      requirement: 'AUD-01',
    });
    const complete = [...partial, ...run([open('daily'), check('queue', 'pass')]).slice(1)];
    const closed = given(auditDecider, complete).when(
      { type: 'CloseAudit', data: { conclusion: '基本合格' } },
      ctx,
    );
    expect(E.isRight(closed) && closed.right[0]?.data).toMatchObject({
      items: { pass: 1, fail: 1, notApplicable: 0 },
      findings: { minor: 0, moderate: 1, serious: 0, critical: 0 },
    });
    expect(auditStreamId('A1')).toBe('audit-A1');
  });

  it('AUD-01 a closed supervision takes no more findings', () => {
    const events = run([
      open('daily'),
      check('signage', 'pass'),
      check('queue', 'pass'),
      { type: 'CloseAudit', data: { conclusion: '合格' } },
    ]);
    const result = given(auditDecider, events).when(finding, ctx);
    expect(E.isLeft(result) && result.left).toMatchObject({
      kind: 'transition',
      from: 'closed',
      requirement: 'AUD-02',
    });
  });
});

describe('Comprehensive evaluation (AUD-03)', () => {
  const evaluate = (index: number): AuditCommand => ({
    type: 'RecordComprehensiveEvaluation',
    data: {
      period: { year: 2026, index },
      scores: [
        { subjectKind: 'staff', subjectId: 'staff-007', score: 86 },
        { subjectKind: 'unit', subjectId: 'window-03', score: 92 },
      ],
    },
  });

  it('AUD-03 records the half-yearly evaluation with scores and the period from the policy', () => {
    const result = given(auditDecider, run([open('periodic')])).when(evaluate(2), ctx);
    expect(E.isRight(result) && result.right[0]?.data).toMatchObject({
      period: { year: 2026, index: 2, months: 6, start: '2026-07-01', end: '2026-12-31' },
      averageScore: 89,
      evaluatedAt: ctx.now,
    });
  });

  it('AUD-03 a half-year cycle has no third period; a quarterly policy has four', () => {
    const bad = given(auditDecider, run([open('periodic')])).when(evaluate(3), ctx);
    expect(E.isLeft(bad) && bad.left).toMatchObject({
      code: 'AUDIT_EVALUATION_PERIOD_INVALID',
      requirement: 'AUD-03',
      path: ['period', 'index'],
    });
    const quarterly = testContext({
      now: ctx.now,
      policy: definePolicy({ audit: { comprehensiveEvaluationMonths: 3 } }),
    });
    const ok = given(auditDecider, run([open('periodic')])).when(evaluate(3), quarterly);
    expect(E.isRight(ok) && ok.right[0]?.data).toMatchObject({
      period: { start: '2026-07-01', end: '2026-09-30', months: 3 },
    });
  });

  it('AUD-03 the evaluation belongs to a periodic supervision, once', () => {
    const daily = given(auditDecider, run([open('daily')])).when(evaluate(1), ctx);
    expect(E.isLeft(daily) && daily.left.code).toBe('AUDIT_EVALUATION_NOT_PERIODIC');
    const events = run([open('periodic'), evaluate(1)]);
    const again = given(auditDecider, events).when(evaluate(1), ctx);
    expect(E.isLeft(again) && again.left.code).toBe('AUDIT_ALREADY_EVALUATED');
  });

  it('AUD-03 rejects a score above 100 and a subject scored twice', () => {
    const result = given(auditDecider, run([open('periodic')])).when(
      {
        type: 'RecordComprehensiveEvaluation',
        data: {
          period: { year: 2026, index: 1 },
          scores: [
            { subjectKind: 'staff', subjectId: 's1', score: 101 },
            { subjectKind: 'staff', subjectId: 's1', score: 80 },
          ],
        },
      },
      ctx,
    );
    expect(
      E.isLeft(result) &&
        result.left.kind === 'validation' &&
        result.left.issues.map((i) => i.path.join('.')),
    ).toEqual(['scores.0.score', 'scores.1.subjectId']);
  });
});

describe('Publication of supervision results (SAT-05)', () => {
  const publish: AuditCommand = {
    type: 'PublishAuditResults',
    data: {
      period: '2026-H2',
      channel: '政务公开网站',
      figures: { rectificationsOpen: 1, rectificationsAccepted: 4, rectificationOnTimeRate: 0.75 },
    },
  };
  const closed = () =>
    run([
      open('periodic'),
      check('signage', 'pass'),
      check('queue', 'pass'),
      { type: 'CloseAudit', data: { conclusion: '合格' } },
    ]);

  it('SAT-05 records rectification status published for the half-year', () => {
    const result = given(auditDecider, closed()).when(publish, ctx);
    expect(E.isRight(result) && result.right[0]).toMatchObject({
      type: 'AuditResultsPublished',
      data: { auditId: 'A-periodic', period: '2026-H2', figures: { rectificationsAccepted: 4 } },
    });
  });

  it('SAT-05 publishes only a closed supervision, once, with a valid period', () => {
    const early = given(auditDecider, run([open('periodic')])).when(publish, ctx);
    expect(E.isLeft(early) && early.left).toMatchObject({ requirement: 'SAT-05', from: 'open' });
    const badPeriod = given(auditDecider, closed()).when(
      { ...publish, data: { ...publish.data, period: 'H2' } } as AuditCommand,
      ctx,
    );
    expect(E.isLeft(badPeriod) && badPeriod.left.path).toEqual(['period']);
    const first = given(auditDecider, closed()).when(publish, ctx);
    if (E.isLeft(first)) throw new Error('publish failed');
    const again = given(auditDecider, [...closed(), ...first.right]).when(publish, ctx);
    expect(E.isLeft(again) && again.left.code).toBe('AUDIT_ALREADY_PUBLISHED');
  });
});
