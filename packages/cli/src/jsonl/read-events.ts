import type { StoredEvent } from '@civic-ledger/domain';
import { CliError, EXIT_FAILURE } from '../cli-error.js';
import { decodeLine } from './format.js';
import { readLineChunks } from './read-lines.js';

/**
 * Streams the events of a JSONL export; a malformed line stops the stream with a one-line
 * error naming it. `onBytes` reports progress through the file. Lines are taken a read at a
 * time, so the only promise per event is the one the consumer awaits, and each is decoded
 * just before its event.
 */
export async function* readEventsFile(
  path: string,
  onBytes?: (bytesRead: number) => void,
): AsyncGenerator<StoredEvent> {
  for await (const lines of readLineChunks(path)) {
    for (let k = 0; k < lines.count; k++) {
      const decoded = decodeLine(lines.text(k), lines.line(k));
      if (!decoded.ok) throw new CliError(decoded.problem.message, EXIT_FAILURE);
      onBytes?.(lines.bytesRead(k));
      yield decoded.event;
    }
  }
}
