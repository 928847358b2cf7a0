import type { StoredEvent } from '@civic-ledger/domain';
import { type AnyProjection, spillEntities } from '@civic-ledger/projections';
import { openReplayDocuments } from './documents.js';
import { type Cut, type Rebuilt, replayProjections } from './engine.js';

export interface ReplayLogOptions {
  readonly cut?: Cut;
  readonly onProgress?: (seen: number) => void;
  /** Sees every event read, inside the cut or not. */
  readonly onEvent?: (event: StoredEvent) => void;
  /**
   * Where per-entity read models (case files, ticket progress) are written and kept:
   * `postgres://…` or an embedded database directory. Without it they are folded in memory
   * like the others (fast, but memory grows with the number of cases in the log): an
   * in-process embedded database costs more memory than the case files it would take.
   */
  readonly documents?: string;
  /** Entities of each per-entity read model kept in memory; default 5 000. */
  readonly resident?: number;
}

/**
 * Replays a log into read models as `civic-ledger replay` does. Given a document store,
 * per-entity read models keep a bounded working set in memory and the rest in the store, so
 * memory does not grow with the number of cases in the log; the others are folded in memory.
 */
export const replayLog = async (
  events: AsyncIterable<StoredEvent>,
  projections: readonly AnyProjection[],
  options: ReplayLogOptions = {},
): Promise<Map<string, Rebuilt>> => {
  if (options.documents === undefined || !projections.some((p) => p.entities))
    return replayProjections(
      events,
      projections,
      options.cut,
      options.onProgress,
      undefined,
      options.onEvent,
    );
  const opened = openReplayDocuments(options.documents);
  try {
    const spilled = projections.map((p) =>
      p.entities
        ? spillEntities(p, p.entities, {
            documents: opened.documents,
            ...(options.resident ? { resident: options.resident } : {}),
          })
        : p,
    );
    return await replayProjections(
      events,
      spilled,
      options.cut,
      options.onProgress,
      undefined,
      options.onEvent,
    );
  } finally {
    await opened.close();
  }
};
