/**
 * Stages 1–3 for one doc: parse → extract → build IR. Pure: the result is a
 * function of the doc's id (its path under the input), its text and the
 * options, which is what lets the cache key it by content and the workers
 * read docs in any order.
 */

import { buildIr } from "./build-ir.js";
import { DiagnosticSink, type Diagnostic } from "./diagnostics.js";
import { extract } from "./extract.js";
import type { Model } from "./ir.js";
import type { Options } from "./options.js";
import { parse } from "./parse.js";

/** What one doc yields: its model (none for non-model files) and diagnostics. */
export interface DocResult {
  readonly id: string;
  readonly model?: Model;
  readonly diagnostics: readonly Diagnostic[];
}

/** Reads one doc. */
export function readDoc(id: string, source: string, options: Options): DocResult {
  const sink = new DiagnosticSink(id);
  const tree = parse(source);
  const extracted = extract(id, source, tree, options, sink);
  const model = extracted ? buildIr(extracted, options, sink) : undefined;
  return { id, ...(model ? { model } : {}), diagnostics: sink.items };
}
