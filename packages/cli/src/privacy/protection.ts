import { createFieldProtector } from '@civic-ledger/adapters';
import type { CommandHandlerDeps, DataSubjectKeyStore } from '@civic-ledger/domain';
import { personalDataCatalogue } from '@civic-ledger/projections';

/** The command handler's `protect` hook as the CLI writes: every `personal()` field encrypted. */
export type Protect = NonNullable<CommandHandlerDeps['protect']>;

/** A `protect` hook over the key store, with subject ids keyed by `pepper` (docs/security.md). */
export const cliProtect = (keyStore: DataSubjectKeyStore, pepper: string | Uint8Array): Protect =>
  createFieldProtector({ keyStore, catalogue: personalDataCatalogue, pepper }).protect;
