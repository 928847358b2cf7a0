import * as E from 'fp-ts/lib/Either.js';
import { isOnTime } from '../calendar/deadline-schema.js';
import type { DecideContext } from '../kernel/context.js';
import {
  type CommandHandlers,
  createDecide,
  type DecideFunction,
  stepGuard,
} from '../kernel/dispatch.js';
import { plainEvents } from '../kernel/plain-json.js';
import type { RequirementId } from '../kernel/requirement.js';
import {
  type ComplaintCommand,
  ComplaintCommandSchemas,
  type ComplaintCommandType,
} from './commands.js';
import {
  complaintAlreadyConfidential,
  complaintEscalationRequired,
  complaintReturnVisitRequired,
  complaintStepNotAllowed,
  complaintUnknownGrade,
} from './errors.js';
import type { ComplaintEvent } from './events.js';
import type { ComplaintState } from './state.js';

/** The requirement each command's input validation enforces. */
const requirementOf: Record<ComplaintCommandType, RequirementId> = {
  ReceiveComplaint: 'CMP-01',
  ClassifyComplaint: 'CMP-02',
  EscalateComplaint: 'CMP-02',
  AssignComplaint: 'CMP-03',
  RecordInvestigation: 'CMP-04',
  AnswerComplaint: 'CMP-03',
  RecordReturnVisit: 'CMP-04',
  CloseComplaint: 'CMP-04',
  MarkComplaintConfidential: 'CMP-06',
};

/** Runs `decide` only in the loop steps that allow the command (CMP-04). */
const inStep = stepGuard<ComplaintState, ComplaintEvent, ComplaintCommandType>(
  complaintStepNotAllowed,
);

const id = (state: ComplaintState): string => state.complaintId ?? '';

const handlers: CommandHandlers<
  typeof ComplaintCommandSchemas,
  ComplaintEvent,
  ComplaintState,
  DecideContext
> = {
  ReceiveComplaint: (data, state, ctx) =>
    inStep(state, ['none'], 'ReceiveComplaint', () =>
      E.right([
        {
          type: 'ComplaintReceived',
          data: {
            ...data,
            firstResponsibleId: data.firstResponsibleId ?? ctx.actor.id,
            receivedAt: ctx.now,
            // CMP-03, X-04: the answer clock starts at receipt and its deadline is stored.
            answerDeadline: ctx.calendar.deadline(ctx.now, ctx.policy.complaint.answerWorkdays),
          },
        },
      ]),
    ),

  ClassifyComplaint: (data, state, ctx) =>
    inStep(state, ['received'], 'ClassifyComplaint', () => {
      const grades = ctx.policy.complaint.grades;
      const grade = grades.find((g) => g.id === data.gradeId);
      if (!grade)
        return E.left(
          complaintUnknownGrade(
            data.gradeId,
            grades.map((g) => g.id),
          ),
        );
      return E.right([
        {
          type: 'ComplaintClassified',
          data: {
            complaintId: id(state),
            gradeId: grade.id,
            gradeName: grade.zh,
            escalationRequired: grade.escalate,
            ...(data.category !== undefined && { category: data.category }),
            classifiedAt: ctx.now,
          },
        },
      ]);
    }),

  EscalateComplaint: (data, state, ctx) =>
    inStep(state, ['classified', 'assigned', 'investigated'], 'EscalateComplaint', () =>
      E.right([
        {
          type: 'ComplaintEscalated',
          data: {
            complaintId: id(state),
            ...data,
            gradeId: state.gradeId ?? '',
            escalatedAt: ctx.now,
          },
        },
      ]),
    ),

  AssignComplaint: (data, state, ctx) =>
    inStep(state, ['classified'], 'AssignComplaint', () =>
      state.escalationRequired && !state.escalated
        ? E.left(complaintEscalationRequired(state.gradeId ?? ''))
        : E.right([
            {
              type: 'ComplaintAssigned',
              data: {
                complaintId: id(state),
                ...data,
                firstResponsibleId: state.firstResponsibleId ?? ctx.actor.id,
                assignedAt: ctx.now,
              },
            },
          ]),
    ),

  RecordInvestigation: (data, state, ctx) =>
    inStep(state, ['assigned'], 'RecordInvestigation', () => {
      const respondent = state.respondent ?? { kind: 'unit', id: state.unitId ?? 'unknown' };
      const respondentUnit = respondent.kind === 'unit' ? respondent.id : respondent.unitId;
      return E.right([
        {
          type: 'ComplaintInvestigated',
          data: {
            complaintId: id(state),
            verified: data.verified,
            findings: data.findings,
            respondent,
            responsibleUnitId:
              data.responsibleUnitId ??
              respondentUnit ??
              state.assignedUnitId ??
              state.unitId ??
              'unknown',
            investigatedAt: ctx.now,
          },
        },
      ]);
    }),

  AnswerComplaint: (data, state, ctx) =>
    inStep(state, ['investigated'], 'AnswerComplaint', () => {
      const receivedAt = state.receivedAt ?? ctx.now;
      const dueAt = state.dueAt ?? ctx.now;
      return E.right([
        {
          type: 'ComplaintAnswered',
          data: {
            complaintId: id(state),
            reply: data.reply,
            via: data.via,
            answeredAt: ctx.now,
            receivedAt,
            dueAt,
            // CMP-03 / K-07: a late answer is still recorded, flagged as late.
            onTime: isOnTime({ dueAt }, ctx.now),
            workdaysTaken: ctx.calendar.workdaysBetween(
              ctx.calendar.dateOf(receivedAt),
              ctx.calendar.dateOf(ctx.now),
            ),
            unitId: state.unitId ?? '',
            verified: state.verified ?? false,
          },
        },
      ]);
    }),

  RecordReturnVisit: (data, state, ctx) =>
    inStep(state, ['answered'], 'RecordReturnVisit', () =>
      E.right([
        {
          type: 'ComplaintReturnVisited',
          data: { complaintId: id(state), ...data, visitedAt: ctx.now },
        },
      ]),
    ),

  CloseComplaint: (data, state, ctx) => {
    if (state.status === 'answered' && ctx.policy.complaint.returnVisitRequired)
      return E.left(complaintReturnVisitRequired());
    return inStep(state, ['answered', 'return-visited'], 'CloseComplaint', () =>
      E.right([
        {
          type: 'ComplaintClosed',
          data: {
            complaintId: id(state),
            summary: data.summary,
            verified: state.verified ?? false,
            onTime: state.onTime ?? false,
            gradeId: state.gradeId ?? '',
            returnVisited: state.returnVisited,
            closedAt: ctx.now,
          },
        },
      ]),
    );
  },

  MarkComplaintConfidential: (data, state, ctx) => {
    if (state.status === 'none')
      return E.left(complaintStepNotAllowed(state.status, 'MarkComplaintConfidential', 'CMP-06'));
    if (state.confidential) return E.left(complaintAlreadyConfidential());
    return E.right([
      {
        type: 'ComplaintMarkedConfidential',
        data: { complaintId: id(state), reason: data.reason, markedAt: ctx.now },
      },
    ]);
  },
};

/** Decides a complaint command (CMP-01 … CMP-06); never throws. */
export const decideComplaint: DecideFunction<ComplaintCommand, ComplaintEvent, ComplaintState> =
  createDecide({
    aggregate: { zh: '投诉', en: 'complaint' },
    unknownCode: 'COMPLAINT_UNKNOWN_COMMAND',
    schemas: ComplaintCommandSchemas,
    requirementOf,
    handlers,
    finish: plainEvents,
  });
