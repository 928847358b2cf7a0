import * as E from 'fp-ts/lib/Either.js';
import type { ValidationError } from '../kernel/errors.js';

const encoder = new TextEncoder();

const tooLarge = (bytes: number | undefined, limit: number): ValidationError => {
  const zh =
    bytes === undefined
      ? '命令数据无法序列化为 JSON'
      : `命令数据过大：${bytes} 字节，上限 ${limit} 字节`;
  const en =
    bytes === undefined
      ? 'the command data cannot be serialised as JSON'
      : `the command data is too large: ${bytes} bytes, the limit is ${limit}`;
  const rule = bytes === undefined ? 'not-json' : 'too-large';
  return {
    kind: 'validation',
    code: bytes === undefined ? 'COMMAND_DATA_NOT_JSON' : 'COMMAND_TOO_LARGE',
    requirement: 'X-05',
    path: ['data'],
    message: { zh, en },
    issues: [{ path: ['data'], rule, message: { zh, en } }],
  };
};

/**
 * Refuses command data larger than `limit` UTF-8 bytes of JSON, or not JSON at all (cycles,
 * bigint), before any decider or store sees it.
 */
export const checkCommandSize = (
  data: unknown,
  limit: number,
): E.Either<ValidationError, number> => {
  let text: string | undefined;
  try {
    text = JSON.stringify(data);
  } catch {
    return E.left(tooLarge(undefined, limit));
  }
  // UTF-8 never takes fewer bytes than UTF-16 code units: an over-long text is refused unencoded.
  const length = text?.length ?? 0;
  if (length > limit) return E.left(tooLarge(length, limit));
  const bytes = text === undefined ? 0 : encoder.encode(text).length;
  return bytes > limit ? E.left(tooLarge(bytes, limit)) : E.right(bytes);
};
