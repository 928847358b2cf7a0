import {
  type IllegalTransition,
  illegalTransition,
  type RuleViolation,
  ruleViolation,
} from '../kernel/errors.js';
import { type IncidentStage, STAGE_NAMES } from './stages.js';

/** EMG-02: a step the current stage does not allow, e.g. a skipped stage. */
export const incidentTransition = (
  from: IncidentStage | 'none',
  attempted: string,
  expected?: IncidentStage | 'none',
): IllegalTransition => {
  const need = expected
    ? {
        zh: `，须先完成「${STAGE_NAMES[expected].zh}」阶段，不得跳过`,
        en: `; the '${STAGE_NAMES[expected].en}' stage must come first, no stage may be skipped`,
      }
    : { zh: '', en: '' };
  return illegalTransition({
    code: 'INCIDENT_ILLEGAL_TRANSITION',
    requirement: 'EMG-02',
    from,
    attempted,
    zh: `应急事件处于「${STAGE_NAMES[from].zh}」阶段，不允许执行「${attempted}」${need.zh}`,
    en: `'${attempted}' is not allowed in stage '${STAGE_NAMES[from].en}'${need.en}`,
  });
};

/** EMG-01: a level change to the level already in force. */
export const levelUnchanged = (level: string): RuleViolation =>
  ruleViolation({
    code: 'INCIDENT_LEVEL_UNCHANGED',
    requirement: 'EMG-01',
    path: ['level'],
    zh: `响应级别已是 ${level} 级`,
    en: `the level is already ${level}`,
  });

/** EMG-02: a change of lead to the person already leading. */
export const leadUnchanged = (personId: string): RuleViolation =>
  ruleViolation({
    code: 'INCIDENT_LEAD_UNCHANGED',
    requirement: 'EMG-02',
    path: ['lead', 'personId'],
    zh: `「${personId}」已是指挥负责人`,
    en: `'${personId}' already leads the response`,
  });
