// Public API of @civic-ledger/projections: pure read models and the runner that drives them.

export * from './archive/case-archive.js';
export * from './archive/facility-archive.js';
export * from './compliance/applicant-progress.js';
export * from './compliance/projection.js';
export * from './compliance/rectification-ledger.js';
export * from './compliance/staff-performance.js';
export * from './kernel/build.js';
export * from './kernel/events.js';
export * from './kernel/instants.js';
export * from './kernel/json-codec.js';
export * from './kernel/local-dates.js';
export * from './kernel/masking.js';
export * from './kernel/memory-stores.js';
export * from './kernel/periods.js';
export * from './kernel/projection.js';
export * from './kernel/runner.js';
export * from './kernel/snapshot.js';
export * from './kernel/spill.js';
export * from './kpi/compute.js';
export * from './kpi/facts.js';
export * from './kpi/projection.js';
export * from './kpi/units.js';
export * from './kpi/value.js';
export * from './ports.js';
export * from './satisfaction/projection.js';
