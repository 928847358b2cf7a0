import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { embeddedDir } from '@civic-ledger/adapters';
import { failure, usageError } from '../cli-error.js';
import { cachedKeyStore } from '../privacy/cached-key-store.js';
import { demoPepperWarning, pepperFromEnv } from '../privacy/pepper.js';
import { cliProtect } from '../privacy/protection.js';
import { createProgress } from '../progress.js';
import { cityCommands, driveCommands, simulatedCity } from '../simulation/index.js';
import { storeSpec } from '../store/open-store.js';
import { type Globals, print, withStores } from './context.js';
import { kpiSummaryLines } from './summary.js';

/**
 * `demo [--days N] [--seed S]`: fills an empty store with a simulated city, personal fields
 * encrypted under per-subject keys kept in the same database, then a KPI summary.
 */
export const demoCommand = async (
  globals: Globals,
  options: { days: number; seed: number; start: string; scale: number; reset?: boolean },
): Promise<void> => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.start) || Number.isNaN(Date.parse(options.start)))
    throw usageError(
      `--start 须为日期 YYYY-MM-DD：${options.start}`,
      `--start must be a date YYYY-MM-DD: ${options.start}`,
    );
  if (options.scale < 1) throw usageError('--scale 至少为 1', '--scale must be at least 1');
  const zh = globals.lang === 'zh';
  if (options.reset) {
    const spec = storeSpec(globals.store);
    const embedded = spec.startsWith('embedded:') || !/^[a-z][a-z0-9+.-]*:/i.test(spec);
    if (!embedded && spec !== 'memory:')
      throw usageError(
        '--reset 只能用于 embedded: 存储',
        '--reset only empties an embedded: store',
      );
    // Only the embedded store's own directory is removed, so the demo can run again.
    if (embedded) rmSync(resolve(embeddedDir(spec)), { recursive: true, force: true });
  }
  const pepper = pepperFromEnv();
  await withStores(globals, async ({ store, keys }) => {
    for await (const _ of store.readAll({ batchSize: 1 }))
      throw failure(
        `存储 ${storeSpec(globals.store)} 已有事件；演示需要一个空存储（换一个 --store 目录）`,
        `store ${storeSpec(globals.store)} already holds events; the demo needs an empty one (use another --store directory)`,
      );
    print(
      zh
        ? `模拟城市：${options.scale} 个社区服务中心，${options.days} 天，自 ${options.start} 起，种子 ${options.seed}`
        : `simulating a city: ${options.scale} service centres, ${options.days} days from ${options.start}, seed ${options.seed}`,
    );
    // On stdout with the rest of the demo's account: it is part of what the run did.
    if (pepper.demo) print(demoPepperWarning(globals.lang));
    const keyStore = cachedKeyStore(await keys());
    const progress = createProgress(zh ? '模拟' : 'simulate', globals.lang, globals.quiet);
    const stats = await driveCommands(store, cityCommands(options), {
      onProgress: (s) => progress.update(s.events),
      protect: cliProtect(keyStore, pepper.value),
    });
    progress.update(stats.events);
    progress.stop();
    const rejected = Object.values(stats.rejected).reduce((a, b) => a + b, 0);
    print(
      zh
        ? `已写入 ${stats.events} 个事件（${stats.commands} 条命令，${rejected} 条被规则拒绝），个人信息已按数据主体加密，存储：${storeSpec(globals.store)}`
        : `wrote ${stats.events} events (${stats.commands} commands, ${rejected} refused by the rules), personal data encrypted per data subject, to ${storeSpec(globals.store)}`,
    );
    for (const line of await kpiSummaryLines(
      store,
      globals.lang,
      stats.firstAt,
      stats.lastAt,
      simulatedCity(options).centres.flatMap((c) => c.communities),
    ))
      print(line);
  });
};
