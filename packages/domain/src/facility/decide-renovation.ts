// FAC-07: renovation / upgrade projects walk needs analysis → design → approval →
// implementation → acceptance → operation, one step at a time, each with who and when.
import * as E from 'fp-ts/lib/Either.js';
import { illegalTransition } from '../kernel/errors.js';
import { parseWith } from '../kernel/validation.js';
import { FacilityCommandSchemas as C } from './commands.js';
import type { FacilityContext } from './context.js';
import { type Decision, event, requireActive } from './decide-support.js';
import { duplicate, things, unknownRef } from './errors.js';
import { type RenovationStage, renovationStages } from './schemas.js';
import type { FacilityState } from './state.js';

/** The step that must come next, or undefined once the project is in operation. */
export const nextRenovationStage = (
  current: RenovationStage | undefined,
): RenovationStage | undefined =>
  current === undefined
    ? renovationStages[0]
    : renovationStages[renovationStages.indexOf(current) + 1];

/** FAC-07: opens a renovation project of one of the four kinds. */
export const openRenovation = (
  data: unknown,
  state: FacilityState,
  ctx: FacilityContext,
): Decision => {
  const active = requireActive(state, 'OpenRenovationProject');
  if (E.isLeft(active)) return active;
  const parsed = parseWith(C.OpenRenovationProject, data, 'FAC-07');
  if (E.isLeft(parsed)) return parsed;
  const d = parsed.right;
  if (Object.hasOwn(state.renovations, d.projectId))
    return E.left(duplicate('FAC-07', ['projectId'], things.renovation, d.projectId));
  return E.right([
    event('RenovationProjectOpened', { ...d, openedBy: ctx.actor, openedAt: ctx.now }),
  ]);
};

/** FAC-07: completes the next step of a project; skipping or repeating one is refused. */
export const completeRenovationStage = (
  data: unknown,
  state: FacilityState,
  ctx: FacilityContext,
): Decision => {
  const active = requireActive(state, 'CompleteRenovationStage');
  if (E.isLeft(active)) return active;
  const parsed = parseWith(C.CompleteRenovationStage, data, 'FAC-07');
  if (E.isLeft(parsed)) return parsed;
  const d = parsed.right;
  const project = Object.hasOwn(state.renovations, d.projectId)
    ? state.renovations[d.projectId]
    : undefined;
  if (project === undefined)
    return E.left(unknownRef('FAC-07', ['projectId'], things.renovation, d.projectId));
  const expected = nextRenovationStage(project.stage);
  if (d.stage !== expected)
    return E.left(
      illegalTransition({
        code: 'FACILITY_RENOVATION_STEP_SKIPPED',
        requirement: 'FAC-07',
        path: ['stage'],
        from: project.stage ?? 'opened',
        attempted: d.stage,
        zh:
          expected === undefined
            ? `更新改造项目已进入运行，不能再完成「${d.stage}」`
            : `更新改造不能跳过步骤：下一步是「${expected}」，不是「${d.stage}」`,
        en:
          expected === undefined
            ? `the project is already in operation; '${d.stage}' cannot follow`
            : `renovation steps cannot be skipped: next is '${expected}', not '${d.stage}'`,
      }),
    );
  return E.right([
    event('RenovationStageCompleted', {
      ...d,
      completedBy: ctx.actor,
      completedAt: ctx.now,
    }),
  ]);
};
