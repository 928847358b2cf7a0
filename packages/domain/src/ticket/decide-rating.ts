import * as E from 'fp-ts/lib/Either.js';
import type { DomainError } from '../kernel/errors.js';
import type { Decision } from './decide-support.js';
import { emit, type Handler, opt } from './decide-support.js';
import { ticketRule } from './errors.js';
import type { TicketRatingChannel, TicketRatingDimensions } from './vocabulary.js';

const MS_PER_DAY = 86_400_000;

const alreadyRated = (level: number): DomainError =>
  ticketRule(
    'TICKET_ALREADY_RATED',
    'SAT-02',
    [],
    `该工单已评价（${level} 级），每件只评价一次`,
    `the ticket was already rated (level ${level}); one evaluation per ticket`,
  );

interface Rating {
  readonly level: number;
  readonly channel: TicketRatingChannel;
  readonly source: 'applicant' | 'policy-default';
  readonly dimensions?: TicketRatingDimensions;
  readonly comment?: string;
}

// SAT-01: good and bad follow the policy's levels; SAT-02: a bad rating asks for verification.
const rated = (d: Decision<'RateTicket' | 'ApplyDefaultRating'>, rating: Rating) => {
  const { state, intake, ticketId, ctx, now } = d;
  const { goodFromLevel, badUpToLevel } = ctx.policy.satisfaction;
  const bad = rating.level <= badUpToLevel;
  return emit('TicketRated', {
    ticketId,
    at: now,
    level: rating.level,
    good: rating.level >= goodFromLevel,
    bad,
    ...opt('dimensions', rating.dimensions),
    channel: rating.channel,
    ...opt('comment', rating.comment),
    source: rating.source,
    verificationRequired: bad,
    serviceType: intake.serviceType,
    centreId: intake.centreId,
    communityId: intake.communityId,
    ...opt('windowId', intake.windowId),
    ...opt('unitId', state.unitId),
    firstResponsibleStaffId: intake.firstResponsibleStaffId,
    completedAt: state.completedAt ?? now,
  });
};

/** SAT-01, SAT-02: the applicant's one 好差评 evaluation of a completed ticket. */
export const rateTicket: Handler<'RateTicket'> = (d) => {
  if (d.state.rating) return E.left(alreadyRated(d.state.rating.level));
  return rated(d, {
    level: d.data.level,
    channel: d.data.channel,
    source: 'applicant',
    ...opt('dimensions', d.data.dimensions),
    ...opt('comment', d.data.comment),
  });
};

/** SAT-02: the policy's default rating, once its days have passed without an evaluation. */
export const applyDefaultRating: Handler<'ApplyDefaultRating'> = (d) => {
  const { state, ctx, now } = d;
  const policy = ctx.policy.satisfaction.defaultRating;
  if (policy === null)
    return E.left(
      ticketRule(
        'TICKET_NO_DEFAULT_RATING',
        'SAT-02',
        [],
        '本地政策未规定默认评价',
        'the policy defines no default rating',
      ),
    );
  if (state.rating) return E.left(alreadyRated(state.rating.level));
  const completedAt = state.completedAt ?? now;
  const due = Date.parse(completedAt) + policy.afterDays * MS_PER_DAY;
  if (Date.parse(now) < due)
    return E.left(
      ticketRule(
        'TICKET_DEFAULT_RATING_TOO_EARLY',
        'SAT-02',
        [],
        `办结后 ${policy.afterDays} 天内未评价才默认评价`,
        `a default rating applies only ${policy.afterDays} days after completion without an evaluation`,
      ),
    );
  return rated(d, { level: policy.level, channel: 'system', source: 'policy-default' });
};
