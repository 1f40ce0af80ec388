/**
 * What the differential tests feed two validators of one model: the value a
 * doc's TypeScript `## Example Usage` builds (sent through JSON, as on the
 * wire), and every one-leaf mutation of it.
 */

import { runInNewContext } from "node:vm";
import { withoutImports } from "../src/emit/emit.js";

/** The value an example's `let value: X = …;` builds, with the SDK's date types as they serialise. */
export function exampleValue(code: string): unknown {
  const body = withoutImports(code);
  const match = /^\s*(?:let|const)\s+value\s*(?::\s*[\w.]+\s*)?=\s*([\s\S]*?);?\s*$/.exec(body);
  if (!match) throw new Error(`no \`let value = …\` in\n${body}`);
  class RFCDate {
    readonly #text: string;
    constructor(text: string) {
      this.#text = text;
    }
    toJSON(): string {
      return this.#text.slice(0, 10);
    }
  }
  return runInNewContext(`(${match[1]})`, { RFCDate, Date, BigInt });
}

/**
 * Every copy of `value` with one leaf (a string, number, boolean or null)
 * replaced by a value of another kind: what a differential test of two
 * validators feeds them beside the valid value.
 */
export function oneLeafMutations(value: unknown): unknown[] {
  const out: unknown[] = [];
  const swap = (leaf: unknown): unknown => (typeof leaf === "string" ? 12345 : typeof leaf === "number" ? "12345" : typeof leaf === "boolean" ? "true" : 0);
  const walk = (node: unknown, replace: (leaf: unknown) => unknown): void => {
    if (node === null || typeof node !== "object") {
      out.push(replace(swap(node)));
      return;
    }
    for (const [key, child] of Object.entries(node)) {
      walk(child, (leaf) => {
        const copy: Record<string, unknown> | unknown[] = Array.isArray(node) ? [...node] : { ...node };
        (copy as Record<string, unknown>)[key] = leaf;
        return replace(copy);
      });
    }
  };
  walk(value, (leaf) => leaf);
  return out;
}
