import { z } from 'zod';

/** What a reader sees in place of a personal field whose data subject was erased. */
export const ERASED = '已删除';

/**
 * A personal field as stored: AES-256-GCM ciphertext under the data subject's key
 * `kid`, all parts base64. It replaces the field's value inside the event's `data`, so the
 * envelope hash covers the ciphertext and erasing the key never breaks the chain.
 */
export const EncryptedValueSchema = z
  .object({
    $enc: z.literal('v1'),
    kid: z.string().min(1).max(200),
    iv: z.string().min(1),
    ct: z.string(),
    tag: z.string().min(1),
  })
  .strict();
export type EncryptedValue = z.infer<typeof EncryptedValueSchema>;

/** True when `value` is a protected personal field (`{ "$enc": "v1", … }`). */
export const isEncryptedValue = (value: unknown): value is EncryptedValue =>
  typeof value === 'object' &&
  value !== null &&
  (value as { $enc?: unknown }).$enc === 'v1' &&
  EncryptedValueSchema.safeParse(value).success;
