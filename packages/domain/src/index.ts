// Public API of @civic-ledger/domain: pure, no I/O, never reads the clock.

export * from './calendar/china.js';
export * from './calendar/create-work-calendar.js';
export * from './calendar/work-calendar.js';
export * from './kernel/canonical-json.js';
export * from './kernel/command-handler.js';
export * from './kernel/context.js';
export * from './kernel/decider.js';
export * from './kernel/envelope.js';
export * from './kernel/errors.js';
export * from './kernel/event-store.js';
export * from './kernel/requirement.js';
export * from './kernel/upcast.js';
export * from './kernel/validation.js';
export * from './kernel/verify.js';
export * from './policy/common.js';
export * from './policy/define-policy.js';
export * from './policy/policy.js';
