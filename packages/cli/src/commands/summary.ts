import { defaultPolicy, type EventStore } from '@civic-ledger/domain';
import {
  createKpiProjection,
  type KpiQueries,
  type Period,
  periodOf,
} from '@civic-ledger/projections';
import type { Lang } from '../i18n.js';
import { replayProjections } from '../replay/engine.js';
import { storeSource } from '../replay/sources.js';
import { formatTarget, formatValue } from '../report/format.js';
import { KPI_META } from '../report/kpi-catalogue.js';
import { quarterOf } from './options.js';

const localDay = (instant: string): string =>
  new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * The period a demo summary shows: the last calendar month the run covers completely (its
 * deadlines have mostly fallen due), else the quarter of the last event.
 */
export const summaryPeriod = (firstAt: string, lastAt: string): Period => {
  const last = localDay(lastAt);
  const previous = periodOf('month', `${last.slice(0, 7)}-01`);
  const before = periodOf(
    'month',
    new Date(Date.parse(`${previous.from}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10),
  );
  return localDay(firstAt) <= before.from ? before : quarterOf(lastAt);
};

/** A few lines of KPIs for the terminal after a demo. */
export const kpiSummaryLines = async (
  store: EventStore,
  lang: Lang,
  firstAt?: string,
  lastAt?: string,
  /** K-16: the communities registered (the simulated city's). */
  communities: readonly string[] = [],
): Promise<string[]> => {
  if (!lastAt || !firstAt) return [];
  const kpi = createKpiProjection({ policy: defaultPolicy, communities });
  const built = await replayProjections(storeSource(store).events, [kpi]);
  const period = summaryPeriod(firstAt, lastAt);
  const query = built.get(kpi.name)?.query as KpiQueries | undefined;
  const values = query?.all(period.key) ?? [];
  const lines = [lang === 'zh' ? `\n关键指标（${period.key}）：` : `\nKPIs (${period.key}):`];
  for (const v of values) {
    if (v.value === null) continue;
    const meta = KPI_META.find((m) => m.id === v.id);
    if (!meta) continue;
    const kv = {
      ...meta,
      value: v.value,
      direction: v.target?.comparison ?? ('none' as const),
      breach: v.breach,
      ...(v.target ? { target: v.target.value } : {}),
    };
    const mark = v.breach === null ? '  ' : v.breach ? '✗ ' : '✓ ';
    lines.push(
      `  ${mark}${v.id} ${meta.name[lang].padEnd(lang === 'zh' ? 10 : 24)} ${formatValue(v.value, meta.unit, lang).padStart(10)}  ${formatTarget(kv, lang)}`,
    );
  }
  lines.push(
    lang === 'zh'
      ? '\n下一步：civic-ledger report --format html --out report.html；civic-ledger verify'
      : '\nnext: civic-ledger report --format html --out report.html; civic-ledger verify',
  );
  return lines;
};
