// Public API of @civic-ledger/adapters: every piece of code that does I/O.

export * from './embedded/embedded-event-store.js';
export * from './embedded/pglite-database.js';
export * from './embedded/store-spec.js';
export * from './eventstoredb/esdb-event-store.js';
export * from './eventstoredb/esdb-events.js';
export * from './eventstoredb/esdb-position.js';
export * from './eventstoredb/expected-revision.js';
export * from './memory/memory-event-store.js';
export * from './open-event-store.js';
export * from './postgres/pg-database.js';
export * from './postgres/postgres-event-store.js';
export * from './privacy/index.js';
export * from './sql/document-store.js';
export * from './sql/projection-store.js';
export * from './sql/schema.js';
export * from './sql/sql-database.js';
export * from './sql/sql-event-store.js';
