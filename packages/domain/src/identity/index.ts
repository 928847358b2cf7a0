// Validators of Chinese identity data: resident ID (GB 11643), credit code (GB 32100), phone.
export * from './credit-code.js';
export * from './phone.js';
export * from './resident-id.js';
