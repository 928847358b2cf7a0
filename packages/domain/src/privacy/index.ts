// Privacy and security (X-05, X-06, X-07, CMP-06, ARC-02): the pure parts. Encryption and key
// stores live in `@civic-ledger/adapters` (they need randomness and I/O).
export * from './access-policy.js';
export * from './authorize.js';
export * from './catalogue.js';
export * from './command-size.js';
export * from './erasure.js';
export * from './guarded-handler.js';
export * from './key-store.js';
export * from './markers.js';
export * from './mask.js';
export * from './mask-event.js';
export * from './personal-fields.js';
export * from './personal-plan.js';
export * from './security-audit.js';
export * from './security-recorder.js';
export * from './subject.js';
