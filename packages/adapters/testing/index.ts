// Test support for the adapters: not part of the published API (no build, no dist).

// The tests folder cannot resolve the adapters' dependencies itself.
export { PGlite } from '@electric-sql/pglite';
export * from './esdb-double/esdb-double.js';
export * from './pg-pool.js';
