/**
 * Stage 2, extract: mdast → the dialect's raw model (title, description,
 * sections, cells as source text). Dispatches to the configured dialect.
 */

import type { Root } from "mdast";
import type { DiagnosticSink } from "../ir/diagnostics.js";
import type { Dialect } from "../dialects/dialect.js";
import { dialectOf } from "../dialects/detect.js";
import type { Options } from "../ir/options.js";

/** A raw model together with the dialect that can build it. */
export interface Extracted {
  build(options: Options, sink: DiagnosticSink): ReturnType<Dialect<unknown>["buildIr"]>;
}

/**
 * Extracts one doc's raw model, or `undefined` when the file is not a model
 * doc. The dialect is the options' (a tree's is settled by `prepare`); a doc
 * read alone with `auto` is read as the first dialect that recognizes it.
 */
export function extract(id: string, source: string, tree: Root, options: Options, sink: DiagnosticSink): Extracted | undefined {
  return bind(dialectOf(options.dialect, source, id), id, source, tree, options, sink);
}

function bind<Raw>(dialect: Dialect<Raw>, id: string, source: string, tree: Root, options: Options, sink: DiagnosticSink): Extracted | undefined {
  const raw = dialect.extract(id, source, tree, options, sink);
  return raw === undefined ? undefined : { build: (opts, s) => dialect.buildIr(raw, opts, s) };
}
