import * as E from 'fp-ts/lib/Either.js';
import { z } from 'zod';
import type { DecideContext } from '../kernel/context.js';
import type { Decider } from '../kernel/decider.js';
import { createDecide, type DecideFunction } from '../kernel/dispatch.js';
import type { DomainEvent } from '../kernel/envelope.js';
import { type DomainError, ruleViolation } from '../kernel/errors.js';
import { IdSchema, InstantSchema, Text } from '../kernel/schemas.js';

/**
 * Lawful grounds for deletion (个人信息保护法 第四十七条): purpose achieved or no longer
 * needed, service ended, retention period expired, consent withdrawn, unlawful processing,
 * or another ground a law or regulation names.
 */
export const ErasureLegalBasisSchema = z.enum([
  'purpose-achieved',
  'service-ended',
  'retention-expired',
  'consent-withdrawn',
  'unlawful-processing',
  'other-legal-ground',
]);
export type ErasureLegalBasis = z.infer<typeof ErasureLegalBasisSchema>;

/** Who asked: the person, their guardian, an authority, or the controller on its own duty. */
export const ErasureRequesterSchema = z.object({
  kind: z.enum(['data-subject', 'guardian', 'authority', 'controller']),
  /** A case or letter number, never the requester's personal data. */
  reference: Text(200),
});

const Subject = IdSchema;

/** The zod schema of each privacy command's `data`, by command type. */
export const PrivacyCommandSchemas = {
  /** destroy the subject's keys; every personal field of theirs reads `已删除` from then on. */
  EraseDataSubject: z.object({
    subjectId: Subject,
    legalBasis: ErasureLegalBasisSchema,
    requester: ErasureRequesterSchema,
    reason: Text(2000),
  }),
} as const;

/** A privacy command as it arrives; `decide` checks its data. */
export type PrivacyCommand = {
  readonly type: 'EraseDataSubject';
  readonly data: z.input<(typeof PrivacyCommandSchemas)['EraseDataSubject']>;
};

/** The zod schema of each privacy event's `data`, by event type. */
export const PrivacyEventSchemas = {
  DataSubjectErased: z.object({
    subjectId: Subject,
    legalBasis: ErasureLegalBasisSchema,
    requester: ErasureRequesterSchema,
    reason: Text(2000),
    erasedAt: InstantSchema,
    /** How many erasures this subject has had, this one included (new data may follow one). */
    erasure: z.number().int().positive(),
  }),
} as const;

export type DataSubjectErased = DomainEvent<
  'DataSubjectErased',
  z.output<(typeof PrivacyEventSchemas)['DataSubjectErased']>
>;
export type PrivacyEvent = DataSubjectErased;

/** State of a `privacy-<subject>` stream. */
export interface PrivacyState {
  readonly subjectId?: string;
  readonly erasures: number;
}

const erase = (
  data: z.output<(typeof PrivacyCommandSchemas)['EraseDataSubject']>,
  state: PrivacyState,
  ctx: DecideContext,
): E.Either<DomainError, readonly PrivacyEvent[]> => {
  if (state.subjectId !== undefined && state.subjectId !== data.subjectId)
    return E.left(
      ruleViolation({
        code: 'PRIVACY_SUBJECT_MISMATCH',
        requirement: 'X-06',
        path: ['subjectId'],
        zh: `该隐私记录属于另一数据主体（${state.subjectId}）`,
        en: `this privacy stream belongs to another data subject (${state.subjectId})`,
      }),
    );
  return E.right([
    {
      type: 'DataSubjectErased',
      data: { ...data, erasedAt: ctx.now, erasure: state.erasures + 1 },
    },
  ]);
};

const decidePrivacy: DecideFunction<PrivacyCommand, PrivacyEvent, PrivacyState> = createDecide({
  aggregate: { zh: '隐私', en: 'privacy' },
  unknownCode: 'PRIVACY_UNKNOWN_COMMAND',
  schemas: PrivacyCommandSchemas,
  requirementOf: 'X-06',
  handlers: { EraseDataSubject: erase },
});

/** Records lawful erasures of one data subject in the `privacy-<subject>` stream. */
export const privacyDecider: Decider<PrivacyCommand, PrivacyEvent, PrivacyState, DecideContext> = {
  initialState: { erasures: 0 },
  decide: decidePrivacy,
  evolve: (state, event) =>
    event.type === 'DataSubjectErased'
      ? { subjectId: event.data.subjectId, erasures: state.erasures + 1 }
      : state,
};
