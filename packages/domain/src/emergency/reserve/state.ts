import type { ReserveKind } from './commands.js';

export interface ReserveKindState {
  readonly lastMeasuredAt: string;
  readonly belowMinimum: boolean;
}

export interface ReserveState {
  readonly facilityId?: string;
  readonly recordIds: readonly string[];
  readonly kinds: Readonly<Partial<Record<ReserveKind, ReserveKindState>>>;
}

export const initialReserveState: ReserveState = { recordIds: [], kinds: {} };
