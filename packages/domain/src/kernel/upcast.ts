import type { EventEnvelope } from './envelope.js';

/** A pure function that lifts one event type's data from `fromVersion` to `fromVersion + 1`. */
export interface Upcaster {
  readonly type: string;
  readonly fromVersion: number;
  readonly upcast: (data: Record<string, unknown>) => Record<string, unknown>;
}

/** The registry of upcasters, applied on read so that a stored event is never rewritten. */
export interface UpcasterRegistry {
  /** The schema version new events of this type are written with. */
  currentVersion(type: string): number;
  /** Returns the envelope with its data at the current schema version (same object if current). */
  upcast<E extends EventEnvelope>(envelope: E): E;
}

/**
 * Builds a registry. Upcasters must form an unbroken chain per type starting at version 1;
 * a gap is a programming error and throws at construction, not at read time.
 */
export const createUpcasterRegistry = (upcasters: readonly Upcaster[] = []): UpcasterRegistry => {
  const byType = new Map<string, Upcaster[]>();
  for (const u of upcasters) {
    const list = byType.get(u.type) ?? [];
    list.push(u);
    byType.set(u.type, list);
  }
  const current = new Map<string, number>();
  for (const [type, list] of byType) {
    list.sort((a, b) => a.fromVersion - b.fromVersion);
    list.forEach((u, i) => {
      if (u.fromVersion !== i + 1)
        throw new Error(`upcasters for ${type} must start at version 1 without gaps`);
    });
    current.set(type, list.length + 1);
  }
  return {
    currentVersion: (type) => current.get(type) ?? 1,
    upcast<E extends EventEnvelope>(envelope: E): E {
      if (byType.size === 0) return envelope;
      const list = byType.get(envelope.type);
      if (!list || envelope.schemaVersion >= list.length + 1) return envelope;
      let data = envelope.data as Record<string, unknown>;
      for (const u of list) if (u.fromVersion >= envelope.schemaVersion) data = u.upcast(data);
      return { ...envelope, data, schemaVersion: list.length + 1 };
    },
  };
};

/** A registry with no upcasters: every type is at version 1. */
export const noUpcasters: UpcasterRegistry = createUpcasterRegistry();
