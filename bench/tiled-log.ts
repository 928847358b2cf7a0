import type { StoredEvent } from '@civic-ledger/domain';
import { decodeLine } from '../packages/cli/src/jsonl/format.js';
import { readLines } from '../packages/cli/src/jsonl/read-lines.js';

/** Years each pass moves later: a 4-year step keeps 29 February valid (no year 2100 is reached). */
const YEARS_PER_PASS = 4;
// A year followed by a dash (dates, instants, quarters, `T2026-…` ids), not inside a hex run.
const YEAR = /(?<![0-9a-f])20([0-9]{2})(?=-)/g;

/**
 * A log longer than the cached one without simulating it again: the cached JSONL export read
 * `passes` times, pass k with every year moved 4·k later (dates, instants, and the ids that
 * carry a year: tickets `T2026-…`, audits, surveys) and positions continued. Every pass thus
 * brings new cases on new days, as a longer run of the city would; staff and facilities are
 * the same city's. Lines are decoded exactly as `replay --from` decodes them (the hashes of a
 * moved pass no longer hold: this is for replay, not for verify).
 */
export async function* tiledLog(path: string, events: number): AsyncGenerator<StoredEvent> {
  let position = 0;
  for (let pass = 0; position < events; pass++) {
    const shift = pass * YEARS_PER_PASS;
    let inPass = 0;
    for await (const { text, line } of readLines(path)) {
      if (position >= events) return;
      const moved =
        shift === 0
          ? text
          : text.replace(YEAR, (_, yy: string) => String(2000 + Number(yy) + shift));
      const decoded = decodeLine(moved, line);
      if (!decoded.ok) throw new Error(decoded.problem.message.en);
      inPass++;
      yield { ...decoded.event, position: BigInt(++position) };
    }
    if (inPass === 0) throw new Error(`empty log: ${path}`);
  }
}
