/**
 * JSON values as the json-schema target builds them, and their one text form.
 *
 * Keyword objects are plain object literals (their keys are fixed keyword
 * names, never integer-like or `__proto__`); objects whose keys come from the
 * docs (`properties`, `$defs`) are `Map`s, so a property named `200` keeps its
 * place and one named `__proto__` stays a property. The text is what
 * `JSON.stringify(value, null, 2)` writes for the same entries, in insertion
 * order, with a final newline.
 */

/** A JSON value: plain objects for keywords, `Map`s for keys from the docs. `undefined` members are left out. */
export type Json = null | boolean | number | string | readonly Json[] | JsonMap | JsonObject;
export type JsonMap = ReadonlyMap<string, Json>;
export interface JsonObject {
  readonly [keyword: string]: Json | undefined;
}

/** `value` as JSON text, two spaces per level, with a final newline. */
export function stringifyJson(value: Json): string {
  return `${write(value, "")}\n`;
}

function write(value: Json, indent: string): string {
  if (value === null || typeof value === "boolean" || typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`Internal error: ${value} is no JSON number`);
    return JSON.stringify(value);
  }
  const inner = `${indent}  `;
  if (isArray(value)) {
    if (value.length === 0) return "[]";
    return `[\n${value.map((v) => inner + write(v, inner)).join(",\n")}\n${indent}]`;
  }
  const entries = value instanceof Map ? [...value.entries()] : Object.entries(value).filter((e): e is [string, Json] => e[1] !== undefined);
  if (entries.length === 0) return "{}";
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${write(v, inner)}`).join(",\n")}\n${indent}}`;
}

function isArray(value: Json): value is readonly Json[] {
  return Array.isArray(value);
}
