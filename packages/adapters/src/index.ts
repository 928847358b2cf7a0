// Public API of @civic-ledger/adapters: every piece of code that does I/O.

export * from './memory/memory-event-store.js';
