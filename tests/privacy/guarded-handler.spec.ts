import {
  createMemoryEventStore,
  createMemoryKeyStore,
  eraseDataSubject,
} from '@civic-ledger/adapters';
import {
  createGuardedCommandHandler,
  defaultAccessPolicy,
  defaultPolicy,
  describeTargetFrom,
  exampleServiceCatalogue,
  securityAuditStreamId,
  type TicketCommand,
  ticketDecider,
  ticketStreamId,
} from '@civic-ledger/domain';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { collect, metaOf, officer, protectedHandler, ticketCtx, windowStaff } from './support.js';

const setup = () => {
  const store = createMemoryEventStore();
  const keyStore = createMemoryKeyStore();
  const handle = protectedHandler(store, keyStore);
  const access = defaultAccessPolicy(defaultPolicy);
  const guarded = createGuardedCommandHandler({
    handle,
    access,
    describeTarget: describeTargetFrom(store),
  });
  return { store, keyStore, handle, guarded, access };
};

const [serviceType, service] = Object.entries(exampleServiceCatalogue)[0] ?? ['', undefined];
const materials = (service?.requiredMaterials ?? []).map((kind, i) => ({
  kind,
  documentRef: `doc-${i}`,
}));

const receive = {
  type: 'ReceiveTicket',
  data: {
    ticketId: 'T1',
    channel: 'window',
    applicant: {
      kind: 'person',
      name: '张三',
      idNumber: '11010519491231002X',
      phone: '13800138000',
    },
    serviceType,
    nature: 'normal',
    reason: '证明',
    materials,
    communityId: 'community-03',
    centreId: 'centre-01',
  },
} as TicketCommand;

describe('guarded command handler (ARC-02, X-05, X-07)', () => {
  it('ARC-02 lets an authorised command through to the decider', async () => {
    const { guarded } = setup();
    const ctx = ticketCtx(0);
    const result = await guarded(
      ticketDecider,
      ticketStreamId('T1'),
      receive,
      ctx,
      metaOf('c1', windowStaff, ctx.now),
    );
    expect(E.isRight(result) && result.right.events.map((e) => e.type)).toContain('TicketReceived');
  });

  it('ARC-02 denies staff of another centre, appends nothing to the ticket, and records the denial', async () => {
    const { store, guarded } = setup();
    const intruder = { id: 'staff-909', role: 'window-staff', unit: 'centre-02' };
    const ctx = ticketCtx(0, intruder);
    const result = await guarded(
      ticketDecider,
      ticketStreamId('T1'),
      receive,
      ctx,
      metaOf('c1', intruder, ctx.now),
    );
    expect(E.isLeft(result) && result.left).toMatchObject({
      kind: 'forbidden',
      code: 'FORBIDDEN_UNIT',
      actorId: 'staff-909',
    });
    expect(await collect(store.readStream(ticketStreamId('T1')))).toEqual([]);
    const [denial] = await collect(store.readStream(securityAuditStreamId('centre-02')));
    expect(denial?.envelope).toMatchObject({
      type: 'CommandDenied',
      actor: intruder,
      causationId: 'c1',
      data: {
        commandType: 'ReceiveTicket',
        commandId: 'c1',
        targetStreamId: 'ticket-T1',
        code: 'FORBIDDEN_UNIT',
        requirement: 'ARC-02',
      },
    });
  });

  it('X-05 refuses an oversized command with a clear error before anything is read or written', async () => {
    const { store, guarded } = setup();
    const ctx = ticketCtx(0);
    const big = {
      ...receive,
      data: { ...receive.data, reason: '长'.repeat(70_000) },
    } as TicketCommand;
    const result = await guarded(
      ticketDecider,
      ticketStreamId('T1'),
      big,
      ctx,
      metaOf('c1', windowStaff, ctx.now),
    );
    expect(E.isLeft(result) && result.left).toMatchObject({
      kind: 'validation',
      code: 'COMMAND_TOO_LARGE',
      requirement: 'X-05',
      path: ['data'],
    });
    expect(await collect(store.readAll())).toEqual([]);
  });

  it('X-06 only a privacy officer may erase a data subject; a refusal is recorded and no key is destroyed', async () => {
    const { store, keyStore, guarded } = setup();
    const key = await keyStore.activeKey('ds-1');
    const erase = {
      type: 'EraseDataSubject' as const,
      data: {
        subjectId: 'ds-1',
        legalBasis: 'consent-withdrawn' as const,
        requester: { kind: 'data-subject' as const, reference: 'R-1' },
        reason: '撤回同意',
      },
    };
    const ctx = ticketCtx(0);
    const refused = await eraseDataSubject(
      { handle: guarded, keyStore },
      erase,
      ctx,
      metaOf('e1', windowStaff, ctx.now),
    );
    expect(refused._tag === 'Left' && refused.left.code).toBe('FORBIDDEN_ROLE');
    expect(await keyStore.lookup(key.kid)).toMatchObject({ state: 'active' });
    expect(await collect(store.readStream(securityAuditStreamId('centre-01')))).toHaveLength(1);
    const octx = ticketCtx(1, officer);
    const done = await eraseDataSubject(
      { handle: guarded, keyStore },
      erase,
      octx,
      metaOf('e2', officer, octx.now),
    );
    expect(done._tag === 'Right' && done.right.keysDestroyed).toBe(1);
    expect(await keyStore.lookup(key.kid)).toEqual({ state: 'erased' });
  });

  it('X-07 a replayed command (same id) appends nothing twice', async () => {
    const { store, handle } = setup();
    const ctx = ticketCtx(0);
    const command = {
      type: 'EraseDataSubject' as const,
      data: {
        subjectId: 'ds-2',
        legalBasis: 'retention-expired' as const,
        requester: { kind: 'controller' as const, reference: 'R-2' },
        reason: '保存期限届满',
      },
    };
    const keyStore = createMemoryKeyStore();
    await eraseDataSubject({ handle, keyStore }, command, ctx, metaOf('e9', officer, ctx.now));
    const again = await eraseDataSubject(
      { handle, keyStore },
      command,
      ctx,
      metaOf('e9', officer, ctx.now),
    );
    expect(again._tag === 'Right' && again.right.recorded.duplicate).toBe(true);
    expect(await collect(store.readAll())).toHaveLength(1);
  });
});
