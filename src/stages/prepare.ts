/**
 * Stage 1½, prepare: once per tree, before any doc is read, settles what
 * depends on the whole tree — for Speakeasy docs, the SDK language they were
 * written for — into the options each doc is read with.
 */

import type { Diagnostic } from "../ir/diagnostics.js";
import type { SourceDoc } from "../dialects/dialect.js";
import { DIALECTS } from "../dialects/index.js";
import type { Options } from "../ir/options.js";

/** The options every doc of `docs` is read with, and what the tree as a whole has to say. */
export function prepare(docs: readonly SourceDoc[], options: Options): { options: Options; diagnostics: Diagnostic[] } {
  return DIALECTS[options.dialect].prepare(docs, options);
}
