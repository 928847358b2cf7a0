import { GENESIS_HASH } from '@civic-ledger/domain';
import type { SqlDatabase } from './sql-database.js';

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** A PostgreSQL schema name, validated so that it can be spliced into SQL text. */
export const quoteSchema = (schema: string): string => {
  if (!IDENTIFIER.test(schema)) throw new Error(`invalid schema name ${JSON.stringify(schema)}`);
  return `"${schema}"`;
};

/** The LISTEN/NOTIFY channel of one schema's log. */
export const notifyChannel = (schema: string): string => `civic_ledger_${schema}`;

/**
 * The event log. `log_head` is a single row that every append locks (`FOR UPDATE`): it
 * serialises position assignment, so positions become visible in commit order and a reader
 * paging by position can never skip an event committed late (the sequence-gap pitfall), and
 * it carries the global `log_hash` chain. Times are stored as text because the envelope hash
 * is taken over their exact original spelling.
 */
const eventLogDdl = (s: string): string => `
CREATE SCHEMA IF NOT EXISTS ${s};
CREATE TABLE IF NOT EXISTS ${s}.log_head (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  position bigint NOT NULL,
  log_hash text NOT NULL
);
INSERT INTO ${s}.log_head (singleton, position, log_hash)
  VALUES (true, 0, '${GENESIS_HASH}') ON CONFLICT (singleton) DO NOTHING;
CREATE TABLE IF NOT EXISTS ${s}.events (
  position bigint PRIMARY KEY,
  event_id text NOT NULL UNIQUE,
  stream_id text NOT NULL,
  stream_version integer NOT NULL CHECK (stream_version > 0),
  type text NOT NULL,
  schema_version integer NOT NULL,
  occurred_at text NOT NULL,
  recorded_at text NOT NULL,
  actor jsonb NOT NULL,
  command_id text NOT NULL,
  causation_id text NOT NULL,
  correlation_id text NOT NULL,
  data jsonb NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  log_hash text NOT NULL,
  UNIQUE (stream_id, stream_version)
);
CREATE INDEX IF NOT EXISTS events_type_position ON ${s}.events (type, position);
`;

/**
 * `append_events(…)`: the appends of one group commit in one call (one round trip, one
 * transaction in autocommit). Appends are given as parallel arrays — per append its stream,
 * expected version (n ≥ 0, or -1 any, -2 no-stream, -3 stream-exists) and event count; per
 * event its envelope columns, the appends' events one after the other. It locks `log_head`
 * (the lock that keeps positions gap-free and the `log_hash` chain global) and looks up the
 * streams' versions in one statement. A call with no stream twice and no event id twice or
 * already stored (the common case) takes the fast path: each append stands alone, so it is
 * judged without further lookups (expected version, envelopes continuing the stream). Any
 * other call takes the general path: two more lookups (ids stored, ids repeated in the call),
 * then each append checked in order, seeing the appends before it in the same call: re-sent
 * event ids (all at their place: duplicate; else conflict), the expected version, and that the
 * envelopes continue the stream. Both paths give the same outcome for a call the fast path
 * takes (tests/contract/sql-append-paths.spec.ts). It inserts the accepted ones in one INSERT
 * with `log_hash = sha256(prev || hash)` — exactly `nextLogHash` — moves the head, NOTIFYs,
 * and returns one row per append: status 0 ok / 1 conflict / 2 duplicate, the stream's version
 * (after the append; the actual one on a conflict or duplicate) and the last position.
 */
const appendFunctionDdl = (s: string): string => `
CREATE OR REPLACE FUNCTION ${s}.append_events(
  a_stream text[], a_expected integer[], a_count integer[],
  e_id text[], e_stream text[], e_version integer[], e_type text[], e_schema integer[],
  e_occurred text[], e_recorded text[], e_actor text[], e_command text[], e_causation text[],
  e_correlation text[], e_data text[], e_prev text[], e_hash text[], channel text)
RETURNS TABLE (r_status smallint, r_version integer, r_position bigint)
LANGUAGE plpgsql
-- Generic plans, made once per session: left to choose, PostgreSQL kept planning the call's
-- statements afresh on every call, a third of the function's time (perf, 8 single appends a
-- call). A generic plan made while the log was small must not stay a sequential scan of the
-- whole log as it grows, so every lookup here goes by its index whatever the sizes: seqscan
-- off (the log head's lookup too, hence "WHERE singleton"), and each lookup of the log a
-- probe per value (a correlated or LATERAL subquery, never a join that could become a scan;
-- tests/contract/postgres-plans.spec.ts). JIT off, since disabled paths look costly.
SET enable_seqscan = off
SET jit = off
SET plan_cache_mode = force_generic_plan
AS $fn$
DECLARE
  n_app integer := coalesce(array_length(a_stream, 1), 0);
  n_ev integer := coalesce(array_length(e_id, 1), 0);
  head_pos bigint;
  head_hash text;
  start_pos bigint;
  stored_ver integer[];   -- per append: its stream's stored version
  known_pos bigint[];     -- per event: where its id is already stored (null: nowhere)
  known_sid text[];
  known_ver integer[];
  first_at integer[];     -- per event: the first event of this call with the same id
  pos bigint[] := array_fill(NULL::bigint, ARRAY[n_ev]);  -- positions of accepted events
  log_hashes text[] := array_fill(NULL::text, ARRAY[n_ev]);
  seen_sid text[] := '{}';  -- streams accepted into in this call, and their versions
  seen_ver integer[] := '{}';
  lo integer := 1;
  hi integer;
  k integer;
  f integer;
  actual integer;
  known integer;
  same integer;
  known_last bigint;
  ok boolean;
  fast boolean;
  start_app bigint;  -- the head before an append (fast path), to undo it
  start_hash text;
BEGIN
  SELECT h.position, h.log_hash INTO head_pos, head_hash
    FROM ${s}.log_head h WHERE h.singleton FOR UPDATE;
  IF head_pos IS NULL THEN
    RAISE EXCEPTION 'log_head of ${s} is empty';
  END IF;
  start_pos := head_pos;
  -- One lookup for the call: each append's stored version, and whether the call can take the
  -- fast path — no stream twice, no event id twice or already stored, counts that add up (the
  -- common case). There every append stands alone: it is ok when its expected version holds
  -- and its envelopes continue the stream, else a conflict — what the general path below
  -- decides for it, with two statements and a loop over the events fewer.
  -- (Tests set civic_ledger.append_path to 'general' to compare the two paths.)
  SELECT array_agg(a.stored ORDER BY a.o),
         count(DISTINCT a.sid) = n_app AND count(a.cnt) = n_app AND min(a.cnt) > 0
           AND sum(a.cnt) = n_ev AND cardinality(a_expected) = n_app
           AND (SELECT count(DISTINCT x.id) FROM unnest(e_id) AS x(id)) = n_ev
           AND NOT EXISTS (SELECT FROM ${s}.events ev WHERE ev.event_id = ANY (e_id))
           AND current_setting('civic_ledger.append_path', true) IS DISTINCT FROM 'general'
    INTO stored_ver, fast
    FROM (SELECT a.o, a.sid, a.cnt,
                 coalesce((SELECT max(ev.stream_version) FROM ${s}.events ev
                            WHERE ev.stream_id = a.sid), 0) AS stored
            FROM unnest(a_stream, a_count) WITH ORDINALITY AS a(sid, cnt, o)) a;

  IF fast THEN
    FOR i IN 1 .. n_app LOOP
      hi := lo + a_count[i] - 1;
      actual := stored_ver[i];
      r_status := 1; r_version := actual; r_position := NULL;
      IF (CASE a_expected[i] WHEN -1 THEN true WHEN -2 THEN actual = 0
            WHEN -3 THEN actual > 0 ELSE a_expected[i] = actual END) THEN
        -- Positions and log hashes as the envelopes are checked to continue the stream; an
        -- envelope that does not stops the loop and the append is undone.
        start_app := head_pos;
        start_hash := head_hash;
        FOR j IN lo .. hi LOOP
          EXIT WHEN e_stream[j] IS DISTINCT FROM a_stream[i]
                 OR e_version[j] IS DISTINCT FROM actual + (j - lo + 1);
          head_pos := head_pos + 1;
          head_hash := encode(sha256(convert_to(head_hash || e_hash[j], 'UTF8')), 'hex');
          pos[j] := head_pos;
          log_hashes[j] := head_hash;
        END LOOP;
        IF head_pos - start_app = a_count[i] THEN
          r_status := 0; r_version := actual + a_count[i]; r_position := head_pos;
        ELSE
          FOR j IN lo .. hi LOOP pos[j] := NULL; END LOOP;
          head_pos := start_app;
          head_hash := start_hash;
        END IF;
      END IF;
      RETURN NEXT;
      lo := hi + 1;
    END LOOP;
  ELSE
  -- The general path: two more lookups (where each id is stored, where it first occurs in
  -- this call), then each append checked in order against the ones before it.
  SELECT array_agg(ev.position ORDER BY x.o), array_agg(ev.stream_id ORDER BY x.o),
         array_agg(ev.stream_version ORDER BY x.o)
    INTO known_pos, known_sid, known_ver
    FROM unnest(e_id) WITH ORDINALITY AS x(id, o)
    LEFT JOIN LATERAL (SELECT e.position, e.stream_id, e.stream_version FROM ${s}.events e
                        WHERE e.event_id = x.id) ev ON true;
  SELECT array_agg(y.f ORDER BY y.o) INTO first_at
    FROM (SELECT x.o, min(x.o) OVER (PARTITION BY x.id) AS f
            FROM unnest(e_id) WITH ORDINALITY AS x(id, o)) y;

  FOR i IN 1 .. n_app LOOP
    hi := lo + a_count[i] - 1;
    k := array_position(seen_sid, a_stream[i]);
    actual := CASE WHEN k IS NULL THEN stored_ver[i] ELSE seen_ver[k] END;
    -- Re-sent ids: stored before, or accepted earlier in this call.
    known := 0;
    same := 0;
    known_last := NULL;
    ok := true;
    FOR j IN lo .. hi LOOP
      f := first_at[j];
      IF known_pos[j] IS NOT NULL THEN
        known := known + 1;
        IF known_sid[j] = a_stream[i] AND known_ver[j] = e_version[j] THEN same := same + 1; END IF;
        IF j = hi THEN known_last := known_pos[j]; END IF;
      ELSIF f < lo AND pos[f] IS NOT NULL THEN
        known := known + 1;
        IF e_stream[f] = a_stream[i] AND e_version[f] = e_version[j] THEN same := same + 1; END IF;
        IF j = hi THEN known_last := pos[f]; END IF;
      ELSIF f >= lo AND f < j THEN
        ok := false; -- the same id twice in one append: the unique constraint would refuse it
      END IF;
      IF e_stream[j] IS DISTINCT FROM a_stream[i] OR e_version[j] IS DISTINCT FROM actual + (j - lo + 1) THEN
        ok := false; -- the envelopes do not continue the stream
      END IF;
    END LOOP;
    IF known > 0 THEN
      IF same = a_count[i] AND known_last IS NOT NULL THEN
        r_status := 2; r_version := actual; r_position := known_last;
      ELSE
        r_status := 1; r_version := actual; r_position := NULL;
      END IF;
    ELSIF NOT ok OR NOT (CASE a_expected[i] WHEN -1 THEN true WHEN -2 THEN actual = 0
                          WHEN -3 THEN actual > 0 ELSE a_expected[i] = actual END) THEN
      r_status := 1; r_version := actual; r_position := NULL;
    ELSE
      FOR j IN lo .. hi LOOP
        head_pos := head_pos + 1;
        head_hash := encode(sha256(convert_to(head_hash || e_hash[j], 'UTF8')), 'hex');
        pos[j] := head_pos;
        log_hashes[j] := head_hash;
      END LOOP;
      IF k IS NULL THEN
        seen_sid := seen_sid || a_stream[i];
        seen_ver := seen_ver || (actual + a_count[i]);
      ELSE
        seen_ver[k] := actual + a_count[i];
      END IF;
      r_status := 0; r_version := actual + a_count[i]; r_position := head_pos;
    END IF;
    RETURN NEXT;
    lo := hi + 1;
  END LOOP;
  END IF;

  IF head_pos <> start_pos THEN
    -- One INSERT for every accepted append of the call.
    INSERT INTO ${s}.events (position, event_id, stream_id, stream_version, type,
        schema_version, occurred_at, recorded_at, actor, command_id, causation_id,
        correlation_id, data, prev_hash, hash, log_hash)
      SELECT pos[x.o::integer], x.id, x.sid, x.v, x.t, x.sv, x.occ, x.rec, x.act::jsonb, x.cmd,
             x.cau, x.cor, x.dat::jsonb, x.prv, x.hsh, log_hashes[x.o::integer]
        FROM unnest(e_id, e_stream, e_version, e_type, e_schema, e_occurred, e_recorded,
                    e_actor, e_command, e_causation, e_correlation, e_data, e_prev, e_hash)
          WITH ORDINALITY AS x(id, sid, v, t, sv, occ, rec, act, cmd, cau, cor, dat, prv, hsh, o)
        WHERE pos[x.o::integer] IS NOT NULL;
    UPDATE ${s}.log_head SET position = head_pos, log_hash = head_hash WHERE singleton;
    -- Delivered on COMMIT only, so listeners never wake for a rolled-back append.
    PERFORM pg_notify(channel, head_pos::text);
  END IF;
END
$fn$`;

/**
 * Creates the event log tables and the append function if missing (the function is replaced,
 * so an older schema gets the current one). DDL runs under a transaction-scoped advisory lock
 * because concurrent `CREATE TABLE IF NOT EXISTS` can still collide in the catalogue.
 */
export const ensureEventLogSchema = async (db: SqlDatabase, schema: string): Promise<void> => {
  const s = quoteSchema(schema);
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`civic-ledger:${schema}`]);
    for (const statement of eventLogDdl(s).split(';\n')) {
      if (statement.trim()) await tx.query(statement);
    }
    await tx.query(appendFunctionDdl(s));
  });
};
