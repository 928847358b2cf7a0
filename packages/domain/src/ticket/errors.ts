import {
  type Forbidden,
  forbidden,
  type IllegalTransition,
  illegalTransition,
  type RuleViolation,
  ruleViolation,
} from '../kernel/errors.js';
import type { RequirementId } from '../kernel/requirement.js';
import { type TicketStatus, ticketStatusLabels } from './status.js';

/** TKT-08: the command is not allowed from the ticket's current status; names both. */
export const ticketIllegalTransition = (from: TicketStatus, attempted: string): IllegalTransition =>
  illegalTransition({
    code: 'TICKET_ILLEGAL_TRANSITION',
    requirement: 'TKT-08',
    from,
    attempted,
    zh: `工单当前状态「${ticketStatusLabels[from].zh}」（${from}）不允许执行「${attempted}」`,
    en: `'${attempted}' is not allowed while the ticket is '${from}'`,
  });

/** A ticket rule broken by a valid command (stable `code`, requirement, path, zh/en). */
export const ticketRule = (
  code: string,
  requirement: RequirementId,
  path: readonly (string | number)[],
  zh: string,
  en: string,
): RuleViolation => ruleViolation({ code, requirement, path, zh, en });

/** The actor may not do this (role or unit). */
export const ticketForbidden = (
  code: string,
  requirement: RequirementId,
  actorId: string,
  zh: string,
  en: string,
): Forbidden => forbidden({ code, requirement, actorId, zh, en });
