import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import type { Writable } from 'node:stream';

/** A line sink that respects back-pressure, to a file or stdout. */
export interface LineSink {
  write(line: string): Promise<void>;
  close(): Promise<void>;
}

/** Opens `path` for writing (or stdout when absent) as a back-pressured line sink. */
export const openSink = (path?: string): LineSink => {
  const out: Writable = path ? createWriteStream(path, { encoding: 'utf8' }) : process.stdout;
  let failed: unknown;
  out.on('error', (error) => {
    failed = error;
  });
  return {
    async write(line) {
      if (failed) throw failed;
      if (!out.write(`${line}\n`)) await once(out, 'drain');
    },
    async close() {
      if (failed) throw failed;
      if (path) {
        const file = out as WriteStream;
        await new Promise<void>((resolve, reject) => {
          file.end((error?: Error | null) => (error ? reject(error) : resolve()));
        });
      }
    },
  };
};
