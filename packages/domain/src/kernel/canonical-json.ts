/**
 * Canonical JSON: object keys sorted by UTF-16 code units, no insignificant whitespace,
 * `undefined` members dropped, as in RFC 8785 for the values events carry (strings,
 * finite numbers, booleans, null, arrays, plain objects). Hashes are taken over this text,
 * so it must never change for the same value. Hand-written rather than a package because
 * it sits on the hot path of hashing (one call per event) and is twenty lines.
 */
// Strings without quotes, backslashes, control characters, line separators or surrogates
// come out of JSON.stringify unchanged but quoted: skip the call for them (most ids, times
// and hashes), which makes hashing an event about a third faster.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters JSON escapes.
const PLAIN = /^[^"\\\u0000-\u001f\u2028\u2029\ud800-\udfff]*$/;

/** True when `JSON.stringify(text)` is `text` between quotes (nothing to escape). */
export const isPlain = (text: string): boolean => PLAIN.test(text);

/** A JSON string literal, as `JSON.stringify` writes it. */
export const jsonString = (text: string): string =>
  PLAIN.test(text) ? `"${text}"` : JSON.stringify(text);

const keyLiterals = new Map<string, string>();
const keyLiteral = (key: string): string => {
  let literal = keyLiterals.get(key);
  if (literal === undefined) {
    literal = jsonString(key);
    // Keys repeat across events; bounded so that arbitrary input cannot grow it forever.
    if (keyLiterals.size < 10_000) keyLiterals.set(key, literal);
  }
  return literal;
};

// Array.prototype.sort allocates a work area even for two keys; event data mostly has a
// handful, where an insertion sort allocates nothing. Same order: `>` compares strings by
// UTF-16 code units, as the default sort does, and keys are distinct.
const sortKeys = (keys: string[]): void => {
  const n = keys.length;
  if (n > 16) {
    keys.sort();
    return;
  }
  for (let i = 1; i < n; i++) {
    const key = keys[i] as string;
    let j = i - 1;
    while (j >= 0 && (keys[j] as string) > key) {
      keys[j + 1] = keys[j] as string;
      j--;
    }
    keys[j + 1] = key;
  }
};

/** The canonical JSON text of a value (see above); throws on what JSON cannot carry. */
export const canonicalJson = (value: unknown): string => {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return jsonString(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
      // For a finite number String() is JSON's text (both are Number::toString, -0 is "0"),
      // without the general serialiser's set-up.
      return String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      throw new TypeError('canonicalJson: bigint is not JSON; convert it to a string first');
    case 'object': {
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          if (i > 0) out += ',';
          const item = value[i];
          out += item === undefined ? 'null' : canonicalJson(item);
        }
        return `${out}]`;
      }
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record);
      sortKeys(keys);
      let out = '{';
      let first = true;
      for (const key of keys) {
        const member = record[key];
        if (member === undefined) continue;
        if (!first) out += ',';
        first = false;
        out += `${keyLiteral(key)}:${canonicalJson(member)}`;
      }
      return `${out}}`;
    }
    default:
      throw new TypeError(`canonicalJson: cannot encode ${typeof value}`);
  }
};
