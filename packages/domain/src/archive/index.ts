// The Archive aggregate: management of case files (ARC-02, ARC-04), stream `archive-<caseId>`.
export * from './commands.js';
export * from './decider.js';
export * from './errors.js';
export * from './events.js';
export { retentionExpiry } from './retention.js';
export * from './state.js';
