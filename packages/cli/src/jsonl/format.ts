import {
  EnvelopeSchema,
  type EventEnvelope,
  envelopeCanonicalJson,
  jsonString,
  type StoredEvent,
} from '@civic-ledger/domain';
import { z } from 'zod';
import { surelyValidLine } from './fast-check.js';

/**
 * One line of the JSONL export (docs/jsonl-format.md): the envelope's fields, plus the
 * event's global `position` as a decimal string (it is a bigint) and the store's `logHash`.
 * Unknown fields are refused: the hash does not cover them, so they could be added unseen.
 */
export const LineSchema = EnvelopeSchema.extend({
  position: z.string().regex(/^[1-9][0-9]*$/),
  logHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
}).strict();

/**
 * Encodes a stored event as one JSONL line (no trailing newline) in the canonical layout
 * (docs/jsonl-format.md): `position`, `logHash`, `hash`, then the envelope's canonical JSON
 * (the exact text `hash` was taken over) without its opening brace. Readers that parse the
 * line see the same fields as any other layout; `verify` hashes the bytes after the prefix
 * directly instead of parsing and re-serialising every event.
 */
export const encodeLine = (event: StoredEvent): string => {
  const canonical = envelopeCanonicalJson(event.envelope);
  const logHash = event.logHash === undefined ? '' : `,"logHash":${jsonString(event.logHash)}`;
  return `{"position":"${event.position}"${logHash},"hash":${jsonString(event.envelope.hash)},${canonical.slice(1)}`;
};

/** Why a line could not be read. */
export interface LineProblem {
  readonly line: number;
  readonly message: { readonly zh: string; readonly en: string };
}

/** Decodes one line; the envelope keeps the exact values written, so its hash can be checked. */
export const decodeLine = (
  text: string,
  line: number,
): { ok: true; event: StoredEvent } | { ok: false; problem: LineProblem } => {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problem: {
        line,
        message: {
          zh: `第 ${line} 行不是合法 JSON：${why}`,
          en: `line ${line} is not valid JSON: ${why}`,
        },
      },
    };
  }
  // The common case, checked by hand; anything it is not sure of is judged by zod.
  if (surelyValidLine(raw)) return { ok: true, event: storedOf(raw as z.infer<typeof LineSchema>) };
  const parsed = LineSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : '(line)';
    const what = issue?.message ?? 'invalid';
    return {
      ok: false,
      problem: {
        line,
        message: {
          zh: `第 ${line} 行不是有效的事件：字段 ${where} ${what}`,
          en: `line ${line} is not a valid event: field ${where}: ${what}`,
        },
      },
    };
  }
  // Keep the object as written (zod may normalise); only the two log fields are split off.
  const { position, logHash, ...envelope } = raw as z.infer<typeof LineSchema>;
  return {
    ok: true,
    event: {
      position: BigInt(position),
      envelope: envelope as EventEnvelope,
      ...(logHash === undefined ? {} : { logHash }),
    },
  };
};

/**
 * The stored event of a line the hand-written check accepted: it has exactly the envelope's
 * fields and the two log fields, so the envelope is built field by field (the values as
 * written) — a rest copy of the line cost more than any read model of a replay.
 */
const storedOf = (raw: z.infer<typeof LineSchema>): StoredEvent => {
  const envelope: EventEnvelope = {
    eventId: raw.eventId,
    streamId: raw.streamId,
    streamVersion: raw.streamVersion,
    type: raw.type,
    schemaVersion: raw.schemaVersion,
    occurredAt: raw.occurredAt,
    recordedAt: raw.recordedAt,
    actor: raw.actor,
    commandId: raw.commandId,
    causationId: raw.causationId,
    correlationId: raw.correlationId,
    data: raw.data,
    prevHash: raw.prevHash,
    hash: raw.hash,
  };
  const position = BigInt(raw.position);
  return raw.logHash === undefined
    ? { position, envelope }
    : { position, envelope, logHash: raw.logHash };
};
