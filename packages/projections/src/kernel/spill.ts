import type { StoredEvent } from '@civic-ledger/domain';
import type { EntityDocuments, ReadModelKey } from '../ports.js';
import { fromJson, type Json, toJson } from './json-codec.js';
import type { Projection } from './projection.js';

/** How a per-entity read model exposes its entities to {@link spillEntities}. */
export interface EntityAccess<S> {
  /** The map of entities by key, inside the state (the wrapper evicts from and restores into it). */
  entities(state: S): Map<string, unknown>;
  /**
   * The key of the entity the event will touch; `fresh: true` when the event creates it (no
   * need to look in the store). Undefined when the event touches no entity.
   */
  keyOf(
    state: S,
    event: StoredEvent,
  ): { readonly key: string; readonly fresh: boolean } | undefined;
  /**
   * An entity as read back from its document, made whole again: JSON drops the fields a state
   * keeps as `undefined`, and a state folded millions of times should keep one shape whether
   * it stayed in memory or not (docs/architecture.md). Default: the document as decoded.
   */
  revive?(entity: unknown): unknown;
}

export interface SpillOptions {
  readonly documents: EntityDocuments;
  /** Entities kept in memory (the most recently touched); default 5 000. */
  readonly resident?: number;
  /** Documents written per batch; default 500. */
  readonly batch?: number;
  /** Write every entity still in memory when the build ends (`flush`); default true. */
  readonly keep?: boolean;
}

/** The queries of a spilled read model: its documents, by entity key, from the store. */
export interface SpilledQueries {
  /** The entity as the read model holds it (memory first, then the store). */
  document(key: string): Promise<unknown>;
}

/**
 * A per-entity read model whose entities live in a document store, with only the most
 * recently touched `resident` of them in memory: the heap holds a bounded working set
 * however long the log, and a case that becomes active again is read back before its next
 * event. Evicted entities are written in batches (`EntityDocuments.putMany`). For one-off
 * builds (replay, `buildProjection`): `load` is awaited before each `apply`, `flush` at the end.
 */
export const spillEntities = <S>(
  inner: Projection<S, unknown>,
  access: EntityAccess<S>,
  options: SpillOptions,
): Projection<S, SpilledQueries> => {
  const { documents } = options;
  const resident = options.resident ?? 5000;
  const batch = options.batch ?? 500;
  const model: ReadModelKey = { name: inner.name, version: inner.version };
  const revive = access.revive ?? ((entity: unknown) => entity);
  /** An entity from its document. */
  const entityOf = (doc: Json): unknown => revive(fromJson(doc));
  /** Evicted, not yet written: still readable from here. */
  const pending = new Map<string, Json>();
  /**
   * Read back by `prefetch` for the events of the current window, each taken at most once
   * (`null`: not in the store). Only keys neither resident nor pending are fetched, and a
   * key leaves this map on the first event that touches it, so an entry is never older than
   * the store's copy: the store only changes by writing evicted entities, which were
   * resident, hence already taken from here.
   */
  const prefetched = new Map<string, Json | null>();
  const started = new WeakSet<object>();

  /** Writes what is pending, `batch` documents at a time (one huge statement would be a memory peak). */
  const write = async (): Promise<void> => {
    while (pending.size > 0) {
      const docs: { key: string; doc: Json }[] = [];
      for (const [key, doc] of pending) {
        if (docs.length >= batch) break;
        docs.push({ key, doc });
      }
      for (const { key } of docs) pending.delete(key);
      await documents.putMany(model, docs);
    }
  };

  /** Starts a build: what an earlier build of this state left in the store is dropped. */
  const start = (state: S): Promise<void> => {
    started.add(state as object);
    pending.clear();
    return documents.reset(model);
  };

  /** Reads an evicted entity back from the store into memory. */
  const restore = async (entities: Map<string, unknown>, key: string): Promise<void> => {
    const doc = await documents.get(model, key);
    if (doc !== undefined) entities.set(key, entityOf(doc));
  };

  /**
   * Brings the entity the event touches back into memory: from the unwritten batch or this
   * window's prefetch at once, else from the store (the only case that returns a promise).
   */
  const bringBack = (state: S, event: StoredEvent): Promise<void> | undefined => {
    const where = access.keyOf(state, event);
    if (!where) return undefined;
    const fetched = takePrefetched(where.key);
    if (where.fresh) return undefined;
    const entities = access.entities(state);
    if (entities.has(where.key)) return undefined;
    const parked = pending.get(where.key);
    if (parked !== undefined) {
      pending.delete(where.key);
      entities.set(where.key, entityOf(parked));
      return undefined;
    }
    if (fetched !== undefined) {
      if (fetched !== null) entities.set(where.key, entityOf(fetched));
      return undefined;
    }
    return restore(entities, where.key);
  };

  /** `load` when the store must be reset or written first. */
  const loadAfterIo = async (state: S, event: StoredEvent): Promise<void> => {
    if (!started.has(state as object)) await start(state);
    if (pending.size >= batch) await write();
    await bringBack(state, event);
  };

  /** The prefetched document of a key (null: known absent), removing it; undefined: not fetched. */
  const takePrefetched = (key: string): Json | null | undefined => {
    if (prefetched.size === 0) return undefined;
    const doc = prefetched.get(key);
    prefetched.delete(key);
    return doc;
  };

  /** Reads back, in one round trip, the evicted entities the given events will touch. */
  const prefetchMany = async (keys: string[]): Promise<void> => {
    const found = await documents.getMany!(model, keys);
    for (const key of keys) prefetched.set(key, found.get(key) ?? null);
  };

  return {
    name: inner.name,
    version: inner.version,
    ...(inner.filter ? { filter: inner.filter } : {}),
    init: inner.init,
    load: (state, event) => {
      // Starting a build or writing a full batch waits for the store; so does reading back an
      // evicted entity. Anything else — most events — is answered without a promise.
      if (!started.has(state as object) || pending.size >= batch) return loadAfterIo(state, event);
      return bringBack(state, event);
    },
    ...(documents.getMany
      ? {
          prefetch: (state: S, events: readonly StoredEvent[]) => {
            // A window's entries are for that window only: what is left was not needed.
            prefetched.clear();
            // The first window starts the build: the store is reset, so there is nothing to read.
            if (!started.has(state as object)) return start(state);
            const entities = access.entities(state);
            const keys = new Set<string>();
            for (const event of events) {
              const where = access.keyOf(state, event);
              if (!where || where.fresh) continue;
              if (!entities.has(where.key) && !pending.has(where.key)) keys.add(where.key);
            }
            return keys.size === 0 ? undefined : prefetchMany([...keys]);
          },
        }
      : {}),
    apply: (state, event) => {
      const next = inner.apply(state, event);
      const where = access.keyOf(next, event);
      const entities = access.entities(next);
      if (where) {
        // Most recently touched last: Map keeps insertion order, so the first is the coldest.
        const entity = entities.get(where.key);
        if (entity !== undefined) {
          entities.delete(where.key);
          entities.set(where.key, entity);
        }
      }
      if (entities.size > resident)
        for (const [key, entity] of entities) {
          if (entities.size <= resident) break;
          entities.delete(key);
          pending.set(key, toJson(entity));
        }
      return next;
    },
    flush: async (state) => {
      await write();
      if (options.keep ?? true)
        for (const [key, entity] of access.entities(state)) {
          // Encoded a batch at a time, so that the copies never all exist at once.
          pending.set(key, toJson(entity));
          if (pending.size >= batch) await write();
        }
      await write();
    },
    queries: (state) => ({
      document: async (key) => {
        const entity = access.entities(state).get(key);
        if (entity !== undefined) return structuredClone(entity);
        const doc = pending.get(key) ?? (await documents.get(model, key));
        return doc === undefined ? undefined : entityOf(doc);
      },
    }),
  };
};

/** {@link EntityDocuments} in memory (tests; documents kept as JSON text, as a store would). */
export const createMemoryEntityDocuments = (): EntityDocuments & {
  readonly size: (model: ReadModelKey) => number;
} => {
  const models = new Map<string, Map<string, string>>();
  const of = (m: ReadModelKey) => {
    const id = `${m.name}@${m.version}`;
    let docs = models.get(id);
    if (!docs) {
      docs = new Map();
      models.set(id, docs);
    }
    return docs;
  };
  return {
    putMany: async (m, docs) => {
      const target = of(m);
      for (const { key, doc } of docs) target.set(key, JSON.stringify(doc));
    },
    get: async (m, key) => {
      const text = of(m).get(key);
      return text === undefined ? undefined : (JSON.parse(text) as Json);
    },
    getMany: async (m, keys) => {
      const docs = of(m);
      const out = new Map<string, Json>();
      for (const key of keys) {
        const text = docs.get(key);
        if (text !== undefined) out.set(key, JSON.parse(text) as Json);
      }
      return out;
    },
    reset: async (m) => {
      models.delete(`${m.name}@${m.version}`);
    },
    size: (m) => of(m).size,
  };
};
