import type { DecideContext } from '../kernel/context.js';
import type { Decider } from '../kernel/decider.js';
import type { ArchiveCommand } from './commands.js';
import { decideArchive } from './decide.js';
import type { ArchiveEvent } from './events.js';
import { evolveArchive } from './evolve.js';
import { type ArchiveState, initialArchiveState } from './state.js';

/** The Archive aggregate: classify, back up and destroy case files (ARC-02, ARC-04). */
export const archiveDecider: Decider<ArchiveCommand, ArchiveEvent, ArchiveState, DecideContext> = {
  initialState: initialArchiveState,
  decide: decideArchive,
  evolve: evolveArchive,
};
