import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { EncryptedValue } from '@civic-ledger/domain';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;

// The kid is authenticated with the ciphertext: a value cannot be re-labelled as another
// subject's, and a swapped key fails loudly instead of decrypting to garbage.
const aad = (kid: string): Buffer => Buffer.from(`civic-ledger:v1:${kid}`, 'utf8');

/** Encrypts one JSON value under a subject key (AES-256-GCM, fresh 96-bit IV). */
export const encryptValue = (key: Uint8Array, kid: string, value: unknown): EncryptedValue => {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  cipher.setAAD(aad(kid));
  const ct = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return {
    $enc: 'v1',
    kid,
    iv: iv.toString('base64'),
    ct: ct.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
};

/** Decrypts a value {@link encryptValue} made; throws when the key or the value is wrong. */
export const decryptValue = (key: Uint8Array, value: EncryptedValue): unknown => {
  const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(value.iv, 'base64'));
  decipher.setAAD(aad(value.kid));
  decipher.setAuthTag(Buffer.from(value.tag, 'base64'));
  const text = Buffer.concat([
    decipher.update(Buffer.from(value.ct, 'base64')),
    decipher.final(),
  ]).toString('utf8');
  return JSON.parse(text) as unknown;
};

/** A fresh 256-bit key. */
export const newSubjectKey = (): Uint8Array => new Uint8Array(randomBytes(32));
