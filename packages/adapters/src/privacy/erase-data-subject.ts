import {
  type BoundCommandHandler,
  type CommandMeta,
  type CommandOutcome,
  type DataSubjectKeyStore,
  type DecideContext,
  type DomainError,
  type PrivacyCommand,
  type PrivacyEvent,
  privacyDecider,
  privacyStreamId,
} from '@civic-ledger/domain';

/** fp-ts's `Either`, spelled out: the adapters package does not depend on fp-ts itself. */
export type ErasureResult =
  | { readonly _tag: 'Left'; readonly left: DomainError }
  | { readonly _tag: 'Right'; readonly right: ErasureOutcome };

/** The outcome of an erasure: the recorded event and how many keys were destroyed. */
export interface ErasureOutcome {
  readonly recorded: CommandOutcome<PrivacyEvent>;
  readonly keysDestroyed: number;
}

/**
 * Carries out `EraseDataSubject` (X-06, 个人信息保护法 第四十七条): records `DataSubjectErased`
 * in `privacy-<subject>` (through the given handler, so a guarded one authorises it), then
 * destroys the subject's keys. From then on every reader shows their fields as `已删除`,
 * while the log, whose hashes cover only ciphertext, still verifies. Re-running the same
 * command (same id) after a failure between the two steps finishes the key destruction.
 */
export const eraseDataSubject = async (
  deps: { readonly handle: BoundCommandHandler; readonly keyStore: DataSubjectKeyStore },
  command: PrivacyCommand,
  ctx: DecideContext,
  meta: CommandMeta,
): Promise<ErasureResult> => {
  const data = (command as { data?: unknown } | null)?.data as { subjectId?: unknown } | null;
  const subjectId = String(data?.subjectId ?? '');
  const recorded = await deps.handle(
    privacyDecider,
    privacyStreamId(subjectId),
    command,
    ctx,
    meta,
  );
  if (recorded._tag === 'Left') return recorded;
  const keysDestroyed = await deps.keyStore.erase(subjectId);
  return { _tag: 'Right', right: { recorded: recorded.right, keysDestroyed } };
};
