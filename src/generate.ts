/**
 * The recipe: every stage, in order.
 *
 * ```
 * discover → prepare                     (per tree: e.g. which SDK language)
 *          → parse → extract → buildIr  (per file, pure)
 *          → resolve → emit              (whole program)
 *          → write                       (`generate`, only when no error diagnostics)
 *          | compare                     (`check`, never writes)
 * ```
 */

import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { buildIr } from "./build-ir.js";
import { compare, type Drift } from "./check.js";
import { applyRuleSettings, compareDiagnostics, DiagnosticSink, hasErrors, type Diagnostic } from "./diagnostics.js";
import { discover } from "./discover.js";
import { emit, type OutputFile } from "./emit.js";
import { extract } from "./extract.js";
import type { Model, Program } from "./ir.js";
import type { Options } from "./options.js";
import { ioError } from "./errors.js";
import { parse } from "./parse.js";
import { prepare } from "./prepare.js";
import type { SourceDoc } from "./dialects/dialect.js";
import { resolve } from "./resolve.js";
import { write, type WriteReport } from "./write.js";

/** What one doc yields: its model (none for non-model files) and diagnostics. */
export interface DocResult {
  readonly id: string;
  readonly model?: Model;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Reads one doc: parse → extract → build IR. A pure function of the doc's id
 * (its path under the input), its text and the options.
 */
export function readDoc(id: string, source: string, options: Options): DocResult {
  const sink = new DiagnosticSink(id);
  const tree = parse(source);
  const extracted = extract(id, source, tree, options, sink);
  const model = extracted ? buildIr(extracted, options, sink) : undefined;
  return { id, ...(model ? { model } : {}), diagnostics: sink.items };
}

/** The outcome of rendering an input folder in memory. */
export interface RenderResult {
  readonly program: Program;
  /** The options the docs were read with, tree-level settings filled in (e.g. the detected `flavour`). */
  readonly options: Options;
  /** Every generated file, sorted by path. */
  readonly files: readonly OutputFile[];
  /** Sorted; `file` is the doc's path joined to the input folder as given. */
  readonly diagnostics: readonly Diagnostic[];
  /** How many docs were read (model docs and skipped files). */
  readonly docCount: number;
}

/** Called as docs are read: how many of how many. */
export type Progress = (done: number, total: number) => void;

/** Reads, resolves and emits every doc under `input`, writing nothing. */
export async function render(input: string, options: Options, progress?: Progress): Promise<RenderResult> {
  const ids = await discover(input, options.exclude);
  const sources: SourceDoc[] = [];
  for (const id of ids) {
    try {
      sources.push({ id, source: await readFile(join(input, id), "utf8") });
    } catch (error) {
      throw ioError(`Cannot read ${join(input, id)}: ${(error as Error).message}`);
    }
  }
  const prepared = prepare(sources, options);
  const docs = sources.map(({ id, source }, index) => {
    progress?.(index, sources.length);
    return readDoc(id, source, prepared.options);
  });
  return finish(input, docs, prepared.options, prepared.diagnostics);
}

/** Resolves and emits already-read docs (read with the prepared `options`). */
export function finish(input: string, docs: readonly DocResult[], options: Options, treeDiagnostics: readonly Diagnostic[] = []): RenderResult {
  const models = docs.flatMap((d) => (d.model ? [d.model] : []));
  const resolved = resolve(models, input);
  const emitted = emit(resolved.program, options);
  const all = [...treeDiagnostics, ...docs.flatMap((d) => d.diagnostics), ...resolved.diagnostics, ...emitted.diagnostics];
  const diagnostics = applyRuleSettings(all, options.rules)
    .map((d) => ({ ...d, file: join(input, d.file), ...(d.cause ? { cause: { ...d.cause, file: join(input, d.cause.file) } } : {}) }))
    .sort(compareDiagnostics);
  return { program: resolved.program, options, files: emitted.files, diagnostics, docCount: docs.length };
}

/** The outcome of `generate`. */
export interface GenerateResult extends RenderResult {
  /** Undefined when nothing was written because the docs have errors. */
  readonly written?: WriteReport;
}

/**
 * Generates `output` from the docs in `input`. When any diagnostic is an
 * error, nothing is written.
 */
export async function generate(input: string, output: string, options: Options, progress?: Progress): Promise<GenerateResult> {
  const rendered = await render(input, options, progress);
  if (hasErrors(rendered.diagnostics)) return rendered;
  const written = await write(output, rendered.files);
  return { ...rendered, written };
}

/** The outcome of `check`. */
export interface CheckResult extends RenderResult {
  /** Undefined when the docs have errors (then there is nothing trustworthy to compare). */
  readonly drift?: Drift;
}

/** Renders `input` in memory and compares it with `output`. Never writes. */
export async function check(input: string, output: string, options: Options, progress?: Progress): Promise<CheckResult> {
  const rendered = await render(input, options, progress);
  if (hasErrors(rendered.diagnostics)) return rendered;
  return { ...rendered, drift: await compare(output, rendered.files) };
}
