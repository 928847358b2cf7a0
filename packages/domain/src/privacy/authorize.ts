import * as E from 'fp-ts/lib/Either.js';
import type { Actor } from '../kernel/envelope.js';
import { type Forbidden, forbidden } from '../kernel/errors.js';
import type { AccessPolicy, CommandRule } from './access-policy.js';

/** One event of the record a command targets, as much as authorisation needs. */
export interface TargetEvent {
  readonly type: string;
  readonly actorId: string;
  readonly actorUnit: string;
  readonly data: unknown;
}

/** The record a command is aimed at: its stream and what already happened in it. */
export interface AccessTarget {
  readonly streamId: string;
  readonly history: readonly TargetEvent[];
}

/** A command as authorisation sees it. */
export interface CommandForAccess {
  readonly type: string;
  readonly data?: unknown;
}

const field = (data: unknown, name: string): unknown =>
  typeof data === 'object' && data !== null && !Array.isArray(data)
    ? (data as Record<string, unknown>)[name]
    : undefined;

const namedUnits = (policy: AccessPolicy, data: unknown, into = new Set<string>()): Set<string> => {
  for (const name of policy.unitFields) {
    const unit = field(data, name);
    if (typeof unit === 'string') into.add(unit);
  }
  return into;
};

/** The units a record belongs to: its creator's unit and every unit its events name. */
export const unitsOf = (policy: AccessPolicy, target: AccessTarget): ReadonlySet<string> => {
  const units = new Set<string>();
  const first = target.history[0];
  if (first) units.add(first.actorUnit);
  for (const e of target.history) namedUnits(policy, e.data, units);
  return units;
};

const deny = (
  rule: CommandRule,
  actor: Actor,
  code: string,
  zh: string,
  en: string,
  path: readonly string[] = [],
): E.Either<Forbidden, never> =>
  E.left(
    forbidden({ code, requirement: rule.requirement ?? 'ARC-02', path, zh, en, actorId: actor.id }),
  );

/**
 * Decides whether `actor` may issue `command` on `target` under `policy` (ARC-02, CMP-06):
 * role, unit scope, separation of duties (a reviewer is never the author), and elevation
 * above a limit. Pure; a denial is a typed `forbidden` error.
 */
export const authorize = (
  policy: AccessPolicy,
  actor: Actor,
  command: CommandForAccess,
  target: AccessTarget,
): E.Either<Forbidden, true> => {
  const rule = policy.commands[command.type] ?? policy.fallback;
  if (!rule.roles.includes('*') && !rule.roles.includes(actor.role))
    return deny(
      rule,
      actor,
      'FORBIDDEN_ROLE',
      `角色「${actor.role}」无权执行「${command.type}」（需要：${rule.roles.join('、')}）`,
      `role '${actor.role}' may not issue '${command.type}' (needs one of: ${rule.roles.join(', ')})`,
    );

  if (rule.scope === 'unit' && !policy.crossUnitRoles.includes(actor.role)) {
    // An existing record belongs to the units in its history; a new one to the units it names
    // (none named: the actor's own unit).
    const units =
      target.history.length > 0 ? unitsOf(policy, target) : namedUnits(policy, command.data);
    if (units.size > 0 && !units.has(actor.unit))
      return deny(
        rule,
        actor,
        'FORBIDDEN_UNIT',
        `「${actor.unit}」的人员不能处理其他单位（${[...units].join('、')}）的记录 ${target.streamId}`,
        `staff of '${actor.unit}' may not act on ${target.streamId}, which belongs to ${[...units].join(', ')}`,
      );
  }

  const sod = rule.notActorOf;
  if (sod) {
    const key = sod.sameValueOf;
    const authored = target.history.some(
      (e) =>
        e.actorId === actor.id &&
        sod.types.includes(e.type) &&
        (key === undefined || field(e.data, key) === field(command.data, key)),
    );
    if (authored)
      return deny(
        rule,
        actor,
        'FORBIDDEN_SELF_REVIEW',
        `审核人不能是记录的填报人（${actor.id}）`,
        `the reviewer may not be the author of the record (${actor.id})`,
        key === undefined ? [] : [key],
      );
  }

  const up = rule.elevation;
  if (up && !up.roles.includes(actor.role)) {
    let value = field(command.data, up.field);
    if (value === undefined && up.fallbackFrom !== undefined) {
      const from = up.fallbackFrom;
      const latest = target.history.findLast((e) => e.type === from);
      value = latest === undefined ? undefined : field(latest.data, up.field);
    }
    if (typeof value === 'number' && value > up.above)
      return E.left(
        forbidden({
          code: 'FORBIDDEN_ABOVE_LIMIT',
          requirement: up.requirement,
          path: [up.field],
          zh: `超过 ${up.above} 的「${command.type}」须由「${up.roles.join('、')}」批准`,
          en: `'${command.type}' above ${up.above} needs the approval of ${up.roles.join(', ')}`,
          actorId: actor.id,
        }),
      );
  }
  return E.right(true);
};
