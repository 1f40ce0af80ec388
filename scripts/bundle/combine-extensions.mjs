// The CLI bundle's stand-in for `micromark-util-combine-extensions` where micromark's `parse`
// imports it (see scripts/bundle.mjs). micromark merges its default constructs with a
// processor's syntax extensions at every parse, about half the cost of parsing a short text,
// though a processor passes the same extension objects every time. This keeps the last
// merge and gives it back while the list holds the same objects, in the same order; anything
// else is merged anew. micromark only reads the merged constructs, never writes them.
import { combineExtensions as combine } from "micromark-util-combine-extensions";

export { combineHtmlExtensions } from "micromark-util-combine-extensions";

let lastList;
let lastCombined;

export function combineExtensions(extensions) {
  if (lastList !== undefined && lastList.length === extensions.length && lastList.every((extension, i) => extension === extensions[i])) return lastCombined;
  lastCombined = combine(extensions);
  lastList = [...extensions];
  return lastCombined;
}
