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
  /** The id `dialect` (config key and `--dialect`) names it with: its key in the registry. */
  readonly id: string;
  /** The generator(s), for messages: `OpenAPI Generator / swagger-codegen`. */
  readonly label: string;
  /** What detection looks for, in one line (named in the error for a tree no dialect fits). */
  readonly fingerprint: string;
  /**
   * Detection (grammar §0.8): whether a doc's text carries this dialect's
   * fingerprint — model docs and the dialect's other docs alike (an API doc
   * of the same generator votes for it too). Cheap: raw text, no parse.
   */
  recognizes(source: string, id: string): boolean;
  /**
   * Stage 1½, once per tree: settles what depends on the whole tree (such as
   * the SDK language, into `flavour` or `settled.language`) into the options
   * every doc is then read with.
   */
  prepare(docs: readonly SourceDoc[], options: Options): { options: Options; diagnostics: Diagnostic[] };
  /** Stage 2: finds the model parts in the tree; `undefined` when the file is not a model doc. */
  extract(id: string, source: string, tree: Root, options: Options, sink: DiagnosticSink): Raw | undefined;
  /**
   * Stage 3: gives the raw parts their meaning. One model per doc, the doc's
   * own first; a doc that holds several (one per H1, grammar §0.6) gives the
   * others ids `<doc id>#<Name>` (`subModelId` of the IR).
   */
  buildIr(raw: Raw, options: Options, sink: DiagnosticSink): readonly Model[];
}

