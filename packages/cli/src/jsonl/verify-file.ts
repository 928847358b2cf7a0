import { open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import {
  type BatchHashes,
  createLinesVerifier,
  hashLineBatch,
  type LineBatch,
  type LinesReport,
} from '@civic-ledger/domain';
import { decodeLine, type LineProblem } from './format.js';
import { createHashWorker } from './hash-worker.js';
import { fileSize } from './read-lines.js';

/** Bytes read at a time: few round trips to the thread pool and to the worker. */
const CHUNK = 1 << 20;
/** Batches read ahead of the one being pushed: reading and hashing overlap, memory stays bounded. */
const AHEAD = 2;

/**
 * Verifies the hash chains of a JSONL export from its bytes (`createLinesVerifier`): lines
 * in the canonical layout are hashed as they stand, in a worker thread while this one reads
 * and pushes (when there is more than one core); any other line is decoded as `import` and
 * `replay` decode it. The verdict is the one `verifyLog` gives over the decoded events.
 * `onProgress` gets the events verified and the share of the file read.
 */
export const verifyFile = async (
  path: string,
  onProgress?: (events: number, ratio: number) => void,
): Promise<LinesReport<LineProblem>> => {
  const size = Math.max(1, fileSize(path));
  const verifier = createLinesVerifier(decodeLine);
  const file = await open(path, 'r');
  // Started once the file is open, and stopped in `finally`: a live worker keeps the process.
  const worker = availableParallelism() > 1 ? createHashWorker() : undefined;
  const hash = (batch: LineBatch<LineProblem>): Promise<BatchHashes> =>
    worker ? worker.hash(batch) : Promise.resolve(hashLineBatch(batch));
  const queue: Promise<[LineBatch<LineProblem>, BatchHashes]>[] = [];
  let bytes = 0;
  let readable = true;
  /** Buffers handed back with their hashes, read into again (fresh memory costs page faults). */
  const spare: Buffer[] = [];
  const settleOldest = async (): Promise<void> => {
    const oldest = queue.shift();
    if (oldest === undefined) return;
    const [batch, hashed] = await oldest;
    if (readable) readable = verifier.settle(batch, hashed);
    const { buffer } = hashed.bytes;
    if (buffer instanceof ArrayBuffer && buffer.byteLength === CHUNK)
      spare.push(Buffer.from(buffer));
    onProgress?.(verifier.events(), bytes / size);
  };
  try {
    while (readable && !verifier.stopped()) {
      // A buffer of its own (the bytes move to the worker and back), reused once settled:
      // the batch keeps no reference to its bytes after that.
      const buffer = spare.pop() ?? Buffer.allocUnsafeSlow(CHUNK);
      const { bytesRead } = await file.read(buffer, 0, CHUNK, null);
      if (bytesRead === 0) break;
      bytes += bytesRead;
      const batch = verifier.scan(buffer.subarray(0, bytesRead));
      queue.push(hash(batch).then((hashed) => [batch, hashed]));
      while (queue.length > AHEAD) await settleOldest();
    }
    while (queue.length > 0) await settleOldest();
  } finally {
    await Promise.allSettled(queue);
    await file.close();
    await worker?.close();
  }
  return verifier.end();
};
