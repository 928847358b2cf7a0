import type { StoredEvent } from '@civic-ledger/domain';
import { usageError } from '../cli-error.js';
import { toCloudEvent } from '../export/cloudevents.js';
import { writeOpen311 } from '../export/open311.js';
import { openSink } from '../io.js';
import { encodeLine } from '../jsonl/format.js';
import { readAllUpToHead, readableEvents } from '../privacy/readers.js';
import { createProgress } from '../progress.js';
import { type Globals, print, privilegedReaderOption, withStores } from './context.js';

export type ExportFormat = 'jsonl' | 'cloudevents' | 'open311';

/**
 * `export --format jsonl|cloudevents|open311 [--out FILE] [--privileged --purpose TEXT]`.
 * JSONL is the stored, verifiable log: personal fields as the ciphertext the hashes cover.
 * CloudEvents and Open311 are for other systems: personal data decrypted and masked (`张*`,
 * erased `已删除`), or in clear for a privileged reader with a purpose, each read recorded
 * as `PersonalDataRead` before it is written out.
 */
export const exportCommand = async (
  globals: Globals,
  options: { format: string; out?: string; privileged?: boolean; purpose?: string; actor?: string },
): Promise<void> => {
  const format = options.format as ExportFormat;
  if (!['jsonl', 'cloudevents', 'open311'].includes(format))
    throw usageError(
      `未知的导出格式 ${options.format}（可用：jsonl、cloudevents、open311）`,
      `unknown export format ${options.format} (use jsonl, cloudevents or open311)`,
    );
  const reader = privilegedReaderOption(options);
  if (reader && format === 'jsonl')
    throw usageError(
      'jsonl 导出的是存储形态（个人信息为密文，可校验）；--privileged 用于 cloudevents、open311',
      'jsonl exports the stored form (personal data as ciphertext, verifiable); --privileged is for cloudevents and open311',
    );
  const sink = openSink(options.out);
  const quiet = globals.quiet || !options.out;
  let n = 0;
  await withStores(globals, async ({ store, keys }) => {
    // Up to the head at the start: a privileged export appends its own read records.
    const stored = readAllUpToHead(store);
    const privileged = reader !== undefined;
    if (format === 'open311') {
      const tickets = async function* () {
        for await (const e of stored) if (e.envelope.streamId.startsWith('ticket-')) yield e;
      };
      n = await writeOpen311(
        readableEvents(store, tickets(), await keys(), reader),
        sink,
        privileged,
      );
      return;
    }
    const head = await store.headPosition();
    const progress = createProgress(globals.lang === 'zh' ? '导出' : 'export', globals.lang, quiet);
    const events =
      format === 'jsonl' ? stored : readableEvents(store, stored, await keys(), reader);
    const line =
      format === 'jsonl'
        ? encodeLine
        : (e: StoredEvent) => JSON.stringify(toCloudEvent(e, privileged));
    const ratio = (at: bigint) => (head > 0n ? Math.min(1, Number(at) / Number(head)) : undefined);
    let at = 0n;
    for await (const e of events) {
      await sink.write(line(e));
      at = e.position;
      if (++n % 1000 === 0) progress.update(n, ratio(at));
    }
    progress.update(n, ratio(at));
    progress.stop();
  });
  await sink.close();
  if (options.out)
    print(
      globals.lang === 'zh'
        ? `已导出 ${n} 条记录（${format}）到 ${options.out}`
        : `exported ${n} records (${format}) to ${options.out}`,
    );
};
