// Crypto-shredding of personal data: AES-256-GCM field protection, key stores,
// reveal / mask for readers, and the erasure service.
export * from './aes-gcm.js';
export * from './erase-data-subject.js';
export * from './field-protector.js';
export * from './memory-key-store.js';
export * from './personal-data-reader.js';
export * from './reveal.js';
export * from './sql-key-store.js';
