import { z } from 'zod';
import type { StaffPolicy } from '../policy/staff.js';

/**
 * STF-04: conduct a manager records on a staff member (003 ch.3 §2 五). Verified complaints
 * are not among them: they arrive by `RecordVerifiedComplaint` once a complaint is verified.
 */
export const ConductKindSchema = z.enum([
  'absence', // 旷工 (quantity = days)
  'lateness-or-early-leave', // 迟到、早退 (quantity = times)
  'criticism-with-poor-attitude', // 服务态度恶劣、消极怠工，经批评教育仍不服从管理
  'negative-media-report', // 被新闻媒体负面报道
  'sanction', // 被依法追究刑事责任，或被纪政纪处分
  'serious-error', // 工作错误、失误、疏漏，造成不良影响
  'leader-criticism', // 被同级及以上领导批评或部门通报批评
  'disobedience', // 不服从服务中心管理
  'incompetence', // 不能胜任实际工作
]);
export type ConductKind = z.infer<typeof ConductKindSchema>;

/** Conduct kinds whose one record may count more than once (days of absence, times late). */
export const QUANTIFIED_CONDUCT: readonly ConductKind[] = ['absence', 'lateness-or-early-leave'];

/** Every removal trigger of STF-04: the conduct kinds plus verified complaints. */
export const TriggerKindSchema = z.enum([...ConductKindSchema.options, 'verified-complaint']);
export type TriggerKind = z.infer<typeof TriggerKindSchema>;

type TriggerKey = keyof StaffPolicy['secondedTriggers'];

/** Which threshold of `policy.staff.secondedTriggers` each trigger is counted against. */
export const TRIGGER_POLICY_KEY: Readonly<Record<TriggerKind, TriggerKey>> = {
  absence: 'absenceDays',
  'lateness-or-early-leave': 'latenessOrEarlyLeave',
  'criticism-with-poor-attitude': 'criticismsWithPoorAttitude',
  'verified-complaint': 'verifiedComplaints',
  'negative-media-report': 'negativeMediaReports',
  sanction: 'sanctions',
  'serious-error': 'seriousErrors',
  'leader-criticism': 'leaderCriticisms',
  disobedience: 'disobedience',
  incompetence: 'incompetenceFindings',
};
