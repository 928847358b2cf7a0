import { type RuleViolation, ruleViolation } from '../../kernel/errors.js';
import type { InstantNames } from '../../kernel/instant-order.js';

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

/** EMG-04: how a measurement's instant is named in the time-order errors. */
export const MEASURED_AT: InstantNames = {
  instant: { zh: '测量时间', en: 'measuredAt' },
  previous: { zh: '同类上一次测量', en: 'the previous measurement of this kind' },
};
