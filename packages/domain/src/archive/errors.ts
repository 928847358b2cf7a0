import {
  type IllegalTransition,
  illegalTransition,
  type RuleViolation,
  ruleViolation,
} from '../kernel/errors.js';

/** ARC-02: the class has no retention period in the policy. */
export const unknownArchiveClass = (
  archiveClass: string,
  known: readonly string[],
): RuleViolation =>
  ruleViolation({
    code: 'ARCHIVE_UNKNOWN_CLASS',
    requirement: 'ARC-02',
    path: ['archiveClass'],
    zh: `档案类别「${archiveClass}」未规定保管期限（可选：${known.join('、')}）`,
    en: `archive class '${archiveClass}' has no retention period (known: ${known.join(', ')})`,
  });

/** ARC-02: the access level is not one the policy knows. */
export const unknownAccessLevel = (level: string, known: readonly string[]): RuleViolation =>
  ruleViolation({
    code: 'ARCHIVE_UNKNOWN_ACCESS_LEVEL',
    requirement: 'ARC-02',
    path: ['accessLevel'],
    zh: `访问权限「${level}」无效（可选：${known.join('、')}）`,
    en: `access level '${level}' is unknown (known: ${known.join(', ')})`,
  });

/** ARC-04: retention has not expired yet. */
export const retentionNotExpired = (expiresOn: string, today: string): RuleViolation =>
  ruleViolation({
    code: 'ARCHIVE_RETENTION_NOT_EXPIRED',
    requirement: 'ARC-04',
    path: [],
    zh: `保管期限至 ${expiresOn} 方届满（今日 ${today}），不得销毁`,
    en: `retention runs until ${expiresOn} (today is ${today}); the file may not be destroyed`,
  });

/** ARC-04: no backup recorded (先备份后销毁). */
export const noBackup = (): RuleViolation =>
  ruleViolation({
    code: 'ARCHIVE_NO_BACKUP',
    requirement: 'ARC-04',
    path: [],
    zh: '销毁前须先备份：尚无备份记录',
    en: 'back up before destroying: no backup is recorded',
  });

/** A command that the file's status does not allow. */
export const archiveTransition = (from: string, attempted: string): IllegalTransition =>
  illegalTransition({ code: 'ARCHIVE_ILLEGAL_TRANSITION', requirement: 'ARC-02', from, attempted });

/** ARC-04: the access level did not change. */
export const sameAccessLevel = (level: string): RuleViolation =>
  ruleViolation({
    code: 'ARCHIVE_ACCESS_UNCHANGED',
    requirement: 'ARC-03',
    path: ['accessLevel'],
    zh: `访问权限已是「${level}」`,
    en: `access level is already '${level}'`,
  });
