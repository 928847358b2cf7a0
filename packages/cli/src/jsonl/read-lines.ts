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
const BLANK = /^\s*$/;

/**
 * Streams the non-empty lines of a file (`\n`-separated, a trailing `\r` dropped) in bounded
 * memory, any size. Lines are split on the bytes and decoded one by one, which is much
 * cheaper than `readline` over a decoded stream (no decoder state, no regex per chunk, byte
 * offsets for free) — replay and verify read millions of lines.
 */
export async function* readLines(path: string): AsyncGenerator<NumberedLine> {
  fileSize(path);
  const file = await open(path, 'r');
  let buffer = Buffer.allocUnsafe(CHUNK);
  /** Bytes of `buffer` holding data; `start` is where the current line begins. */
  let filled = 0;
  let start = 0;
  let consumed = 0;
  let line = 0;
  try {
    for (;;) {
      if (start > 0) {
        // Keep the partial line at the front.
        buffer.copy(buffer, 0, start, filled);
        filled -= start;
        start = 0;
      }
      if (filled === buffer.length) {
        // A line longer than the buffer: grow it.
        const bigger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(bigger, 0, 0, filled);
        buffer = bigger;
      }
      const { bytesRead } = await file.read(buffer, filled, buffer.length - filled, null);
      const eof = bytesRead === 0;
      filled += bytesRead;
      for (;;) {
        let end = buffer.indexOf(NEWLINE, start);
        if (end < 0 || end >= filled) {
          if (!eof || start >= filled) break;
          end = filled;
        }
        line++;
        const next = Math.min(end + 1, filled);
        consumed += next - start;
        const stop = end > start && buffer[end - 1] === CR ? end - 1 : end;
        const text = buffer.toString('utf8', start, stop);
        start = next;
        if (BLANK.test(text)) continue;
        yield { text, line, bytesRead: consumed };
      }
      if (eof) return;
    }
  } finally {
    await file.close();
  }
}
