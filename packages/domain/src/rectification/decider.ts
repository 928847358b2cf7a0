import type { DecideContext } from '../kernel/context.js';
import type { Decider } from '../kernel/decider.js';
import type { RectificationCommand } from './commands.js';
import { decideRectification } from './decide.js';
import type { RectificationEvent } from './events.js';
import { evolveRectification } from './evolve.js';
import { initialRectificationState, type RectificationState } from './state.js';

/** The rectification 整改 aggregate (AUD-02). */
export const rectificationDecider: Decider<
  RectificationCommand,
  RectificationEvent,
  RectificationState,
  DecideContext
> = {
  initialState: initialRectificationState,
  decide: decideRectification,
  evolve: evolveRectification,
};

/** Stream id of a rectification: `rectification-<id>`. */
export const rectificationStreamId = (rectificationId: string): string =>
  `rectification-${rectificationId}`;
