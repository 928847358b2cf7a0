import { type StoredEvent, type VerifyReport, verifyLog } from '@civic-ledger/domain';
import { CliError, EXIT_FAILURE } from '../cli-error.js';
import type { Lang } from '../i18n.js';
import { verifyFile } from '../jsonl/verify-file.js';
import { createProgress } from '../progress.js';
import { storeSource } from '../replay/sources.js';
import { type Globals, print, withStore } from './context.js';

const BREAK_KIND: Record<string, { zh: string; en: string }> = {
  altered: { zh: '被篡改', en: 'altered' },
  removed: { zh: '被删除', en: 'removed' },
  inserted: { zh: '被插入', en: 'inserted' },
  reordered: { zh: '顺序被调换', en: 'reordered' },
};

/** Prints an intact report, or throws the first break as a one-line failure (exit 1). */
const conclude = (report: VerifyReport, lang: Lang): void => {
  if (report.ok) {
    print(
      lang === 'zh'
        ? `完整：${report.events} 个事件，${report.streams} 条流，哈希链无断裂`
        : `intact: ${report.events} events in ${report.streams} streams, every hash link holds`,
    );
    return;
  }
  const b = report.break;
  const kind = BREAK_KIND[b.kind] ?? { zh: b.kind, en: b.kind };
  const at =
    b.position === undefined
      ? ''
      : lang === 'zh'
        ? `，位置 ${b.position}`
        : `, position ${b.position}`;
  throw new CliError(
    {
      zh: `哈希链断裂：流 ${b.streamId} 第 ${b.streamVersion} 版${at}（事件 ${b.eventId}）${kind.zh} — ${b.message.zh}`,
      en: `broken chain: stream ${b.streamId} version ${b.streamVersion}${at} (event ${b.eventId}) ${kind.en} — ${b.message.en}`,
    },
    EXIT_FAILURE,
  );
};

const check = async (
  events: AsyncIterable<StoredEvent>,
  lang: Lang,
  progressed: () => number | undefined,
  quiet: boolean,
): Promise<void> => {
  const progress = createProgress(lang === 'zh' ? '校验' : 'verify', lang, quiet);
  let seen = 0;
  async function* counted(): AsyncGenerator<StoredEvent> {
    for await (const event of events) {
      seen++;
      if (seen % 1000 === 0) progress.update(seen, progressed());
      yield event;
    }
  }
  const report = await verifyLog(counted());
  progress.update(seen, progressed());
  progress.stop();
  conclude(report, lang);
};

/** `verify --from FILE`: the export's bytes through `verifyFile`, with progress. */
const checkFile = async (path: string, lang: Lang, quiet: boolean): Promise<void> => {
  const progress = createProgress(lang === 'zh' ? '校验' : 'verify', lang, quiet);
  const result = await verifyFile(path, (events, ratio) => progress.update(events, ratio));
  if (result.kind === 'unreadable') throw new CliError(result.problem.message, EXIT_FAILURE);
  progress.stop();
  conclude(result.report, lang);
};

/** `verify [--from FILE]`: checks every hash link of the store or of a JSONL export. */
export const verifyCommand = async (
  globals: Globals,
  options: { from?: string },
): Promise<void> => {
  if (options.from) {
    await checkFile(options.from, globals.lang, globals.quiet);
    return;
  }
  await withStore(globals, (store) => {
    const source = storeSource(store);
    return check(source.events, globals.lang, source.ratio, globals.quiet);
  });
};
