/**
 * Stages 1–3 for one doc: parse → extract → build IR. Pure: the result is a
 * function of the doc's id (its path under the input), its text and the
 * options, which is what lets the cache key it by content and the workers
 * read docs in any order.
 */

import type { Root } from "mdast";
import { buildIr } from "./build-ir.js";
import { DiagnosticSink, type Diagnostic } from "../ir/diagnostics.js";
import { extract } from "./extract.js";
import type { Model } from "../ir/ir.js";
import { usageError } from "../ir/errors.js";
import type { Options } from "../ir/options.js";
import { parse } from "./parse.js";
import { messageOf, specifierOf } from "../io/plugin-settings.js";
import { processorFor, runPlugins } from "./remark-plugins.js";

/**
 * What one doc yields: its models (none for non-model files; the doc's own
 * first, then one per further H1 a dialect reads as a model of its own) and
 * diagnostics.
 */
export interface DocResult {
  readonly id: string;
  readonly models: readonly Model[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Reads one doc. Leading byte-order marks are not part of the text: they are
 * dropped before anything else, so offsets, lines and columns are those of the
 * text an editor shows. With `remarkPlugins` in the options, they must have
 * been loaded (`loadRemarkPlugins`) first.
 */
export function readDoc(id: string, source: string, options: Options): DocResult {
  const sink = new DiagnosticSink(id);
  const text = withoutBom(source);
  if (options.remarkPlugins.length === 0) return read(id, text, parse(text), options, sink);
  const tree = parseWithPlugins(id, text, options);
  try {
    return read(id, text, tree, options, sink);
  } catch (error) {
    // The tree a user's plugin made is no tree the parser gives: the plugin's to mend, not a bug of ours.
    throw usageError(`remarkPlugins (${options.remarkPlugins.map(specifierOf).join(", ")}): ${id} could not be read after the transforms: ${messageOf(error)}`);
  }
}

function read(id: string, text: string, tree: Root, options: Options, sink: DiagnosticSink): DocResult {
  const extracted = extract(id, text, tree, options, sink);
  return { id, models: extracted ? buildIr(extracted, options, sink) : [], diagnostics: sink.items };
}

/**
 * `text` without its leading UTF-8 byte-order marks (U+FEFF; a doc passed
 * through two tools that add one has two). micromark skips one at the start
 * without counting it, so none may be left for positions to hold.
 */
export function withoutBom(text: string): string {
  let start = 0;
  while (text.charCodeAt(start) === 0xfeff) start++;
  return start === 0 ? text : text.slice(start);
}

/** Parses with the user's plugins and runs their transforms; a plugin that throws is the user's to fix, named with the doc. */
function parseWithPlugins(id: string, text: string, options: Options) {
  const processor = processorFor(options.remarkPlugins);
  let tree;
  try {
    tree = parse(text, processor);
  } catch (error) {
    throw usageError(`remarkPlugins (${options.remarkPlugins.map(specifierOf).join(", ")}): parsing failed on ${id}: ${messageOf(error)}`);
  }
  return runPlugins(processor, tree, id, options.remarkPlugins);
}
