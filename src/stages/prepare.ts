/**
 * Stage 1½, prepare: once per tree, before any doc is read, settles what
 * depends on the whole tree — the dialect, when `dialect` is `auto`
 * (`dialects/detect.ts`), then what the dialect settles, such as the SDK
 * language the docs were written for — into the options each doc is read with.
 */

import type { Diagnostic } from "../ir/diagnostics.js";
import type { SourceDoc } from "../dialects/dialect.js";
import { detectDialect, dialectOf } from "../dialects/detect.js";
import type { Options } from "../ir/options.js";

/** The options every doc of `docs` is read with, and what the tree as a whole has to say. */
export function prepare(docs: readonly SourceDoc[], options: Options): { options: Options; diagnostics: Diagnostic[] } {
  if (options.dialect !== "auto") return dialectOf(options.dialect, "", "").prepare(docs, options);
  const detected = detectDialect(docs);
  // The dialect settles the tree (e.g. its language) from its own docs: another generator's directory is reported once, as mixed-dialects.
  const prepared = detected.dialect.prepare(detected.docs, { ...options, dialect: detected.dialect.id });
  const settled = detected.recognized ? prepared.options : { ...prepared.options, settled: { ...prepared.options.settled, unrecognized: true as const } };
  return { options: settled, diagnostics: [...detected.diagnostics, ...prepared.diagnostics] };
}
