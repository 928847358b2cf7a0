import type { StoredEvent } from '@civic-ledger/domain';
import { usageError } from '../cli-error.js';
import { toCloudEvent } from '../export/cloudevents.js';
import { writeOpen311 } from '../export/open311.js';
import { openSink } from '../io.js';
import { encodeLine } from '../jsonl/format.js';
import { createProgress } from '../progress.js';
import { storeSource } from '../replay/sources.js';
import { type Globals, print, withStore } from './context.js';

export type ExportFormat = 'jsonl' | 'cloudevents' | 'open311';

/**
 * `export --format jsonl|cloudevents|open311 [--out FILE]`. JSONL is the full, verifiable
 * log (privileged by nature: hashes cover the personal data). CloudEvents and Open311 are
 * for other systems and mask personal data unless `--privileged`.
 */
export const exportCommand = async (
  globals: Globals,
  options: { format: string; out?: string; privileged?: boolean },
): Promise<void> => {
  const format = options.format as ExportFormat;
  if (!['jsonl', 'cloudevents', 'open311'].includes(format))
    throw usageError(
      `未知的导出格式 ${options.format}（可用：jsonl、cloudevents、open311）`,
      `unknown export format ${options.format} (use jsonl, cloudevents or open311)`,
    );
  const sink = openSink(options.out);
  const quiet = globals.quiet || !options.out;
  let n = 0;
  await withStore(globals, async (store) => {
    const source = storeSource(store);
    const events = source.events;
    if (format === 'open311') {
      n = await writeOpen311(events, sink, options.privileged ?? false);
      return;
    }
    const progress = createProgress(globals.lang === 'zh' ? '导出' : 'export', globals.lang, quiet);
    const line =
      format === 'jsonl'
        ? encodeLine
        : (e: StoredEvent) => JSON.stringify(toCloudEvent(e, options.privileged ?? false));
    for await (const stored of events) {
      await sink.write(line(stored));
      if (++n % 1000 === 0) progress.update(n, source.ratio());
    }
    progress.update(n, source.ratio());
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
