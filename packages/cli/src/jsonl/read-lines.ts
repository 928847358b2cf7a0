import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
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

/** Streams the non-empty lines of a file (readline: bounded memory, any size). */
export async function* readLines(path: string): AsyncGenerator<NumberedLine> {
  fileSize(path);
  const stream = createReadStream(path, { encoding: 'utf8' });
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let line = 0;
  let bytesRead = 0;
  try {
    for await (const text of lines) {
      line++;
      bytesRead += Buffer.byteLength(text, 'utf8') + 1;
      if (text.trim() === '') continue;
      yield { text, line, bytesRead };
    }
  } finally {
    lines.close();
    stream.destroy();
  }
}
