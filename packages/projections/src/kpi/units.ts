import { type Interned, internId } from '../kernel/fact-table.js';
import type { UnitKind, UnitRef } from './value.js';

/** A unit as a compact key (`centre:C1`) so that facts stay small in memory and JSON. */
export const unitKey = (kind: UnitKind, id: string): string => `${kind}:${id}`;

/** Distinct unit lists seen, each kept once; bounded so that odd input cannot grow it forever. */
const MAX_INTERNED = 100_000;
const interned = new Map<string, readonly string[]>();

/**
 * The one shared copy of a unit list: millions of facts belong to a few thousand distinct
 * combinations (centre, window, staff …), so a fact points at a shared, never-mutated list
 * instead of holding strings of its own — most of the KPI state's memory before.
 */
export const internUnits = (units: readonly string[]): readonly string[] => {
  const key = units.join('\u0000');
  let shared = interned.get(key);
  if (shared === undefined) {
    if (interned.size >= MAX_INTERNED) interned.clear();
    shared = Object.freeze([...units]);
    interned.set(key, shared);
  }
  return shared;
};

/** The keys of the units a fact belongs to, skipping absent ids (a shared list: never mutate it). */
export const unitKeys = (
  ...pairs: readonly (readonly [UnitKind, string | undefined])[]
): readonly string[] => {
  const keys: string[] = [];
  for (const [kind, id] of pairs) if (id !== undefined) keys.push(unitKey(kind, id));
  return internUnits(keys);
};

/** True when no unit is asked for, or the fact belongs to it. */
export const inUnit = (units: readonly string[], unit: UnitRef | undefined): boolean =>
  unit === undefined || units.includes(unitKey(unit.kind, unit.id));

/** The index of a list of unit keys in a state's `unitLists`, added the first time it is seen. */
export const unitListId = (lists: Interned<readonly string[]>, keys: readonly string[]): number =>
  internId(lists, keys.join('\u0000'), () => internUnits(keys));

/** {@link unitKeys} as an index in a state's `unitLists`. */
export const unitsIdOf = (
  lists: Interned<readonly string[]>,
  ...pairs: readonly (readonly [UnitKind, string | undefined])[]
): number => unitListId(lists, unitKeys(...pairs));

/** For each list of `unitLists`, whether a fact in it belongs to `unit` (all when no unit). */
export const unitMatches = (
  lists: Interned<readonly string[]>,
  unit: UnitRef | undefined,
): readonly boolean[] => lists.values.map((units) => inUnit(units, unit));
