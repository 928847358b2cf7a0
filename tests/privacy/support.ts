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
  residentIdCheckCharacter,
  type TicketCommand,
  ticketDecider,
  ticketStreamId,
} from '@civic-ledger/domain';
import { testContext } from '@civic-ledger/domain/testing';
import * as E from 'fp-ts/lib/Either.js';

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

const first17 = '11010819800101002';
/** The data subject the erasure tests erase. */
export const zhang = {
  kind: 'person',
  name: '张三丰',
  idNumber: '11010519491231002X',
  phone: '13800138000',
};
/** A second applicant, who must be left untouched. */
export const li = {
  kind: 'person',
  name: '李四光',
  idNumber: `${first17}${residentIdCheckCharacter(first17)}`,
  phone: '13912345678',
};

// A service type that needs no final approval, with all its materials handed in.
export const [serviceType, service] = Object.entries(exampleServiceCatalogue).find(
  ([, s]) => !s.requiresFinalApproval,
) ?? ['', undefined];
export const materials = (service?.requiredMaterials ?? []).map((kind, i) => ({
  kind,
  documentRef: `doc-${i}`,
}));

const receive = (ticketId: string, applicant: object, reason: string): TicketCommand =>
  ({
    type: 'ReceiveTicket',
    data: {
      ticketId,
      channel: 'window',
      applicant,
      serviceType,
      nature: 'normal',
      reason,
      materials,
      communityId: 'community-03',
    },
  }) as TicketCommand;
const command = (type: string, data: object = {}) => ({ type, data }) as TicketCommand;

/** Runs ticket commands through a handler, one step of simulated time each. */
export const ticketRunner = (handle: ReturnType<typeof createCommandHandler>) => {
  let step = 0;
  return async (
    ticketId: string,
    cmd: TicketCommand,
    actor: Actor = windowStaff,
  ): Promise<void> => {
    const ctx = ticketCtx(step++, actor);
    const result = await handle(
      ticketDecider,
      ticketStreamId(ticketId),
      cmd,
      ctx,
      metaOf(`${ticketId}-${step}`, actor, ctx.now),
    );
    if (E.isLeft(result)) throw new Error(`${cmd.type}: ${result.left.message.en}`);
  };
};

/**
 * 张三丰's two tickets — the first taken through to a return visit whose summary names no
 * identifier (it belongs to the ticket's subject) — and one ticket of 李四光.
 */
export const recordZhangAndLi = async (run: ReturnType<typeof ticketRunner>): Promise<void> => {
  await run('T1', receive('T1', zhang, '张三丰住院需要救助'));
  await run('T1', command('AcceptTicket'));
  await run('T1', command('ReviewTicket', { outcome: 'approve' }));
  await run('T1', command('DispatchTicket', { unitId: 'unit-07' }));
  await run('T1', command('SignForTicket'), unitStaff);
  await run('T1', command('CompleteTicket', { result: '已办结' }), unitStaff);
  await run(
    'T1',
    command('MakeReturnVisit', {
      method: 'phone',
      resolved: true,
      summary: '回访张三丰：问题已解决',
    }),
  );
  await run('T2', receive('T2', zhang, '张三丰住院需要救助'));
  await run('T3', receive('T3', li, '李四光申请证明'));
};
