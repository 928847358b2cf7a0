import { type RuleViolation, ruleViolation } from '../../kernel/errors.js';

/** EMG-04: a stream holds the reserves of one facility. */
export const facilityMismatch = (expected: string, got: string): RuleViolation =>
  ruleViolation({
    code: 'RESERVE_FACILITY_MISMATCH',
    requirement: 'EMG-04',
    path: ['facilityId'],
    zh: `该储备记录属于设施「${expected}」，不能记录设施「${got}」`,
    en: `these reserve records belong to facility '${expected}', not '${got}'`,
  });

/** EMG-04: a record id used twice. */
export const recordDuplicate = (recordId: string): RuleViolation =>
  ruleViolation({
    code: 'RESERVE_RECORD_DUPLICATE',
    requirement: 'EMG-04',
    path: ['recordId'],
    zh: `储备记录「${recordId}」已存在`,
    en: `reserve record '${recordId}' already exists`,
  });

/** EMG-04: a measurement in the future or before the last one of the same kind. */
export const measuredAtOutOfOrder = (
  code: 'RESERVE_TIME_IN_FUTURE' | 'RESERVE_TIME_BEFORE_PREVIOUS',
  at: string,
  bound: string,
): RuleViolation =>
  ruleViolation({
    code,
    requirement: 'EMG-04',
    path: ['measuredAt'],
    zh:
      code === 'RESERVE_TIME_IN_FUTURE'
        ? `测量时间 ${at} 晚于当前时间 ${bound}`
        : `测量时间 ${at} 早于同类上一次测量 ${bound}`,
    en:
      code === 'RESERVE_TIME_IN_FUTURE'
        ? `measuredAt ${at} is after the current time ${bound}`
        : `measuredAt ${at} is before the previous measurement of this kind at ${bound}`,
  });
