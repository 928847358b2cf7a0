import * as E from 'fp-ts/lib/Either.js';
import type { DecideContext } from '../kernel/context.js';
import {
  type CommandHandlers,
  createDecide,
  type DecideResult,
  stepGuard,
} from '../kernel/dispatch.js';
import { plainEvents } from '../kernel/plain-json.js';
import type { RequirementId } from '../kernel/requirement.js';
import { type AuditCommand, AuditCommandSchemas, type AuditCommandType } from './commands.js';
import {
  auditAlreadyEvaluated,
  auditAlreadyPublished,
  auditChecklistIncomplete,
  auditDuplicateFinding,
  auditEvaluationNotPeriodic,
  auditEvaluationPeriodInvalid,
  auditItemAlreadyChecked,
  auditStepNotAllowed,
  auditUnknownChecklistItem,
} from './errors.js';
import { evaluationPeriodDates, evaluationPeriodsPerYear } from './evaluation-period.js';
import type { AuditEvent } from './events.js';
import type { AuditState } from './state.js';

type Result = DecideResult<AuditEvent>;

const requirementOf: Record<AuditCommandType, RequirementId> = {
  OpenAudit: 'AUD-01',
  RecordChecklistResult: 'AUD-01',
  RecordFinding: 'AUD-02',
  CloseAudit: 'AUD-01',
  RecordComprehensiveEvaluation: 'AUD-03',
  PublishAuditResults: 'SAT-05',
};

const inStep = stepGuard<AuditState, AuditEvent, AuditCommandType>((from, attempted) =>
  auditStepNotAllowed(from, attempted, requirementOf[attempted]),
);

const id = (state: AuditState): string => state.auditId ?? '';

const handlers: CommandHandlers<typeof AuditCommandSchemas, AuditEvent, AuditState, DecideContext> =
  {
    OpenAudit: (data, state, ctx) =>
      inStep(state, ['none'], 'OpenAudit', () =>
        E.right([{ type: 'AuditOpened', data: { ...data, openedAt: ctx.now } }]),
      ),

    RecordChecklistResult: (data, state, ctx) =>
      inStep(state, ['open'], 'RecordChecklistResult', () => {
        if (!state.checklistIds.includes(data.itemId))
          return E.left(auditUnknownChecklistItem(data.itemId));
        if (state.results.some((r) => r.itemId === data.itemId))
          return E.left(auditItemAlreadyChecked(data.itemId));
        return E.right([
          {
            type: 'ChecklistItemChecked',
            data: { auditId: id(state), ...data, checkedAt: ctx.now },
          },
        ]);
      }),

    RecordFinding: (data, state, ctx) =>
      inStep(state, ['open'], 'RecordFinding', () => {
        if (state.findings.some((f) => f.id === data.findingId))
          return E.left(auditDuplicateFinding(data.findingId));
        if (data.itemId !== undefined && !state.checklistIds.includes(data.itemId))
          return E.left(auditUnknownChecklistItem(data.itemId));
        return E.right([
          {
            type: 'AuditFindingRecorded',
            data: {
              auditId: id(state),
              kind: state.kind ?? 'daily',
              scope: state.scope ?? { level: 'centre', id: 'unknown' },
              supervisingUnitId: state.supervisingUnitId ?? ctx.actor.unit,
              ...data,
              foundAt: ctx.now,
            },
          },
        ]);
      }),

    CloseAudit: (data, state, ctx) =>
      inStep(state, ['open'], 'CloseAudit', () => {
        const missing = state.checklistIds.filter(
          (i) => !state.results.some((r) => r.itemId === i),
        );
        if (missing.length > 0) return E.left(auditChecklistIncomplete(missing));
        const count = (result: string) => state.results.filter((r) => r.result === result).length;
        const severity = (s: string) => state.findings.filter((f) => f.severity === s).length;
        return E.right([
          {
            type: 'AuditClosed',
            data: {
              auditId: id(state),
              kind: state.kind ?? 'daily',
              scope: state.scope ?? { level: 'centre', id: 'unknown' },
              conclusion: data.conclusion,
              items: {
                pass: count('pass'),
                fail: count('fail'),
                notApplicable: count('not-applicable'),
              },
              findings: {
                minor: severity('minor'),
                moderate: severity('moderate'),
                serious: severity('serious'),
                critical: severity('critical'),
              },
              closedAt: ctx.now,
            },
          },
        ]);
      }),

    RecordComprehensiveEvaluation: (data, state, ctx) =>
      inStep(state, ['open', 'closed'], 'RecordComprehensiveEvaluation', () => {
        if (state.kind !== 'periodic') return E.left(auditEvaluationNotPeriodic(state.kind ?? ''));
        if (state.evaluated) return E.left(auditAlreadyEvaluated());
        const months = ctx.policy.audit.comprehensiveEvaluationMonths;
        const periods = evaluationPeriodsPerYear(months);
        if (data.period.index > periods)
          return E.left(auditEvaluationPeriodInvalid(data.period.index, periods));
        const total = data.scores.reduce((sum, s) => sum + s.score, 0);
        return E.right([
          {
            type: 'ComprehensiveEvaluationRecorded',
            data: {
              auditId: id(state),
              period: {
                ...data.period,
                months,
                ...evaluationPeriodDates(data.period.year, data.period.index, months),
              },
              scores: data.scores,
              averageScore: total / data.scores.length,
              evaluatedAt: ctx.now,
            },
          },
        ]);
      }),

    PublishAuditResults: (data, state, ctx) =>
      inStep(state, ['closed'], 'PublishAuditResults', () =>
        state.published
          ? E.left(auditAlreadyPublished())
          : E.right([
              {
                type: 'AuditResultsPublished',
                data: { auditId: id(state), ...data, publishedAt: ctx.now },
              },
            ]),
      ),
  };

/** Decides an audit command (AUD-01, AUD-02 findings, AUD-03, SAT-05); never throws. */
export const decideAudit: (command: AuditCommand, state: AuditState, ctx: DecideContext) => Result =
  createDecide({
    aggregate: { zh: '督查', en: 'audit' },
    unknownCode: 'AUDIT_UNKNOWN_COMMAND',
    schemas: AuditCommandSchemas,
    requirementOf,
    handlers,
    finish: plainEvents,
  });
