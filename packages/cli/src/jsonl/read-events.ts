import type { StoredEvent } from '@civic-ledger/domain';
import { CliError, EXIT_FAILURE } from '../cli-error.js';
import { decodeLine } from './format.js';
import { readLines } from './read-lines.js';

/**
 * Streams the events of a JSONL export; a malformed line stops the stream with a one-line
 * error naming it. `onBytes` reports progress through the file.
 */
export async function* readEventsFile(
  path: string,
  onBytes?: (bytesRead: number) => void,
): AsyncGenerator<StoredEvent> {
  for await (const { text, line, bytesRead } of readLines(path)) {
    const decoded = decodeLine(text, line);
    if (!decoded.ok) throw new CliError(decoded.problem.message, EXIT_FAILURE);
    onBytes?.(bytesRead);
    yield decoded.event;
  }
}
