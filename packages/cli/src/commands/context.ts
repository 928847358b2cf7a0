import { userInfo } from 'node:os';
import type { Actor, EventStore } from '@civic-ledger/domain';
import { usageError } from '../cli-error.js';
import type { Lang } from '../i18n.js';
import type { PrivilegedReader } from '../privacy/readers.js';
import { type OpenStores, openStore, openStores, storeSpec } from '../store/open-store.js';

/** The global options every command receives. */
export interface Globals {
  readonly store?: string;
  readonly debug: boolean;
  readonly lang: Lang;
  /** Progress output off (tests, `--quiet`). */
  readonly quiet: boolean;
}

/** Opens the store named by the globals, runs `work`, and closes the store whatever happens. */
export const withStore = async <T>(
  globals: Globals,
  work: (store: EventStore) => Promise<T>,
): Promise<T> => {
  const store = await openStore(storeSpec(globals.store));
  try {
    return await work(store);
  } finally {
    await store.close();
  }
};

/**
 * Opens the event store and, on demand, its data-subject key store, runs `work`,
 * and closes both whatever happens.
 */
export const withStores = async <T>(
  globals: Globals,
  work: (stores: OpenStores) => Promise<T>,
): Promise<T> => {
  const stores = await openStores(storeSpec(globals.store));
  try {
    return await work(stores);
  } finally {
    await stores.close();
  }
};

/** Writes one line of human output to stdout. */
export const print = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

/**
 * Who the CLI acts as when `--actor` is not given: the operating-system user, in the role
 * the command needs (an auditor reads, a privacy officer erases), unit `cli`.
 */
export const defaultCliActor = (role: string): Actor => {
  let user = 'operator';
  try {
    user = userInfo().username || user;
  } catch {
    // No user entry (some containers): the generic name still says it came from the CLI.
  }
  return { id: `cli:${user}`, role, unit: 'cli' };
};

/** `--actor id:role:unit`. */
export const actorOption = (value: string): Actor => {
  const [id, role, unit, ...rest] = value.split(':').map((p) => p.trim());
  if (!id || !role || !unit || rest.length > 0)
    throw usageError(
      `--actor 须为 id:角色:单位（如 auditor-01:auditor:district）：${value}`,
      `--actor must be id:role:unit (e.g. auditor-01:auditor:district): ${value}`,
    );
  return { id, role, unit };
};

/**
 * `--privileged --purpose TEXT [--actor id:role:unit]`: the reader that may see
 * personal data in clear, or undefined for a masked read. `--privileged` without a purpose
 * is a usage error: clear text is only read for a stated reason, which is recorded.
 */
export const privilegedReaderOption = (options: {
  privileged?: boolean;
  purpose?: string;
  actor?: string;
}): PrivilegedReader | undefined => {
  if (!options.privileged) {
    if (options.purpose !== undefined)
      throw usageError('--purpose 只与 --privileged 一起使用', '--purpose goes with --privileged');
    return undefined;
  }
  const purpose = options.purpose?.trim();
  if (!purpose)
    throw usageError(
      '--privileged 须附 --purpose 说明明文读取个人信息的理由（将被记录）',
      '--privileged needs --purpose: why personal data is read in clear (it is recorded)',
    );
  if (Array.from(purpose).length > 500)
    throw usageError('--purpose 至多 500 个字符', '--purpose must be at most 500 characters');
  const actor = options.actor ? actorOption(options.actor) : defaultCliActor('auditor');
  return { actor, purpose };
};
