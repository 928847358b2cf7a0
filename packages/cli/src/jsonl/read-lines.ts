import { statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { failure } from '../cli-error.js';

/** One non-empty line of a file with its 1-based number and the bytes read so far. */
export interface NumberedLine {
  readonly text: string;
  readonly line: number;
  readonly bytesRead: number;
}

/** Size of a file in bytes, or a one-line failure naming it. */
export const fileSize = (path: string): number => {
  try {
    return statSync(path).size;
  } catch {
    throw failure(`找不到文件 ${path}`, `cannot read ${path}`);
  }
};

/** Bytes read from the file at a time: few round trips to the thread pool, bounded memory. */
const CHUNK = 1 << 20;
const NEWLINE = 0x0a;
const CR = 0x0d;
const OPEN_BRACE = 0x7b;
const BLANK = /^\s*$/;

/**
 * The non-empty lines of one read (see `readLineChunks`), decoded only when asked for: a
 * megabyte of lines decoded ahead of its events stayed alive through several collections of
 * the young generation, and was copied by each. Valid until the next chunk is asked for:
 * its bytes are then read into again.
 */
export interface LineChunk {
  readonly count: number;
  /** The text of the chunk's `k`-th line (without `\n` and a trailing `\r`). */
  text(k: number): string;
  /** Its 1-based number in the file. */
  line(k: number): number;
  /** The bytes of the file up to the end of it, its newline included. */
  bytesRead(k: number): number;
}

/**
 * Streams the non-empty lines of a file (`\n`-separated, a trailing `\r` dropped) in bounded
 * memory, any size, one read's worth of lines at a time. Lines are split on the bytes and
 * decoded one by one, which is much cheaper than `readline` over a decoded stream (no decoder
 * state, no regex per chunk, byte offsets for free) — replay and verify read millions of lines.
 *
 * The next read is under way while the lines of the current one are handed out: a replay
 * spends milliseconds on each megabyte, and waiting for the disk only after that left the
 * core idle for an eighth of a replay whose file was not in the page cache. Two buffers take
 * turns; the unfinished line at the end of one is copied out before it is read into again.
 */
export async function* readLineChunks(path: string, chunkBytes = CHUNK): AsyncGenerator<LineChunk> {
  fileSize(path);
  const file = await open(path, 'r');
  const buffers = [Buffer.allocUnsafe(chunkBytes), Buffer.allocUnsafe(chunkBytes)];
  const readInto = (i: number) => file.read(buffers[i]!, 0, chunkBytes, null);
  /** The start of a line that the previous read did not finish. */
  let carry: Buffer | undefined;
  let consumed = 0;
  let line = 0;
  // The chunk's lines: where each one's bytes are, its number and the bytes read through it.
  let sources: Buffer[] = [];
  let starts: number[] = [];
  let stops: number[] = [];
  let numbers: number[] = [];
  let reads: number[] = [];
  /** Adds a line (its bytes without the `\n`) unless it is blank. */
  const add = (bytes: Buffer, start: number, end: number, next: number): void => {
    line++;
    consumed = next;
    const stop = end > start && bytes[end - 1] === CR ? end - 1 : end;
    // Nearly every line of an export starts with `{`; only the others can be blank.
    if (bytes[start] !== OPEN_BRACE && BLANK.test(bytes.toString('utf8', start, stop))) return;
    sources.push(bytes);
    starts.push(start);
    stops.push(stop);
    numbers.push(line);
    reads.push(consumed);
  };
  /** The lines added since the last chunk, as a chunk; the next lines go to new lists. */
  const chunk = (): LineChunk => {
    const [src, from, to, num, read] = [sources, starts, stops, numbers, reads];
    sources = [];
    starts = [];
    stops = [];
    numbers = [];
    reads = [];
    return {
      count: from.length,
      text: (k) => (src[k] as Buffer).toString('utf8', from[k], to[k]),
      line: (k) => num[k] as number,
      bytesRead: (k) => read[k] as number,
    };
  };
  let current = 0;
  let reading = readInto(current);
  try {
    for (;;) {
      const { bytesRead } = await reading;
      const buffer = buffers[current]!;
      const base = consumed + (carry?.length ?? 0);
      if (bytesRead === 0) {
        if (carry !== undefined && carry.length > 0)
          add(carry, 0, carry.length, consumed + carry.length);
        if (starts.length > 0) yield chunk();
        return;
      }
      let start = 0;
      let end = buffer.indexOf(NEWLINE, 0);
      if (end >= bytesRead) end = -1;
      if (end >= 0 && carry !== undefined) {
        // The line the previous read began.
        const whole = Buffer.concat([carry, buffer.subarray(0, end)]);
        add(whole, 0, whole.length, base + end + 1);
        carry = undefined;
        start = end + 1;
        end = buffer.indexOf(NEWLINE, start);
        if (end >= bytesRead) end = -1;
      }
      while (end >= 0) {
        add(buffer, start, end, base + end + 1);
        start = end + 1;
        end = buffer.indexOf(NEWLINE, start);
        if (end >= bytesRead) end = -1;
      }
      // Keep the unfinished line before this buffer is read into again.
      const rest = buffer.subarray(start, bytesRead);
      carry = carry === undefined ? Buffer.from(rest) : Buffer.concat([carry, rest]);
      current = 1 - current;
      reading = readInto(current);
      if (starts.length > 0) yield chunk();
    }
  } finally {
    // A consumer that stops early leaves a read under way: let it end before closing.
    await reading.catch(() => undefined);
    await file.close();
  }
}

/** The non-empty lines of a file one by one (see `readLineChunks`). */
export async function* readLines(path: string, chunkBytes = CHUNK): AsyncGenerator<NumberedLine> {
  for await (const chunk of readLineChunks(path, chunkBytes))
    for (let k = 0; k < chunk.count; k++)
      yield { text: chunk.text(k), line: chunk.line(k), bytesRead: chunk.bytesRead(k) };
}
