import type { Json } from './kernel/json-codec.js';

/**
 * The ports through which projections persist. Implementations: in memory here
 * (`createMemoryReadModelStore`), SQL in `@civic-ledger/adapters`.
 */

/** Where a consumer that keeps its own read model records how far it has read. */
export interface CheckpointStore {
  /** The last applied global position, or undefined when nothing was applied yet. */
  load(name: string): Promise<bigint | undefined>;
  save(name: string, position: bigint): Promise<void>;
}

/** Identifies one build of a read model: the projection's name and version. */
export interface ReadModelKey {
  readonly name: string;
  readonly version: number;
}

/** A saved read model: its state as JSON and the position it reflects (its checkpoint). */
export interface SavedReadModel extends ReadModelKey {
  /** The global position of the last event applied. */
  readonly position: bigint;
  readonly state: Json;
}

/**
 * Saved read models by name and version. Several versions of one name may exist while a
 * new version is rebuilt (blue-green); `active` says which one serves.
 */
export interface ReadModelStore {
  load(key: ReadModelKey): Promise<SavedReadModel | undefined>;
  /** Saves state and checkpoint together (one transaction where the backend allows it). */
  save(model: SavedReadModel): Promise<void>;
  /** The version that serves queries for this name, if any. */
  active(name: string): Promise<number | undefined>;
  /** Makes `version` the serving one (the blue-green swap). */
  activate(key: ReadModelKey): Promise<void>;
  /** Removes a build that no longer serves. */
  drop(key: ReadModelKey): Promise<void>;
}

/**
 * Where a per-entity read model (case files, ticket progress) keeps the entities that left
 * memory: one JSON document per entity key, per read-model build. Implemented over SQL by
 * `@civic-ledger/adapters`' document store (wired by the CLI); in memory for tests.
 */
export interface EntityDocuments {
  /** Writes (inserts or replaces) a batch of documents. */
  putMany(
    model: ReadModelKey,
    docs: readonly { readonly key: string; readonly doc: Json }[],
  ): Promise<void>;
  get(model: ReadModelKey, key: string): Promise<Json | undefined>;
  /**
   * Reads several documents in one round trip (keys not stored are absent from the map).
   * Optional: without it, `spillEntities` reads back one document per `get`.
   */
  getMany?(model: ReadModelKey, keys: readonly string[]): Promise<Map<string, Json>>;
  /** Drops every document of a build (before it is rebuilt from zero). */
  reset(model: ReadModelKey): Promise<void>;
}
