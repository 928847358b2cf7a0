import type { EventStore } from '@civic-ledger/domain';
import type { Lang } from '../i18n.js';
import { openStore, storeSpec } from '../store/open-store.js';

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

/** Writes one line of human output to stdout. */
export const print = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
