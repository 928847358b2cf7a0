import type { FieldPath, IllegalTransition, RuleViolation } from '../kernel/errors.js';
import { illegalTransition, ruleViolation } from '../kernel/errors.js';
import type { RequirementId } from '../kernel/requirement.js';

/** The survey is not in a state that allows the command. */
export const surveyStepNotAllowed = (
  from: string,
  attempted: string,
  requirement: RequirementId = 'SAT-03',
): IllegalTransition =>
  illegalTransition({ code: 'SURVEY_STEP_NOT_ALLOWED', requirement, from, attempted });

/** SAT-03: the stratum is not part of the sampling frame. */
export const surveyUnknownStratum = (stratumId: string): RuleViolation =>
  ruleViolation({
    code: 'SURVEY_UNKNOWN_STRATUM',
    requirement: 'SAT-03',
    path: ['stratumId'],
    zh: `抽样框中没有分层「${stratumId}」`,
    en: `stratum '${stratumId}' is not in the sampling frame`,
  });

/** SAT-03: an answer names a question the questionnaire does not have. */
export const surveyUnknownQuestion = (questionId: string, path: FieldPath): RuleViolation =>
  ruleViolation({
    code: 'SURVEY_UNKNOWN_QUESTION',
    requirement: 'SAT-03',
    path,
    zh: `问卷中没有题目「${questionId}」`,
    en: `question '${questionId}' is not in the questionnaire`,
  });

/** SAT-03: the same questionnaire is recorded twice. */
export const surveyDuplicateResponse = (responseId: string): RuleViolation =>
  ruleViolation({
    code: 'SURVEY_DUPLICATE_RESPONSE',
    requirement: 'SAT-03',
    path: ['responseId'],
    zh: `问卷「${responseId}」已录入`,
    en: `response '${responseId}' is already recorded`,
  });

/** SAT-03, K-10: a stratum cannot return more questionnaires than were issued in it. */
export const surveyMoreResponsesThanIssued = (stratumId: string, issued: number): RuleViolation =>
  ruleViolation({
    code: 'SURVEY_MORE_RESPONSES_THAN_ISSUED',
    requirement: 'SAT-03',
    path: ['stratumId'],
    zh: `分层「${stratumId}」回收问卷数不能超过发放数（${issued}）`,
    en: `stratum '${stratumId}' cannot return more questionnaires than the ${issued} issued`,
  });

/** K-10: a survey with no questionnaires issued has no response rate. */
export const surveyNothingIssued = (): RuleViolation =>
  ruleViolation({
    code: 'SURVEY_NOTHING_ISSUED',
    requirement: 'SAT-03',
    path: [],
    zh: '尚未发放问卷，无法结束调查（回收率无从计算）',
    en: 'no questionnaire was issued, so the survey cannot close (no response rate)',
  });

/** SAT-05: the published period must be the survey's quarter. */
export const surveyPeriodMismatch = (period: string, surveyPeriod: string): RuleViolation =>
  ruleViolation({
    code: 'SURVEY_PERIOD_MISMATCH',
    requirement: 'SAT-05',
    path: ['period'],
    zh: `公示期间「${period}」与调查期间「${surveyPeriod}」不符`,
    en: `published period '${period}' is not the survey's period '${surveyPeriod}'`,
  });

/** SAT-05: a survey's results are published once. */
export const surveyAlreadyPublished = (): RuleViolation =>
  ruleViolation({
    code: 'SURVEY_ALREADY_PUBLISHED',
    requirement: 'SAT-05',
    path: [],
    zh: '该调查结果已公示',
    en: 'the survey results are already published',
  });
