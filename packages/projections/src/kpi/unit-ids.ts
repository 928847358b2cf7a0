import type { Interned } from '../kernel/fact-table.js';
import { unitKeys, unitListId } from './units.js';
import type { UnitKind } from './value.js';

/**
 * The unit-list id of a fact, found from its parts without building anything: a ticket fact
 * named its units by a list of `[kind, id]` pairs, a key string per unit and a joined key
 * per list, about a microsecond of garbage for each of a third of a replay's events. The
 * ids are remembered per state's `unitLists` in a tree of maps keyed by the parts themselves
 * (kinds, ids, a base list id), so a combination seen before costs a few map lookups; a new
 * one is interned as before, so the ids and the saved state are exactly what they were.
 */
interface Node {
  /** The list id at this node (-1: not reached yet). */
  id: number;
  next: Map<string | number, Node> | undefined;
}

const roots = new WeakMap<Interned<readonly string[]>, Node>();

const rootOf = (lists: Interned<readonly string[]>): Node => {
  let root = roots.get(lists);
  if (root === undefined) {
    root = { id: -1, next: undefined };
    roots.set(lists, root);
  }
  return root;
};

const step = (node: Node, part: string | number): Node => {
  let next = node.next;
  if (next === undefined) {
    next = new Map();
    node.next = next;
  }
  let child = next.get(part);
  if (child === undefined) {
    child = { id: -1, next: undefined };
    next.set(part, child);
  }
  return child;
};

/** One `[kind, id]` pair further down the tree; an absent id is skipped, as `unitKeys` skips it. */
const pair = (node: Node, kind: UnitKind | undefined, id: string | undefined): Node =>
  kind === undefined || id === undefined ? node : step(step(node, kind), id);

/** The pairs whose kind is given (the slow path: a combination not seen yet). */
const given = (
  pairs: readonly (readonly [UnitKind | undefined, string | undefined])[],
): (readonly [UnitKind, string | undefined])[] =>
  pairs.filter((p): p is readonly [UnitKind, string | undefined] => p[0] !== undefined);

/** `base` for a list of the pairs alone. */
export const NO_BASE = -1;

/** Marks the start of a merge's path: no unit kind is spelled so. */
const MERGE = '\u0000merge';

/**
 * The unit-list id of up to four `[kind, id]` pairs (an absent id skipped): with `NO_BASE`,
 * the list `unitsIdOf(lists, [k1, i1] …)` gives; else the units of list `base` — without
 * those of kind `drop`, when given — followed by the pairs' units, each unit once (in the
 * order first seen).
 */
export const unitListIdOf = (
  lists: Interned<readonly string[]>,
  base: number,
  drop: UnitKind | undefined,
  k1: UnitKind,
  i1: string | undefined,
  k2?: UnitKind,
  i2?: string,
  k3?: UnitKind,
  i3?: string,
  k4?: UnitKind,
  i4?: string,
): number => {
  let node = rootOf(lists);
  if (base !== NO_BASE) node = step(step(step(node, MERGE), drop ?? ''), base);
  node = pair(pair(pair(pair(node, k1, i1), k2, i2), k3, i3), k4, i4);
  if (node.id < 0) {
    const keys = unitKeys(
      ...given([
        [k1, i1],
        [k2, i2],
        [k3, i3],
        [k4, i4],
      ]),
    );
    if (base === NO_BASE) node.id = unitListId(lists, keys);
    else {
      const prefix = drop === undefined ? undefined : `${drop}:`;
      const kept = (lists.values[base] ?? []).filter((u) => !prefix || !u.startsWith(prefix));
      node.id = unitListId(lists, [...new Set([...kept, ...keys])]);
    }
  }
  return node.id;
};
