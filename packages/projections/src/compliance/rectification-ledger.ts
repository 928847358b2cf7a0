import type { RectificationEvent, RectificationEventData, StoredEvent } from '@civic-ledger/domain';
import { type ChangeEntry, changeEntry, envelopeOf, push } from '../kernel/events.js';
import type { Projection } from '../kernel/projection.js';
import { snapshot } from '../kernel/snapshot.js';
import type { EntityAccess } from '../kernel/spill.js';

export type LedgerStatus =
  | 'open'
  | 'measures-set'
  | 'submitted'
  | 'accepted'
  | 'rejected'
  | 'reopened'
  | 'dismissed';

type Deadline = RectificationEventData<'RectificationOpened'>['deadline'];

/** One line of the rectification ledger 整改台账 (AUD-02). */
export interface LedgerEntry {
  readonly rectificationId: string;
  readonly source: RectificationEventData<'RectificationOpened'>['source'];
  readonly responsibleUnitId: string;
  readonly supervisingUnitId?: string;
  readonly issue: string;
  readonly measures: readonly string[];
  readonly status: LedgerStatus;
  /** The deadline in force (a rebound starts a new one). */
  readonly deadline: Deadline;
  readonly openedAt: string;
  readonly percentComplete: number;
  readonly submittedAt?: string;
  readonly accepted?: {
    readonly at: string;
    readonly by: string;
    readonly unit: string;
    readonly onTime: boolean;
  };
  readonly rejections: number;
  /** AUD-02: times the finding came back after acceptance (反弹). */
  readonly reboundCount: number;
  readonly history: readonly ChangeEntry[];
}

export interface RectificationLedgerState {
  readonly entries: Map<string, LedgerEntry>;
}

export interface RectificationLedgerQueries {
  entry(rectificationId: string): LedgerEntry | undefined;
  list(filter?: {
    readonly status?: LedgerStatus;
    readonly unit?: string;
    readonly sourceKind?: string;
  }): readonly LedgerEntry[];
  /** Counts by status and the total of rebounds. */
  summary(): {
    readonly byStatus: Readonly<Partial<Record<LedgerStatus, number>>>;
    readonly rebounds: number;
    readonly total: number;
  };
}

const step = (entry: LedgerEntry, e: RectificationEvent): LedgerEntry => {
  switch (e.type) {
    case 'RectificationSourceVerified':
      return e.data.founded ? entry : { ...entry, status: 'dismissed' };
    case 'RectificationMeasuresSet':
      return {
        ...entry,
        measures: e.data.measures,
        status: entry.status === 'open' ? 'measures-set' : entry.status,
      };
    case 'RectificationProgressReported':
      return { ...entry, percentComplete: e.data.percentComplete };
    case 'RectificationSubmitted':
      return { ...entry, status: 'submitted', submittedAt: e.data.submittedAt };
    case 'RectificationAccepted':
      return {
        ...entry,
        status: 'accepted',
        accepted: {
          at: e.data.acceptedAt,
          by: e.data.acceptedBy,
          unit: e.data.acceptedByUnit,
          onTime: e.data.onTime,
        },
        reboundCount: e.data.reboundCount,
      };
    case 'RectificationRejected':
      return { ...entry, status: 'rejected', rejections: entry.rejections + 1 };
    case 'RectificationReopened': {
      const { accepted: _previous, ...rest } = entry;
      return {
        ...rest,
        status: 'reopened',
        deadline: e.data.deadline,
        reboundCount: e.data.reboundCount,
        percentComplete: 0,
      };
    }
    default:
      return entry;
  }
};

/**
 * Rectifications are entities keyed by id: the ledger of a long log (each entry keeps its
 * change history) can live in a document store (`spillEntities`) rather than the heap.
 */
export const rectificationEntities: EntityAccess<RectificationLedgerState> = {
  entities: (state) => state.entries,
  keyOf: (_, stored) => {
    const { streamId, type, data } = stored.envelope;
    if (!streamId.startsWith('rectification-')) return undefined;
    const id = (data as { rectificationId?: unknown }).rectificationId;
    // An opening replaces whatever was kept under its id: nothing to read back.
    return typeof id === 'string' ? { key: id, fresh: type === 'RectificationOpened' } : undefined;
  },
};

/** The rectification ledger 整改台账 (AUD-02): status, deadline and rebounds of every rectification. */
export const rectificationLedgerProjection: Projection<
  RectificationLedgerState,
  RectificationLedgerQueries
> = {
  name: 'rectification-ledger',
  version: 1,
  filter: { streamPrefixes: ['rectification-'] },
  entities: rectificationEntities,
  init: () => ({ entries: new Map() }),
  apply: (state, stored: StoredEvent) => {
    if (!stored.envelope.streamId.startsWith('rectification-')) return state;
    const e = envelopeOf<RectificationEvent>(stored);
    let entry = state.entries.get(e.data.rectificationId);
    if (e.type === 'RectificationOpened') {
      const d = e.data;
      entry = {
        rectificationId: d.rectificationId,
        source: d.source,
        responsibleUnitId: d.responsibleUnitId,
        ...(d.supervisingUnitId !== undefined ? { supervisingUnitId: d.supervisingUnitId } : {}),
        issue: d.issue,
        measures: d.measures ?? [],
        status: 'open',
        deadline: d.deadline,
        openedAt: d.openedAt,
        percentComplete: 0,
        rejections: 0,
        reboundCount: 0,
        history: [],
      };
    } else if (entry) {
      entry = step(entry, { type: e.type, data: e.data } as RectificationEvent);
    }
    if (!entry) return state;
    push(entry.history, changeEntry(stored));
    state.entries.set(entry.rectificationId, entry);
    return state;
  },
  queries: (state) => ({
    entry: (id) => snapshot(state.entries.get(id)),
    list: (filter = {}) =>
      snapshot(
        [...state.entries.values()].filter(
          (x) =>
            (filter.status === undefined || x.status === filter.status) &&
            (filter.unit === undefined || x.responsibleUnitId === filter.unit) &&
            (filter.sourceKind === undefined || x.source.kind === filter.sourceKind),
        ),
      ),
    summary: () => {
      const byStatus: Partial<Record<LedgerStatus, number>> = {};
      let rebounds = 0;
      for (const x of state.entries.values()) {
        byStatus[x.status] = (byStatus[x.status] ?? 0) + 1;
        rebounds += x.reboundCount;
      }
      return { byStatus, rebounds, total: state.entries.size };
    },
  }),
};
