// Test helpers of @civic-ledger/domain, exported as `@civic-ledger/domain/testing`:
// given / when / then for deciders, and the property-test plumbing (needs fast-check, an
// optional peer dependency of the package).
export * from './properties.js';
export * from './specification.js';
