/**
 * Stage 3, build IR: the dialect's raw model → a {@link Model}, type cells
 * read with the flavour's grammar.
 */

import type { DiagnosticSink } from "../ir/diagnostics.js";
import type { Extracted } from "./extract.js";
import type { Model } from "../ir/ir.js";
import type { Options } from "../ir/options.js";

/** Builds the model of one extracted doc. */
export function buildIr(extracted: Extracted, options: Options, sink: DiagnosticSink): Model {
  return extracted.build(options, sink);
}
