import type { UnitKind, UnitRef } from './value.js';

/** A unit as a compact key (`centre:C1`) so that facts stay small in memory and JSON. */
export const unitKey = (kind: UnitKind, id: string): string => `${kind}:${id}`;

/** The keys of the units a fact belongs to, skipping absent ids. */
export const unitKeys = (
  ...pairs: readonly (readonly [UnitKind, string | undefined])[]
): string[] => pairs.flatMap(([kind, id]) => (id === undefined ? [] : [unitKey(kind, id)]));

/** True when no unit is asked for, or the fact belongs to it. */
export const inUnit = (units: readonly string[], unit: UnitRef | undefined): boolean =>
  unit === undefined || units.includes(unitKey(unit.kind, unit.id));
