import { createSqlEventStore, type SqlDatabase, type SqlEventStore } from '@civic-ledger/adapters';
import {
  type EventEnvelope,
  type ExpectedVersion,
  GENESIS_HASH,
  VersionConflictError,
  verifyLog,
} from '@civic-ledger/domain';
import { describe, expect } from 'vitest';
import { collect, envelopes } from './envelopes.js';
import { backendTest, sqlBackends } from './sql-backends.js';

// `append_events` decides a call with no stream twice and no event id twice or already stored
// in a few set-based statements (the fast path); every other call goes the general way, append
// by append. These tests run the same appends through both and compare every outcome and row.
const [embedded, postgres] = sqlBackends();

/** The database, with every `append_events` call forced down the general path. */
const generalOnly = (db: SqlDatabase): SqlDatabase => ({
  ...db,
  query: (text, params, options) =>
    text.includes('append_events(')
      ? db.transaction(async (tx) => {
          await tx.query(`SET LOCAL civic_ledger.append_path = 'general'`);
          return tx.query(text, params, options);
        })
      : db.query(text, params, options),
});

type Outcome =
  | { readonly ok: { nextVersion: number; lastPosition: bigint; duplicate: boolean } }
  | { readonly conflict: { streamId: string; actual: number | undefined } }
  | { readonly error: string };

interface Step {
  readonly streamId: string;
  readonly expected: ExpectedVersion;
  readonly events: readonly EventEnvelope[];
}

/** Submits a round's appends together (after a primer, so that they form one group). */
const runRound = async (store: SqlEventStore, round: readonly Step[]): Promise<Outcome[]> => {
  const settled = await Promise.allSettled(
    round.map((s) => store.append(s.streamId, s.expected, s.events)),
  );
  return settled.map((r): Outcome => {
    if (r.status === 'fulfilled') return { ok: r.value };
    const reason: unknown = r.reason;
    if (reason instanceof VersionConflictError)
      return { conflict: { streamId: reason.streamId, actual: reason.actual } };
    return { error: String(reason) };
  });
};

/**
 * Rounds of appends on distinct streams with fresh ids — what the fast path takes — covering
 * every outcome: exact, 'any', 'no-stream' and 'stream-exists' appends that hold and that do
 * not, a stale expected version, envelopes that do not continue their stream, batches.
 */
const script = (): Step[][] => {
  const heads = new Map<string, { version: number; hash: string }>();
  const head = (s: string) => heads.get(s) ?? { version: 0, hash: GENESIS_HASH };
  const step = (
    streamId: string,
    expected: ExpectedVersion,
    count: number,
    options: { readonly skew?: number; readonly accept?: boolean } = {},
  ): Step => {
    const h = head(streamId);
    const from = { version: h.version + (options.skew ?? 0), hash: h.hash };
    const events = envelopes(streamId, from, count, { tag: `r${heads.size}` });
    if (options.accept !== false) {
      const last = events[events.length - 1]!;
      heads.set(streamId, { version: last.streamVersion, hash: last.hash });
    }
    return { streamId, expected, events };
  };
  const rounds: Step[][] = [];
  for (let r = 0; r < 4; r++) {
    rounds.push([
      step(`p-${r}`, 0, 1), // the primer: goes alone
      step(`a-${r % 2}`, head(`a-${r % 2}`).version, 1),
      step(`b-${r % 2}`, 'any', 2),
      step(`c-${r}`, 'no-stream', 3),
      step(`a-${(r + 1) % 2}`, 'no-stream', 1, { accept: r === 0 }), // exists from round 1 on
      step(`d-${r}`, 'stream-exists', 1, { accept: false }), // never exists
      step(`b-${(r + 1) % 2}`, 'stream-exists', 1, { accept: r > 0 }),
      step(`e-${r % 2}`, head(`e-${r % 2}`).version + 1, 1, { accept: false }), // stale
      step(`f-${r % 2}`, 'any', 2, { skew: 1, accept: false }), // a gap in the versions
      step(`g-${r}`, 0, 10),
    ]);
  }
  return rounds;
};

for (const backend of [embedded!, postgres!]) {
  const test = backendTest(backend);
  describe(`[${backend.name}] append_events: the fast path and the general path`, () => {
    test('X-01 X-07 given appends on distinct streams with fresh ids, when run down the fast and the general path, then every outcome, position and log hash is the same', async () => {
      const tag = `${process.pid}_${Date.now() % 100_000}`;
      const fast = await createSqlEventStore(backend.db(), { schema: `pathf_${tag}` });
      const general = await createSqlEventStore(generalOnly(backend.db()), {
        schema: `pathg_${tag}`,
      });
      try {
        for (const round of script()) {
          const [primer, ...rest] = round;
          const run = async (store: SqlEventStore) => {
            const first = runRound(store, [primer!]);
            const others = runRound(store, rest);
            return [...(await first), ...(await others)];
          };
          const [viaFast, viaGeneral] = [await run(fast), await run(general)];
          expect(viaFast).toEqual(viaGeneral);
          // Not vacuous: every kind of outcome occurs.
          expect(viaFast.some((o) => 'ok' in o)).toBe(true);
          expect(viaFast.some((o) => 'conflict' in o)).toBe(true);
        }
        const [rowsFast, rowsGeneral] = [
          await collect(fast.readAll()),
          await collect(general.readAll()),
        ];
        const shape = (rows: typeof rowsFast) =>
          rows.map((e) => [e.position, e.logHash, e.envelope.eventId, e.envelope.streamVersion]);
        expect(shape(rowsFast)).toEqual(shape(rowsGeneral));
        expect(await verifyLog(rowsFast)).toMatchObject({ ok: true, events: rowsFast.length });
      } finally {
        await fast.close();
        await general.close();
      }
    });

    test('X-01 given a re-sent append in a group, when the group is sent, then it is a duplicate at its first position and the others are judged as on the fast path', async () => {
      const tag = `${process.pid}_${Date.now() % 100_000}`;
      const store = await createSqlEventStore(backend.db(), { schema: `pathd_${tag}` });
      try {
        const a = envelopes('dup-a', { version: 0, hash: GENESIS_HASH }, 2);
        const first = await store.append('dup-a', 0, a);
        const b = envelopes('dup-b', { version: 0, hash: GENESIS_HASH }, 1);
        const c = envelopes('dup-c', { version: 0, hash: GENESIS_HASH }, 1);
        const primer = store.append(
          'dup-p',
          0,
          envelopes('dup-p', { version: 0, hash: GENESIS_HASH }, 1),
        );
        const [again, okB, staleC] = await Promise.allSettled([
          store.append('dup-a', 0, a),
          store.append('dup-b', 0, b),
          store.append('dup-c', 1, c),
        ]);
        await primer;
        expect(again).toMatchObject({
          status: 'fulfilled',
          value: { nextVersion: 2, lastPosition: first.lastPosition, duplicate: true },
        });
        expect(okB).toMatchObject({ status: 'fulfilled', value: { nextVersion: 1 } });
        expect((staleC as PromiseRejectedResult).reason).toBeInstanceOf(VersionConflictError);
        expect(await verifyLog(await collect(store.readAll()))).toMatchObject({
          ok: true,
          events: 4,
        });
      } finally {
        await store.close();
      }
    });
  });
}
