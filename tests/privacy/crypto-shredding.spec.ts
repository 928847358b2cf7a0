import {
  createEmbeddedEventStore,
  createMemoryEventStore,
  createMemoryKeyStore,
  createSqlKeyStore,
  eraseDataSubject,
  pgliteDatabase,
  readAllRevealed,
  reveal,
} from '@civic-ledger/adapters';
import { PGlite } from '@civic-ledger/adapters/testing';
import {
  type DataSubjectKeyStore,
  dataSubjectId,
  ERASED,
  type EventStore,
  isEncryptedValue,
  privacyDecider,
  privacyStreamId,
  type TicketCommand,
  ticketDecider,
  ticketStreamId,
  verifyLog,
} from '@civic-ledger/domain';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  catalogue,
  collect,
  li,
  materials,
  metaOf,
  officer,
  PEPPER,
  protectedHandler,
  recordZhangAndLi,
  serviceType,
  ticketCtx,
  ticketRunner,
  windowStaff,
  zhang,
} from './support.js';

// Everything of 张三丰 that must be gone after the erasure, in any store, in any read.
const zhangSecrets = [
  '张三丰',
  zhang.idNumber,
  zhang.phone,
  '张三丰住院需要救助',
  '回访张三丰：问题已解决',
];

const json = (v: unknown) =>
  JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x));

interface Setup {
  readonly store: EventStore;
  readonly keyStore: DataSubjectKeyStore;
  /** Every byte of the stores the test can reach, as text: the event rows and the key rows. */
  readonly raw: () => Promise<string>;
}

const scenario = (name: string, setup: () => Promise<Setup>) =>
  describe(`[${name}] crypto-shredding of a data subject (X-06, X-07)`, () => {
    let s: Setup;
    beforeAll(async () => {
      s = await setup();
      const handle = protectedHandler(s.store, s.keyStore);
      const run = ticketRunner(handle);
      await recordZhangAndLi(run);
    });
    afterAll(async () => {
      await s?.store.close();
    });

    it('X-06 stores personal fields only as ciphertext, even before any erasure', async () => {
      const raw = await s.raw();
      for (const secret of [...zhangSecrets, '李四光', li.idNumber])
        expect(raw).not.toContain(secret);
      const [first] = await collect(s.store.readStream(ticketStreamId('T1')));
      const data = first?.envelope.data as { applicant?: Record<string, unknown> } | undefined;
      expect(isEncryptedValue(data?.applicant?.idNumber)).toBe(true);
      expect(await reveal(data?.applicant?.name, s.keyStore)).toBe('张三丰');
    });

    it('X-06 erasing 张三丰 leaves no plaintext of theirs in any read or store; the log still verifies (X-07)', async () => {
      const subjectId = dataSubjectId({ kind: 'id-number', value: zhang.idNumber }, PEPPER);
      const handle = protectedHandler(s.store, s.keyStore);
      const ctx = ticketCtx(12, officer);
      const erased = await eraseDataSubject(
        { handle, keyStore: s.keyStore },
        {
          type: 'EraseDataSubject',
          data: {
            subjectId,
            legalBasis: 'consent-withdrawn',
            requester: { kind: 'data-subject', reference: '删除申请 2026-118' },
            reason: '本人撤回同意',
          },
        },
        ctx,
        metaOf('erase-1', officer, ctx.now),
      );
      expect(E.isRight(erased) && erased.right.keysDestroyed).toBeGreaterThan(0);

      const revealed = await collect(readAllRevealed(s.store, catalogue, s.keyStore));
      const text = json(revealed);
      for (const secret of zhangSecrets) expect(text).not.toContain(secret);
      // The other applicant is untouched.
      expect(text).toContain('李四光');
      expect(text).toContain(li.idNumber);
      const t1 = revealed.filter((e) => e.envelope.streamId === ticketStreamId('T1'));
      expect(t1[0]?.envelope.data).toMatchObject({
        applicant: { name: ERASED, idNumber: ERASED, phone: ERASED },
        reason: ERASED,
      });
      expect(t1.find((e) => e.envelope.type === 'ReturnVisitMade')?.envelope.data).toMatchObject({
        summary: ERASED,
      });

      const raw = await s.raw();
      for (const secret of zhangSecrets) expect(raw).not.toContain(secret);
      // Sorted by position here because the SQL store's readAll currently pages in text order
      // of `position` (reported to the lead); the chain itself is what this test is about.
      const log = (await collect(s.store.readAll())).sort((a, b) =>
        a.position < b.position ? -1 : 1,
      );
      expect(await verifyLog(log)).toMatchObject({ ok: true });

      const [record] = await collect(s.store.readStream(privacyStreamId(subjectId)));
      expect(record?.envelope).toMatchObject({
        type: 'DataSubjectErased',
        actor: officer,
        data: { subjectId, legalBasis: 'consent-withdrawn' },
      });
    });

    it('X-06 new data of an erased subject is kept under a new key; the old stays erased', async () => {
      const handle = protectedHandler(s.store, s.keyStore);
      const ctx = ticketCtx(13);
      const result = await handle(
        ticketDecider,
        ticketStreamId('T9'),
        {
          type: 'ReceiveTicket',
          data: {
            ticketId: 'T9',
            channel: 'window',
            applicant: zhang,
            serviceType,
            nature: 'normal',
            reason: '再次申请',
            materials,
            communityId: 'community-03',
          },
        } as TicketCommand,
        ctx,
        metaOf('T9-1', windowStaff, ctx.now),
      );
      expect(E.isRight(result)).toBe(true);
      const events = await collect(readAllRevealed(s.store, catalogue, s.keyStore));
      const names = events
        .filter((e) => e.envelope.type === 'TicketReceived')
        .map((e) => (e.envelope.data as { applicant: { name: string } }).applicant.name);
      expect(names.sort()).toEqual([ERASED, ERASED, '张三丰', '李四光'].sort());
      // The erasure is still on record: the privacy stream folds to one erasure.
      const record = await collect(
        s.store.readStream(
          privacyStreamId(dataSubjectId({ kind: 'id-number', value: zhang.idNumber }, PEPPER)),
        ),
      );
      const state = record.reduce(
        (st, e) => privacyDecider.evolve(st, e.envelope as never),
        privacyDecider.initialState,
      );
      expect(state.erasures).toBe(1);
    });
  });

scenario('memory', async () => {
  const store = createMemoryEventStore();
  const keyStore = createMemoryKeyStore();
  return {
    store,
    keyStore,
    raw: async () => json({ events: await collect(store.readAll()), keys: keyStore.dump() }),
  };
});

let pg: PGlite;
afterAll(async () => {
  await pg?.close();
});
scenario('embedded PGlite', async () => {
  pg = await PGlite.create();
  const store = await createEmbeddedEventStore({ db: pg, schema: 'privacy_events' });
  const keyStore = await createSqlKeyStore(pgliteDatabase(pg, false), { schema: 'privacy_keys' });
  return {
    store,
    keyStore,
    raw: async () => {
      const tables = [
        'privacy_events.events',
        'privacy_keys.subject_keys',
        'privacy_keys.stream_subjects',
      ];
      const rows = await Promise.all(tables.map((t) => pg.query(`SELECT * FROM ${t}`)));
      return json(rows.map((r) => r.rows));
    },
  };
});
