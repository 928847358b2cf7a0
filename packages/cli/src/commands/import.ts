import { ImportRefusedError } from '@civic-ledger/adapters';
import {
  computeHash,
  type EventEnvelope,
  type EventStore,
  GENESIS_HASH,
  nextLogHash,
  type StoredEvent,
} from '@civic-ledger/domain';
import { CliError, EXIT_FAILURE, failure } from '../cli-error.js';
import { decodeLine } from '../jsonl/format.js';
import { fileSize, readLines } from '../jsonl/read-lines.js';
import { createProgress } from '../progress.js';
import { type Globals, print, withStore } from './context.js';

interface Head {
  version: number;
  hash: string;
}

interface Pending {
  readonly line: number;
  readonly envelope: EventEnvelope;
}

/** Stores with a bulk path (PostgreSQL, embedded) write a whole batch in one transaction. */
type BulkStore = EventStore & {
  importBatch(events: readonly EventEnvelope[]): Promise<unknown>;
};
const isBulk = (store: EventStore): store is BulkStore =>
  typeof (store as Partial<BulkStore>).importBatch === 'function';

const reject = (line: number, zh: string, en: string): CliError =>
  new CliError(
    {
      zh: `第 ${line} 行：${zh}；本批次未写入任何事件`,
      en: `line ${line}: ${en}; nothing of this batch was written`,
    },
    EXIT_FAILURE,
  );

const altered = (line: number, e: EventEnvelope): CliError =>
  reject(
    line,
    `事件 ${e.eventId} 的哈希与内容不符（被篡改）`,
    `event ${e.eventId} does not match its hash (altered)`,
  );

/**
 * The file's own global chain (X-07), checked line by line before any of a batch is written:
 * positions ascend; while every line carries a `logHash` (every export of our stores does),
 * each `logHash` chains the previous one from 64 zeros and positions go up by one, so lines
 * removed, inserted or moved between streams are refused even when each stream looks intact.
 */
const createFileChainCheck = () => {
  let lastPosition = 0n;
  let logHead: string | undefined = GENESIS_HASH;
  return (line: number, { position, logHash, envelope }: StoredEvent): void => {
    if (position <= lastPosition)
      throw reject(
        line,
        `位置 ${position} 不在上一行的位置 ${lastPosition} 之后（顺序被调换）`,
        `position ${position} does not follow position ${lastPosition} (reordered)`,
      );
    if (logHash === undefined) logHead = undefined;
    else if (logHead !== undefined) {
      if (position !== lastPosition + 1n)
        throw reject(
          line,
          `位置 ${position} 紧跟位置 ${lastPosition}，中间的事件缺失（被删除）`,
          `position ${position} follows position ${lastPosition}: the events between are missing (removed)`,
        );
      if (logHash !== nextLogHash(logHead, envelope.hash))
        throw reject(
          line,
          `logHash 未链接到上一行（之前的事件被删除、插入或篡改）`,
          `its logHash does not chain the previous line's (events before it were removed, inserted or altered)`,
        );
      logHead = logHash;
    }
    lastPosition = position;
  };
};

/**
 * Where each stream stands in the store, read once per stream. A store that was empty when
 * the import began holds only what this import wrote, which `heads` already knows: no
 * lookups then (a concurrent writer is still caught: the store refuses the write).
 */
const createStoreHeads = async (store: EventStore) => {
  const heads = new Map<string, Head>();
  const emptyAtStart = (await store.headPosition()) === 0n;
  const get = async (streamId: string): Promise<Head> => {
    const known = heads.get(streamId);
    if (known) return known;
    let head: Head = { version: 0, hash: GENESIS_HASH };
    if (!emptyAtStart) {
      const version = await store.streamVersion(streamId);
      if (version > 0)
        for await (const e of store.readStream(streamId, { fromVersion: version }))
          head = { version, hash: e.envelope.hash };
    }
    heads.set(streamId, head);
    return head;
  };
  return { get, set: (streamId: string, head: Head) => heads.set(streamId, head) };
};
type StoreHeads = Awaited<ReturnType<typeof createStoreHeads>>;

const storedHash = async (
  store: EventStore,
  streamId: string,
  version: number,
): Promise<string | undefined> => {
  for await (const e of store.readStream(streamId, { fromVersion: version }))
    return e.envelope.hash;
  return undefined;
};

/**
 * Checks a whole batch before anything is written: every event continues its stream's chain
 * (in the store or earlier in the file) and, where the store has no bulk path that verifies
 * hashes itself, matches its hash. Events already stored identically are dropped; the heads
 * are moved past the batch at once, so the next batch can be checked while this one is written.
 */
const checkBatch = async (
  store: EventStore,
  batch: readonly Pending[],
  heads: StoreHeads,
): Promise<Pending[]> => {
  const hashedByStore = isBulk(store);
  const local = new Map<string, Head>();
  const fresh: Pending[] = [];
  for (const pending of batch) {
    const { line, envelope } = pending;
    if (!hashedByStore && computeHash(envelope) !== envelope.hash) throw altered(line, envelope);
    const head = local.get(envelope.streamId) ?? (await heads.get(envelope.streamId));
    // Already in the store and identical: an import that stopped half-way can be rerun.
    if (envelope.streamVersion <= head.version && !local.has(envelope.streamId)) {
      if (hashedByStore && computeHash(envelope) !== envelope.hash) throw altered(line, envelope);
      if ((await storedHash(store, envelope.streamId, envelope.streamVersion)) === envelope.hash)
        continue;
      throw reject(
        line,
        `流 ${envelope.streamId} 第 ${envelope.streamVersion} 版已存在且内容不同`,
        `stream ${envelope.streamId} already has a different event at version ${envelope.streamVersion}`,
      );
    }
    if (envelope.streamVersion !== head.version + 1)
      throw reject(
        line,
        `流 ${envelope.streamId} 应为第 ${head.version + 1} 版，实际为第 ${envelope.streamVersion} 版`,
        `stream ${envelope.streamId} expected version ${head.version + 1}, got ${envelope.streamVersion}`,
      );
    if (envelope.prevHash !== head.hash)
      throw reject(
        line,
        `事件 ${envelope.eventId} 未链接到流 ${envelope.streamId} 的上一事件`,
        `event ${envelope.eventId} does not link to the previous event of ${envelope.streamId}`,
      );
    local.set(envelope.streamId, { version: envelope.streamVersion, hash: envelope.hash });
    fresh.push(pending);
  }
  for (const [streamId, head] of local) heads.set(streamId, head);
  return fresh;
};

/** The store's refusal of a bulk batch, named by the line it is about. */
const explainRefusal = (error: ImportRefusedError, batch: readonly Pending[]): CliError => {
  const at = batch.find((p) => p.envelope.eventId === error.eventId);
  if (at && computeHash(at.envelope) !== at.envelope.hash) return altered(at.line, at.envelope);
  if (at) return reject(at.line, `存储拒绝了该事件：${error.message}`, error.message);
  const first = batch[0]?.line ?? 0;
  return reject(
    first,
    `从此行起的批次被存储拒绝：${error.message}`,
    `the batch from here on was refused: ${error.message}`,
  );
};

/**
 * Writes a checked batch: in one transaction where the store has a bulk path (so the batch
 * is all-or-nothing in the store too), else consecutive events of one stream per append.
 */
const writeBatch = async (store: EventStore, batch: readonly Pending[]): Promise<void> => {
  if (batch.length === 0) return;
  if (isBulk(store)) {
    try {
      await store.importBatch(batch.map((p) => p.envelope));
    } catch (error) {
      throw error instanceof ImportRefusedError ? explainRefusal(error, batch) : error;
    }
    return;
  }
  let run: EventEnvelope[] = [];
  const flush = async (): Promise<void> => {
    const first = run[0];
    if (!first) return;
    await store.append(first.streamId, first.streamVersion - 1, run);
    run = [];
  };
  for (const { envelope } of batch) {
    if (run[0] && run[0].streamId !== envelope.streamId) await flush();
    run.push(envelope);
  }
  await flush();
};

/** Lines decoded between two turns of the event loop while a batch is being written. */
const YIELD_EVERY = 256;

/**
 * `import FILE.jsonl`: bulk import in batches, each all-or-nothing: a malformed, altered or
 * out-of-chain line is reported with its number and nothing of its batch is written (earlier
 * batches stay). While one batch is written, the next is read and checked.
 */
export const importCommand = async (
  globals: Globals,
  file: string,
  options: { batch: string },
): Promise<void> => {
  const size = Number(options.batch);
  if (!Number.isInteger(size) || size < 1)
    throw failure('--batch 必须是正整数', '--batch must be a positive integer');
  const total = Math.max(1, fileSize(file));
  await withStore(globals, async (store) => {
    const heads = await createStoreHeads(store);
    const checkFileChain = createFileChainCheck();
    const progress = createProgress(
      globals.lang === 'zh' ? '导入' : 'import',
      globals.lang,
      globals.quiet,
    );
    let batch: Pending[] = [];
    let written = 0;
    let skipped = 0;
    let bytes = 0;
    /** The previous batch's write, awaited before the next one starts or anything is reported. */
    let writing: Promise<number> | undefined;
    const settle = async (): Promise<void> => {
      const inFlight = writing;
      writing = undefined;
      if (inFlight) written += await inFlight;
      progress.update(written, bytes / total);
    };
    /** Settles the write in flight, then fails: the batches before this one are in. */
    const fail = async (error: unknown): Promise<never> => {
      await settle();
      throw error;
    };
    const commit = async (): Promise<void> => {
      const fresh = await checkBatch(store, batch, heads).catch(fail);
      skipped += batch.length - fresh.length;
      batch = [];
      await settle();
      const write = writeBatch(store, fresh).then(() => fresh.length);
      // Awaited by the next settle; handled here so that it is never "unhandled" meanwhile.
      write.catch(() => {});
      writing = write;
    };
    let sinceYield = 0;
    for await (const { text, line, bytesRead } of readLines(file)) {
      bytes = bytesRead;
      const decoded = decodeLine(text, line);
      if (!decoded.ok) {
        await settle();
        throw new CliError(
          {
            zh: `${decoded.problem.message.zh}；本批次未写入任何事件（此前已写入 ${written} 个）`,
            en: `${decoded.problem.message.en}; nothing of this batch was written (${written} written before it)`,
          },
          EXIT_FAILURE,
        );
      }
      try {
        checkFileChain(line, decoded.event);
      } catch (error) {
        await fail(error);
      }
      batch.push({ line, envelope: decoded.event.envelope });
      if (batch.length >= size) await commit();
      // Let the write in flight move on (socket, next chunk) while this side decodes.
      else if (writing && ++sinceYield >= YIELD_EVERY) {
        sinceYield = 0;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    await commit();
    await settle();
    progress.stop();
    print(
      globals.lang === 'zh'
        ? `已导入 ${written} 个事件${skipped > 0 ? `（${skipped} 个已存在，跳过）` : ''}`
        : `imported ${written} events${skipped > 0 ? ` (${skipped} already stored, skipped)` : ''}`,
    );
  });
};
