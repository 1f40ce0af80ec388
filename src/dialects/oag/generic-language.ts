/**
 * The reader of a sniffed OAG language with no reader of its own yet (or of
 * a doc whose language nothing tells): bare identifiers are models by name,
 * anything else is `unknown` (`unparsed`), which the row reader reports as
 * `unknown-type`. Never more than that: it guesses no language's primitives.
 */

import type { OagLanguage } from "./language.js";
import { named, unparsed } from "./shared-types.js";

/** A reader for language `id` that knows no type of it. */
export function genericLanguage(id: string): OagLanguage {
  return {
    id,
    names: "wire",
    nulls: "lost",
    readType: (text) => named(text.trim()) ?? unparsed(text),
  };
}
