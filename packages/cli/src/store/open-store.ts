import { openEventStore } from '@civic-ledger/adapters';
import type { EventStore } from '@civic-ledger/domain';
import { failure } from '../cli-error.js';

/** Where the store lives when neither `--store` nor `CIVIC_LEDGER_STORE` says. */
export const DEFAULT_STORE = 'embedded:./.civic-ledger/';

/** The store spec in effect: the option, then the environment, then the default. */
export const storeSpec = (option?: string): string =>
  option ?? process.env.CIVIC_LEDGER_STORE ?? DEFAULT_STORE;

/** Opens the event store a spec names: `embedded:DIR`, `memory:`, `postgres://…`, `esdb://…`. */
export const openStore = async (spec: string): Promise<EventStore> => {
  try {
    return await openEventStore(spec);
  } catch (error) {
    const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw failure(`无法打开存储 ${spec}：${why}`, `cannot open store ${spec}: ${why}`);
  }
};
