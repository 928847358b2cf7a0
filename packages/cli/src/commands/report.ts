import { writeFileSync } from 'node:fs';
import { defaultPolicy, type StoredEvent } from '@civic-ledger/domain';
import type {
  ComplianceQueries,
  KpiQueries,
  RectificationLedgerQueries,
  SatisfactionQueries,
} from '@civic-ledger/projections';
import { failure } from '../cli-error.js';
import { createProgress } from '../progress.js';
import { reportProjections } from '../replay/catalogue.js';
import { type Cut, replayProjections } from '../replay/engine.js';
import { storeSource } from '../replay/sources.js';
import { buildReportData } from '../report/build.js';
import { renderHtml } from '../report/render-html.js';
import { renderMarkdown } from '../report/render-markdown.js';
import { type Globals, withStore } from './context.js';
import { instantOption, periodEnd, periodOption, quarterOf, unitOption } from './options.js';

const later = (a: string, b: string): boolean => Date.parse(a) > Date.parse(b);

/** The options of `civic-ledger report`, as commander parses them. */
export interface ReportOptions {
  period?: string;
  unit?: string;
  format: string;
  out?: string;
  asOf?: string;
  communities?: string;
}

/**
 * `report`: KPIs with targets and breaches, satisfaction, overdue items and the
 * rectification ledger for a period (default: the quarter of the latest event), from the
 * projections' read models rebuilt in one pass as of the period's end. They hold no
 * personal field, so the stored events are read as they are: nothing is decrypted, and a
 * personal field a read model might keep would be ciphertext, masked as `***` (X-06).
 */
export const reportCommand = async (globals: Globals, options: ReportOptions): Promise<void> => {
  const asked = options.period ? periodOption(options.period) : undefined;
  const unit = options.unit ? unitOption(options.unit) : undefined;
  const asOf = options.asOf ? instantOption('--as-of', options.asOf) : undefined;
  const policy = defaultPolicy;
  const end = asked ? periodEnd(asked) : undefined;
  const cutAt = asOf && end ? (later(asOf, end) ? end : asOf) : (asOf ?? end);
  const cut: Cut = cutAt ? { asOf: cutAt } : {};
  const communities = options.communities
    ?.split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '');
  const models = reportProjections(policy, communities);
  const data = await withStore(globals, async (store) => {
    const progress = createProgress(
      globals.lang === 'zh' ? '报告' : 'report',
      globals.lang,
      globals.quiet || !options.out,
    );
    // The last event inside the cut, and the last of all: overdue is judged at the cut when
    // the log goes beyond it, else at the last event.
    let last: string | undefined;
    let lastAll: string | undefined;
    let events = 0;
    const source = storeSource(store);
    async function* tracked(): AsyncGenerator<StoredEvent> {
      for await (const e of source.events) {
        const at = e.envelope.occurredAt;
        if (!lastAll || later(at, lastAll)) lastAll = at;
        if (!cutAt || !later(at, cutAt)) {
          events++;
          if (!last || later(at, last)) last = at;
        }
        yield e;
      }
    }
    const built = await replayProjections(tracked(), Object.values(models), cut, (n) =>
      progress.update(n, source.ratio()),
    );
    progress.stop();
    if (!last || !lastAll)
      throw failure(
        '存储中没有事件（先运行 civic-ledger demo）',
        'the store holds no events (run civic-ledger demo first)',
      );
    const query = <Q>(name: string) => built.get(name)?.query as Q;
    return buildReportData({
      policy,
      period: asked ?? quarterOf(last),
      ...(unit ? { unit } : {}),
      kpi: query<KpiQueries>(models.kpi.name),
      satisfaction: query<SatisfactionQueries>(models.satisfaction.name),
      compliance: query<ComplianceQueries>(models.compliance.name),
      ledger: query<RectificationLedgerQueries>(models.ledger.name),
      events,
      at: cutAt && later(lastAll, cutAt) ? cutAt : last,
      ...(asOf ? { asOf } : {}),
      generatedAt: new Date().toISOString(),
    });
  });
  const text =
    options.format === 'html'
      ? renderHtml(data, globals.lang)
      : options.format === 'json'
        ? JSON.stringify(data, null, 2)
        : renderMarkdown(data, globals.lang);
  if (options.out) writeFileSync(options.out, text.endsWith('\n') ? text : `${text}\n`);
  else process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
};
