import {
  computeHash,
  type EventEnvelope,
  type EventStore,
  GENESIS_HASH,
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

/** The stream's head in the store (version and last hash), read once per stream. */
const storeHead = async (
  store: EventStore,
  streamId: string,
  heads: Map<string, Head>,
): Promise<Head> => {
  const known = heads.get(streamId);
  if (known) return known;
  const version = await store.streamVersion(streamId);
  let hash = GENESIS_HASH;
  if (version > 0)
    for await (const e of store.readStream(streamId, { fromVersion: version }))
      hash = e.envelope.hash;
  const head = { version, hash };
  heads.set(streamId, head);
  return head;
};

const reject = (line: number, zh: string, en: string): CliError =>
  new CliError(
    {
      zh: `第 ${line} 行：${zh}；本批次未写入任何事件`,
      en: `line ${line}: ${en}; nothing of this batch was written`,
    },
    EXIT_FAILURE,
  );

/**
 * Checks a whole batch before anything is written: every line parses, every hash matches
 * its content, every event continues its stream's chain (in the store or earlier in the file).
 */
const checkBatch = async (
  store: EventStore,
  batch: readonly Pending[],
  heads: Map<string, Head>,
): Promise<Pending[]> => {
  const local = new Map<string, Head>();
  const fresh: Pending[] = [];
  for (const pending of batch) {
    const { line, envelope } = pending;
    if (computeHash(envelope) !== envelope.hash)
      throw reject(
        line,
        `事件 ${envelope.eventId} 的哈希与内容不符（被篡改）`,
        `event ${envelope.eventId} does not match its hash (altered)`,
      );
    const head = local.get(envelope.streamId) ?? {
      ...(await storeHead(store, envelope.streamId, heads)),
    };
    // Already in the store and identical: an import that stopped half-way can be rerun.
    if (envelope.streamVersion <= head.version && !local.has(envelope.streamId)) {
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
  return fresh;
};

const storedHash = async (
  store: EventStore,
  streamId: string,
  version: number,
): Promise<string | undefined> => {
  for await (const e of store.readStream(streamId, { fromVersion: version }))
    return e.envelope.hash;
  return undefined;
};

/** Stores with a bulk path (PostgreSQL, embedded) write a whole batch in one transaction. */
type BulkStore = EventStore & {
  importBatch(events: readonly EventEnvelope[]): Promise<unknown>;
};
const isBulk = (store: EventStore): store is BulkStore =>
  typeof (store as Partial<BulkStore>).importBatch === 'function';

/**
 * Writes a checked batch: in one transaction where the store has a bulk path (so the batch
 * is all-or-nothing in the store too), else consecutive events of one stream per append.
 */
const writeBatch = async (
  store: EventStore,
  batch: readonly Pending[],
  heads: Map<string, Head>,
): Promise<void> => {
  if (isBulk(store)) {
    if (batch.length === 0) return;
    await store.importBatch(batch.map((p) => p.envelope));
    for (const { envelope } of batch)
      heads.set(envelope.streamId, { version: envelope.streamVersion, hash: envelope.hash });
    return;
  }
  let run: EventEnvelope[] = [];
  const flush = async (): Promise<void> => {
    const first = run[0];
    const last = run[run.length - 1];
    if (!first || !last) return;
    await store.append(first.streamId, first.streamVersion - 1, run);
    heads.set(first.streamId, { version: last.streamVersion, hash: last.hash });
    run = [];
  };
  for (const { envelope } of batch) {
    if (run[0] && run[0].streamId !== envelope.streamId) await flush();
    run.push(envelope);
  }
  await flush();
};

/**
 * `import FILE.jsonl`: bulk import in batches, each all-or-nothing as far as checking goes:
 * a malformed, altered or out-of-chain line is reported with its number and nothing of its
 * batch is written (earlier batches stay).
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
    const heads = new Map<string, Head>();
    const progress = createProgress(
      globals.lang === 'zh' ? '导入' : 'import',
      globals.lang,
      globals.quiet,
    );
    let batch: Pending[] = [];
    let written = 0;
    let skipped = 0;
    let bytes = 0;
    const commit = async (): Promise<void> => {
      const fresh = await checkBatch(store, batch, heads);
      await writeBatch(store, fresh, heads);
      written += fresh.length;
      skipped += batch.length - fresh.length;
      batch = [];
      progress.update(written, bytes / total);
    };
    for await (const { text, line, bytesRead } of readLines(file)) {
      bytes = bytesRead;
      const decoded = decodeLine(text, line);
      if (!decoded.ok)
        throw new CliError(
          {
            zh: `${decoded.problem.message.zh}；本批次未写入任何事件（此前已写入 ${written} 个）`,
            en: `${decoded.problem.message.en}; nothing of this batch was written (${written} written before it)`,
          },
          EXIT_FAILURE,
        );
      batch.push({ line, envelope: decoded.event.envelope });
      if (batch.length >= size) await commit();
    }
    await commit();
    progress.stop();
    print(
      globals.lang === 'zh'
        ? `已导入 ${written} 个事件${skipped > 0 ? `（${skipped} 个已存在，跳过）` : ''}`
        : `imported ${written} events${skipped > 0 ? ` (${skipped} already stored, skipped)` : ''}`,
    );
  });
};
