export type {
  ReserveCommand,
  ReserveCommandData,
  ReserveCommandType,
  ReserveKind,
} from './commands.js';
export { ReserveCommandSchemas, ReserveKindSchema } from './commands.js';
export { reserveDecider, reserveStreamId } from './decider.js';
export type { ReserveEvent, ReserveEventData, ReserveEventType } from './events.js';
export { ReserveEventSchemas } from './events.js';
export type { ReserveKindState, ReserveState } from './state.js';
export { initialReserveState } from './state.js';
