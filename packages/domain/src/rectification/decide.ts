import * as E from 'fp-ts/lib/Either.js';
import { isOnTime } from '../calendar/deadline-schema.js';
import type { DecideContext } from '../kernel/context.js';
import {
  type CommandHandlers,
  createDecide,
  type DecideFunction,
  type DecideResult,
  stepGuard,
} from '../kernel/dispatch.js';
import { plainEvents } from '../kernel/plain-json.js';
import type { RequirementId } from '../kernel/requirement.js';
import {
  type RectificationCommand,
  RectificationCommandSchemas,
  type RectificationCommandType,
} from './commands.js';
import {
  rectificationAlreadyVerified,
  rectificationMeasuresMissing,
  rectificationNotSupervisor,
  rectificationSelfAcceptance,
  rectificationStepNotAllowed,
  rectificationVerificationPending,
} from './errors.js';
import type { RectificationEvent } from './events.js';
import type { RectificationState } from './state.js';

type Result = DecideResult<RectificationEvent>;

const requirementOf: Record<RectificationCommandType, RequirementId> = {
  OpenRectification: 'AUD-02',
  VerifyRectificationSource: 'SAT-02',
  SetRectificationMeasures: 'AUD-02',
  ReportRectificationProgress: 'AUD-02',
  SubmitRectification: 'AUD-02',
  AcceptRectification: 'AUD-02',
  RejectRectification: 'AUD-02',
  ReopenRectification: 'AUD-02',
};

const inStep = stepGuard<RectificationState, RectificationEvent, RectificationCommandType>(
  rectificationStepNotAllowed,
);

/** AUD-02: acceptance, rejection and rebound are the supervising department's to record. */
const asSupervisor = (
  state: RectificationState,
  ctx: DecideContext,
  decide: () => Result,
): Result => {
  const required = ctx.policy.audit.acceptanceRole;
  if (ctx.actor.role !== required)
    return E.left(rectificationNotSupervisor(ctx.actor.id, ctx.actor.role, required));
  if (ctx.actor.unit === state.responsibleUnitId)
    return E.left(rectificationSelfAcceptance(ctx.actor.id, ctx.actor.unit));
  return decide();
};

const id = (state: RectificationState): string => state.rectificationId ?? '';
const deadlineOf = (ctx: DecideContext, override: number | undefined) =>
  ctx.calendar.deadline(ctx.now, override ?? ctx.policy.audit.rectificationWorkdays);
const sourceOf = (state: RectificationState) =>
  state.source ?? { kind: 'other' as const, id: 'unknown' };

const handlers: CommandHandlers<
  typeof RectificationCommandSchemas,
  RectificationEvent,
  RectificationState,
  DecideContext
> = {
  OpenRectification: (data, state, ctx) =>
    inStep(state, ['none'], 'OpenRectification', () => {
      const { deadlineWorkdays, verificationRequired, ...rest } = data;
      return E.right([
        {
          type: 'RectificationOpened',
          data: {
            ...rest,
            deadline: deadlineOf(ctx, deadlineWorkdays),
            verificationRequired: verificationRequired ?? data.source.kind === 'bad-rating',
            openedAt: ctx.now,
          },
        },
      ]);
    }),

  VerifyRectificationSource: (data, state, ctx) =>
    inStep(state, ['open'], 'VerifyRectificationSource', () =>
      asSupervisor(state, ctx, () =>
        state.verified
          ? E.left(rectificationAlreadyVerified())
          : E.right([
              {
                type: 'RectificationSourceVerified',
                data: {
                  rectificationId: id(state),
                  source: sourceOf(state),
                  responsibleUnitId: state.responsibleUnitId ?? '',
                  ...data,
                  verifiedAt: ctx.now,
                  verifiedBy: ctx.actor.id,
                },
              },
            ]),
      ),
    ),

  SetRectificationMeasures: (data, state, ctx) =>
    inStep(state, ['open'], 'SetRectificationMeasures', () =>
      E.right([
        {
          type: 'RectificationMeasuresSet',
          data: { rectificationId: id(state), ...data, setAt: ctx.now },
        },
      ]),
    ),

  ReportRectificationProgress: (data, state, ctx) =>
    inStep(state, ['open'], 'ReportRectificationProgress', () =>
      E.right([
        {
          type: 'RectificationProgressReported',
          data: { rectificationId: id(state), ...data, reportedAt: ctx.now },
        },
      ]),
    ),

  SubmitRectification: (data, state, ctx) =>
    inStep(state, ['open'], 'SubmitRectification', () => {
      if (state.verificationRequired && !state.verified)
        return E.left(rectificationVerificationPending());
      if (!state.hasMeasures) return E.left(rectificationMeasuresMissing());
      const dueAt = state.deadline?.dueAt ?? ctx.now;
      return E.right([
        {
          type: 'RectificationSubmitted',
          data: {
            rectificationId: id(state),
            ...data,
            submittedAt: ctx.now,
            dueAt,
            beforeDeadline: isOnTime({ dueAt }, ctx.now),
          },
        },
      ]);
    }),

  AcceptRectification: (data, state, ctx) =>
    inStep(state, ['submitted'], 'AcceptRectification', () =>
      asSupervisor(state, ctx, () => {
        const deadline = state.deadline ?? deadlineOf(ctx, undefined);
        return E.right([
          {
            type: 'RectificationAccepted',
            data: {
              rectificationId: id(state),
              source: sourceOf(state),
              responsibleUnitId: state.responsibleUnitId ?? '',
              verificationNote: data.verificationNote,
              acceptedAt: ctx.now,
              acceptedBy: ctx.actor.id,
              acceptedByUnit: ctx.actor.unit,
              deadline,
              onTime: isOnTime(deadline, ctx.now),
              reboundCount: state.reboundCount,
            },
          },
        ]);
      }),
    ),

  RejectRectification: (data, state, ctx) =>
    inStep(state, ['submitted'], 'RejectRectification', () =>
      asSupervisor(state, ctx, () =>
        E.right([
          {
            type: 'RectificationRejected',
            data: {
              rectificationId: id(state),
              reason: data.reason,
              rejectedAt: ctx.now,
              rejectedBy: ctx.actor.id,
            },
          },
        ]),
      ),
    ),

  ReopenRectification: (data, state, ctx) =>
    inStep(state, ['accepted'], 'ReopenRectification', () =>
      asSupervisor(state, ctx, () =>
        E.right([
          {
            type: 'RectificationReopened',
            data: {
              rectificationId: id(state),
              source: sourceOf(state),
              responsibleUnitId: state.responsibleUnitId ?? '',
              reason: data.reason,
              reboundCount: state.reboundCount + 1,
              deadline: deadlineOf(ctx, data.deadlineWorkdays),
              reopenedAt: ctx.now,
            },
          },
        ]),
      ),
    ),
};

/** Decides a rectification command (AUD-02); never throws. */
export const decideRectification: DecideFunction<
  RectificationCommand,
  RectificationEvent,
  RectificationState
> = createDecide({
  aggregate: { zh: '整改', en: 'rectification' },
  unknownCode: 'RECTIFICATION_UNKNOWN_COMMAND',
  schemas: RectificationCommandSchemas,
  requirementOf,
  handlers,
  finish: plainEvents,
});
