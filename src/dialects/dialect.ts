/**
 * The plug-in point for doc dialects: each dialect extracts its own raw form
 * from mdast and builds IR from it. Dialects share nothing but the IR, so
 * adding one never touches resolve or emit.
 */

import type { Root } from "mdast";
import type { Diagnostic, DiagnosticSink } from "../ir/diagnostics.js";
import type { Model } from "../ir/ir.js";
import type { Options } from "../ir/options.js";

/** A doc's id and text, as the tree-level pre-pass sees them. */
export interface SourceDoc {
  readonly id: string;
  readonly source: string;
}

/** One doc dialect (a generator's way of writing model docs). */
export interface Dialect<Raw> {
  readonly id: Options["dialect"];
  /**
   * Stage 1½, once per tree: settles what depends on the whole tree (such as
   * the SDK language) into the options every doc is then read with.
   */
  prepare(docs: readonly SourceDoc[], options: Options): { options: Options; diagnostics: Diagnostic[] };
  /** Stage 2: finds the model parts in the tree; `undefined` when the file is not a model doc. */
  extract(id: string, source: string, tree: Root, options: Options, sink: DiagnosticSink): Raw | undefined;
  /** Stage 3: gives the raw parts their meaning. */
  buildIr(raw: Raw, options: Options, sink: DiagnosticSink): Model;
}
