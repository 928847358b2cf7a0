import { Worker } from 'node:worker_threads';
import { BATCH_STRIDE, type BatchHashes, type LineBatch } from '@civic-ledger/domain';

/**
 * The worker's code, plain JavaScript evaluated in the worker (no module to resolve, so it
 * runs alike from the sources, the build and the tests). It does what `attestedHash` and
 * `nextLogHash` do for each line of a batch (see `LineBatch`): checks the bytes (UTF-8, hex
 * `prevHash` and `logHash`), hashes the canonical text, its first byte (a comma) read as
 * `{`, and the previous `logHash` followed by the line's `hash`; then hands the bytes back.
 */
const SOURCE = `
const { parentPort } = require('node:worker_threads');
const { hash } = require('node:crypto');
const { isUtf8 } = require('node:buffer');
const pair = Buffer.alloc(128);
const NOT_COMPUTED = '-'.repeat(64);
const NOT_ATTESTED = 'not attested'.padEnd(64);
const HEX = new Uint8Array(256);
for (const c of '0123456789abcdef') HEX[c.charCodeAt(0)] = 1;
const isHex64 = (b, at) => {
  for (let i = at; i < at + 64; i++) if (HEX[b[i]] !== 1) return false;
  return true;
};
parentPort.on('message', ({ id, bytes, ranges, logBase }) => {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let hashes = '';
  let logHashes = '';
  for (let k = 0; k < ranges.length; k += ${BATCH_STRIDE}) {
    const canonicalStart = ranges[k];
    const end = ranges[k + 1];
    const hashAt = ranges[k + 2];
    const baseAt = ranges[k + 3];
    const logHashAt = ranges[k + 6];
    if (
      !isHex64(b, ranges[k + 5]) ||
      (logHashAt >= 0 && !isHex64(b, logHashAt)) ||
      !isUtf8(b.subarray(ranges[k + 4], end))
    ) {
      hashes += NOT_ATTESTED;
    } else {
      b[canonicalStart] = 0x7b;
      hashes += hash('sha256', b.subarray(canonicalStart, end), 'hex');
      b[canonicalStart] = 0x2c;
    }
    if (baseAt === -1) {
      logHashes += NOT_COMPUTED;
      continue;
    }
    if (baseAt === -2) pair.write(logBase, 0, 64, 'latin1');
    else b.copy(pair, 0, baseAt, baseAt + 64);
    b.copy(pair, 64, hashAt, hashAt + 64);
    logHashes += hash('sha256', pair, 'hex');
  }
  parentPort.postMessage({ id, bytes, hashes, logHashes }, [bytes.buffer]);
});
`;

/** A worker thread that hashes line batches, so that reading and hashing overlap. */
export interface HashWorker {
  /** Hashes a batch; its bytes are moved to the worker and come back with the hashes. */
  hash(batch: LineBatch): Promise<BatchHashes>;
  close(): Promise<void>;
}

/**
 * Starts the hashing worker. A batch's bytes must own their ArrayBuffer (they are
 * transferred, not copied).
 */
export const createHashWorker = (): HashWorker => {
  const worker = new Worker(SOURCE, { eval: true });
  const waiting = new Map<
    number,
    { resolve: (h: BatchHashes) => void; reject: (e: unknown) => void }
  >();
  let next = 0;
  let failed: unknown;
  worker.on('message', (m: BatchHashes & { id: number }) => {
    const w = waiting.get(m.id);
    waiting.delete(m.id);
    w?.resolve({ bytes: m.bytes, hashes: m.hashes, logHashes: m.logHashes ?? '' });
  });
  const failAll = (error: unknown) => {
    failed = error;
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  worker.on('error', failAll);
  worker.on('exit', (code) => {
    if (waiting.size > 0) failAll(new Error(`hash worker exited with ${code}`));
  });
  return {
    hash: (batch) =>
      new Promise<BatchHashes>((resolve, reject) => {
        if (failed !== undefined) {
          reject(failed);
          return;
        }
        const id = next++;
        waiting.set(id, { resolve, reject });
        const { bytes, ranges, logBase } = batch;
        worker.postMessage({ id, bytes, ranges, logBase }, [bytes.buffer as ArrayBuffer]);
      }),
    close: async () => {
      await worker.terminate();
    },
  };
};
