import type { Decider } from '@civic-ledger/domain';
import * as domain from '@civic-ledger/domain';
import type { z } from 'zod';

/** One aggregate as the fuzz suite sees it: its command schemas and its decider. */
export interface FuzzTarget {
  readonly name: string;
  readonly commandSchemas: Readonly<Record<string, z.ZodType>>;
  readonly decider: Decider<unknown, unknown, unknown, unknown>;
}

const isDecider = (v: unknown): v is Decider<unknown, unknown, unknown, unknown> =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as { decide?: unknown }).decide === 'function' &&
  typeof (v as { evolve?: unknown }).evolve === 'function' &&
  'initialState' in v;

/**
 * Every aggregate `@civic-ledger/domain` exports: a `<Name>CommandSchemas` record paired with
 * the `<name>Decider` of the same name. New aggregates join the suite by being exported.
 */
export const discoverTargets = (
  module: Readonly<Record<string, unknown>> = domain,
): { readonly targets: readonly FuzzTarget[]; readonly unpaired: readonly string[] } => {
  const targets: FuzzTarget[] = [];
  const unpaired: string[] = [];
  for (const [exportName, value] of Object.entries(module)) {
    const match = /^(.+)CommandSchemas$/.exec(exportName);
    if (!match?.[1] || typeof value !== 'object' || value === null) continue;
    const name = match[1];
    const decider = module[`${name.charAt(0).toLowerCase()}${name.slice(1)}Decider`];
    if (isDecider(decider))
      targets.push({ name, commandSchemas: value as Record<string, z.ZodType>, decider });
    else unpaired.push(name);
  }
  return { targets: targets.sort((a, b) => a.name.localeCompare(b.name)), unpaired };
};
