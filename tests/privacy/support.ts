import { createFieldProtector } from '@civic-ledger/adapters';
import * as domain from '@civic-ledger/domain';
import {
  type Actor,
  type CommandMeta,
  createCommandHandler,
  createPersonalDataCatalogue,
  type DataSubjectKeyStore,
  type EventStore,
  exampleServiceCatalogue,
} from '@civic-ledger/domain';
import { testContext } from '@civic-ledger/domain/testing';

/** The catalogue of every aggregate's event schemas, found from the package's exports. */
export const catalogue = createPersonalDataCatalogue(domain);
export const PEPPER = 'test-pepper-不要在生产中使用';

/** A clock for tests: fixed start, one millisecond per call. */
export const testClock = (start = Date.parse('2026-11-02T01:00:00Z')) => {
  let t = start;
  return () => new Date(t++).toISOString();
};

/** A command handler that encrypts personal fields before sealing. */
export const protectedHandler = (store: EventStore, keyStore: DataSubjectKeyStore) =>
  createCommandHandler({
    store,
    clock: testClock(),
    protect: createFieldProtector({ keyStore, catalogue, pepper: PEPPER }).protect,
  });

export const collect = async <T>(it: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const e of it) out.push(e);
  return out;
};

export const windowStaff: Actor = { id: 'staff-001', role: 'window-staff', unit: 'centre-01' };
export const unitStaff: Actor = { id: 'unit-staff-07', role: 'handler', unit: 'unit-07' };
export const officer: Actor = { id: 'po-01', role: 'privacy-officer', unit: 'district' };

/** A ticket context at the n-th hour of a Monday, acting as `actor`. */
export const ticketCtx = (n: number, actor: Actor = windowStaff) =>
  testContext({
    now: `2026-11-02T${String(9 + n).padStart(2, '0')}:00:00+08:00`,
    actor,
    serviceCatalogue: exampleServiceCatalogue,
  });

export const metaOf = (commandId: string, actor: Actor, occurredAt: string): CommandMeta => ({
  commandId,
  actor,
  occurredAt,
});
