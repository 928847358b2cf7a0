import type { CheckpointStore, ReadModelKey, ReadModelStore, SavedReadModel } from '../ports.js';
import type { Json } from './json-codec.js';

const keyOf = (k: ReadModelKey): string => `${k.name}@${k.version}`;

/**
 * A {@link ReadModelStore} in memory. State is kept as a JSON string, so what is saved is a
 * copy and anything that does not survive JSON shows at once.
 */
export const createMemoryReadModelStore = (): ReadModelStore & {
  /** The keys saved, for tests. */
  readonly keys: () => readonly string[];
} => {
  const models = new Map<string, { position: bigint; state: string }>();
  const actives = new Map<string, number>();
  return {
    load: async (key) => {
      const saved = models.get(keyOf(key));
      if (!saved) return undefined;
      return {
        name: key.name,
        version: key.version,
        position: saved.position,
        state: JSON.parse(saved.state) as Json,
      } satisfies SavedReadModel;
    },
    save: async (model) => {
      models.set(keyOf(model), { position: model.position, state: JSON.stringify(model.state) });
    },
    active: async (name) => actives.get(name),
    activate: async (key) => {
      actives.set(key.name, key.version);
    },
    drop: async (key) => {
      models.delete(keyOf(key));
    },
    keys: () => [...models.keys()],
  };
};

/** A {@link CheckpointStore} in memory. */
export const createMemoryCheckpointStore = (): CheckpointStore => {
  const positions = new Map<string, bigint>();
  return {
    load: async (name) => positions.get(name),
    save: async (name, position) => {
      positions.set(name, position);
    },
  };
};
