/**
 * Stage 3, build IR: the dialect's raw model → a {@link Model}, type cells
 * read with the flavour's grammar.
 */

import type { DiagnosticSink } from "../ir/diagnostics.js";
import type { Extracted } from "./extract.js";
import type { Model } from "../ir/ir.js";
import type { Options } from "../ir/options.js";

/** Builds the models of one extracted doc (its own first). */
export function buildIr(extracted: Extracted, options: Options, sink: DiagnosticSink): readonly Model[] {
  return extracted.build(options, sink);
}
