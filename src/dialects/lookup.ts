/**
 * Lookups in the dialects' tables of built-in type names. A type cell's text
 * can be any word, `constructor` and `__proto__` included, which a plain
 * object literal "has" through its prototype: a table is asked for its own
 * keys only.
 */

/** `table[key]` when `key` is the table's own key; `undefined` otherwise (never an `Object.prototype` member). */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
