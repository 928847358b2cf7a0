/**
 * JSON for read-model state. Projections keep per-entity data in `Map`s and positions in
 * `bigint`s; plain `JSON.stringify` loses both, so they are tagged: a Map becomes
 * `{ "$map": [[key, value], …] }`, a Set `{ "$set": […] }`, a bigint `{ "$bigint": "123" }`,
 * and the columns of a fact table by type: `{ "$u8": […] }`, `{ "$u16": […] }`, `{ "$i16": […] }`,
 * `{ "$i32": […] }`, `{ "$f64": […] }` (each read back as the same type, so a state saved before
 * columns were narrowed, all `$i32` / `$f64`, still loads).
 */
export type Json =
  | null
  | boolean
  | number
  | string
  | readonly Json[]
  | { readonly [k: string]: Json };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Turns a state made of plain data, Maps, Sets and bigints into JSON-ready data. */
export const toJson = (value: unknown): Json => {
  if (value === null) return null;
  switch (typeof value) {
    case 'bigint':
      return { $bigint: value.toString() };
    case 'boolean':
    case 'string':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`not JSON-safe: ${String(value)}`);
      return value;
    case 'object':
      break;
    default:
      throw new TypeError(`not JSON-safe: ${typeof value}`);
  }
  if (value instanceof Map) return { $map: [...value].map(([k, v]) => [toJson(k), toJson(v)]) };
  if (value instanceof Set) return { $set: [...value].map(toJson) };
  if (value instanceof Uint8Array) return { $u8: [...value] };
  if (value instanceof Uint16Array) return { $u16: [...value] };
  if (value instanceof Int16Array) return { $i16: [...value] };
  if (value instanceof Int32Array) return { $i32: [...value] };
  if (value instanceof Float64Array) return { $f64: [...value].map((x) => toJson(x)) };
  if (Array.isArray(value)) return value.map(toJson);
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    // Optional fields are omitted rather than written as null (exactOptionalPropertyTypes).
    if (v !== undefined) out[k] = toJson(v);
  }
  return out;
};

/** The inverse of {@link toJson}. */
export const fromJson = (json: unknown): unknown => {
  if (Array.isArray(json)) return json.map(fromJson);
  if (!isRecord(json)) return json;
  const keys = Object.keys(json);
  if (keys.length === 1) {
    if (typeof json.$bigint === 'string') return BigInt(json.$bigint);
    if (Array.isArray(json.$map))
      return new Map(
        (json.$map as unknown[][]).map(([k, v]) => [fromJson(k), fromJson(v)] as const),
      );
    if (Array.isArray(json.$set)) return new Set((json.$set as unknown[]).map(fromJson));
    if (Array.isArray(json.$u8)) return Uint8Array.from(json.$u8 as number[]);
    if (Array.isArray(json.$u16)) return Uint16Array.from(json.$u16 as number[]);
    if (Array.isArray(json.$i16)) return Int16Array.from(json.$i16 as number[]);
    if (Array.isArray(json.$i32)) return Int32Array.from(json.$i32 as number[]);
    if (Array.isArray(json.$f64)) return Float64Array.from(json.$f64 as number[]);
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(json)) out[k] = fromJson(v);
  return out;
};

/** How a projection's state becomes JSON and back (the default handles Map, Set, bigint). */
export interface StateCodec<S> {
  encode(state: S): Json;
  decode(json: Json): S;
}

/** The default codec: {@link toJson} / {@link fromJson}. */
export const jsonCodec = <S>(): StateCodec<S> => ({
  encode: (state) => toJson(state),
  decode: (json) => fromJson(json) as S,
});
