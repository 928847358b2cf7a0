import type { StoredEvent } from '@civic-ledger/domain';
import type { KpiQueries, Period } from '@civic-ledger/projections';
import { failure } from '../cli-error.js';
import { createProgress } from '../progress.js';
import { projectionCatalogue } from '../replay/catalogue.js';
import type { Cut } from '../replay/engine.js';
import { replayLog } from '../replay/replay-log.js';
import { fileSource, type LogSource, storeSource } from '../replay/sources.js';
import { storeSpec } from '../store/open-store.js';
import { type Globals, print, withStore } from './context.js';
import { instantOption, periodOption } from './options.js';

const isKpi = (q: unknown): q is KpiQueries =>
  typeof q === 'object' && q !== null && typeof (q as KpiQueries).all === 'function';

const monthOf = (instant: string): Period =>
  periodOption(new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 7));

/** The options of `civic-ledger replay`, as commander parses them. */
export interface ReplayOptions {
  asOf?: string;
  knownAt?: string;
  projection?: string[];
  from?: string;
  json: boolean;
  period?: string;
  /** Keep the per-entity read models (case files, ticket progress) in this directory. */
  documents?: string;
}

/**
 * `replay`: rebuilds read models from the store or a JSONL export in one streaming pass,
 * as of a moment (`--as-of`, domain time) and as known at a moment (`--known-at`, record
 * time). Prints what was rebuilt and, for the KPI model, the KPIs of the period. Case files
 * and ticket progress go to a document store when there is one — `documents`, or the
 * PostgreSQL database of the store replayed — so memory stays bounded however long the log.
 */
export const replayCommand = async (globals: Globals, options: ReplayOptions): Promise<void> => {
  const asOf = options.asOf ? instantOption('--as-of', options.asOf) : undefined;
  const knownAt = options.knownAt ? instantOption('--known-at', options.knownAt) : undefined;
  const cut: Cut = { ...(asOf ? { asOf } : {}), ...(knownAt ? { knownAt } : {}) };
  const catalogue = projectionCatalogue();
  const names = options.projection ?? [...catalogue.keys()];
  const unknown = names.filter((n) => !catalogue.has(n));
  if (unknown.length > 0)
    throw failure(
      `未知的投影 ${unknown.join('、')}（可用：${[...catalogue.keys()].join('、')}）`,
      `unknown projection ${unknown.join(', ')} (available: ${[...catalogue.keys()].join(', ')})`,
    );
  const zh = globals.lang === 'zh';
  // Case files and ticket progress of a PostgreSQL store's replay stay next to its log.
  const spec = storeSpec(globals.store);
  const documents =
    options.documents ?? (!options.from && /^postgres(ql)?:\/\//.test(spec) ? spec : undefined);
  const run = async (source: LogSource) => {
    const progress = createProgress(zh ? '回放' : 'replay', globals.lang, globals.quiet);
    let last: string | undefined;
    // The latest instant (within --as-of) names the default period. An instant equal to the
    // previous event's cannot change it, so it is not parsed again.
    const until = asOf ? Date.parse(asOf) : Number.POSITIVE_INFINITY;
    let lastMs = Number.NEGATIVE_INFINITY;
    let previous = '';
    const observe = (e: StoredEvent) => {
      const occurredAt = e.envelope.occurredAt;
      if (occurredAt === previous) return;
      previous = occurredAt;
      const at = Date.parse(occurredAt);
      if (at <= until && at > lastMs) {
        lastMs = at;
        last = occurredAt;
      }
    };
    const built = await replayLog(
      source.events,
      names.map((n) => catalogue.get(n)!),
      {
        cut,
        onProgress: (n) => progress.update(n, source.ratio()),
        onEvent: observe,
        ...(documents ? { documents } : {}),
      },
    );
    progress.stop();
    return { built, last };
  };
  const { built, last } = options.from
    ? await run(fileSource(options.from))
    : await withStore(globals, (store) => run(storeSource(store)));
  const period = options.period
    ? periodOption(options.period)
    : monthOf(asOf ?? last ?? new Date().toISOString());
  const out = [...built.values()].map((b) => ({
    name: b.name,
    version: b.version,
    applied: b.applied,
    position: b.position.toString(),
    ...(isKpi(b.query)
      ? {
          period: period.key,
          kpis: b.query.all(period.key).map((k) => ({
            id: k.id,
            value: k.value,
            target: k.target,
            breach: k.breach,
            numerator: k.numerator,
            denominator: k.denominator,
          })),
        }
      : {}),
  }));
  if (options.json) {
    print(
      JSON.stringify(
        { ...(asOf ? { asOf } : {}), ...(knownAt ? { knownAt } : {}), projections: out },
        null,
        2,
      ),
    );
    return;
  }
  for (const p of out) {
    print(
      zh
        ? `${p.name} v${p.version}：应用 ${p.applied} 个事件，至位置 ${p.position}`
        : `${p.name} v${p.version}: ${p.applied} events applied, up to position ${p.position}`,
    );
    for (const k of p.kpis ?? []) {
      const v =
        k.value === null
          ? zh
            ? '无数据'
            : 'no data'
          : k.id === 'K-03' || k.id === 'K-04'
            ? k.value.toFixed(1)
            : `${(k.value * 100).toFixed(1)}%`;
      const flag =
        k.breach === null
          ? ''
          : k.breach
            ? zh
              ? '  未达标'
              : '  MISSED'
            : zh
              ? '  达标'
              : '  met';
      print(`  ${k.id} ${p.period}  ${v}${flag}`);
    }
  }
};
