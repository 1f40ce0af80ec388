/**
 * The recipe: every stage, in order. (`run.ts` answers from the cache when it
 * can, and comes here when it cannot.)
 *
 * ```
 * discover → prepare                     (per tree: e.g. which SDK language)
 *          → parse → extract → buildIr  (per file, pure)
 *          → resolve → emit              (whole program)
 *          → write                       (`generate`, only when no error diagnostics)
 *          | compare                     (`check`, never writes)
 * ```
 */

import { join } from "node:path";
import type { Cache } from "./io/cache.js";
import { compare, normalize, type Drift } from "./stages/compare.js";
import { applyRuleSettings, compareDiagnostics, hasErrors, type Diagnostic } from "./ir/diagnostics.js";
import type { SourceDoc } from "./dialects/dialect.js";
import { dialectOf, fingerprints } from "./dialects/detect.js";
import { keptFile, type OutputFile } from "./emit/emit.js";
import { drain, type Steps } from "./emit/steps.js";
import { emitTargetSteps } from "./emit/targets.js";
import { readTemplateFolder } from "./io/templates.js";
import type { TemplateOverrides } from "./emit/templates.js";
import type { Program } from "./ir/ir.js";
import type { Options } from "./ir/options.js";
import type { WorkerSetting } from "./io/pool.js";
import { readDocsCached } from "./io/docs-cache.js";
import { OutputHashes, recordRun } from "./io/run-cache.js";
import type { DocResult } from "./stages/read.js";
import { prepare } from "./stages/prepare.js";
import { loadRemarkPlugins } from "./stages/remark-plugins.js";
import { resolve } from "./stages/resolve.js";
import { readSources } from "./io/sources.js";
import { runPaced } from "./io/pace.js";
import { clearToRender, discardStaging, endingBySignal, prepareFreshStaging, write, type WriteReport } from "./io/write.js";

export { readDoc, type DocResult } from "./stages/read.js";

/** Counts of a run. */
export interface RunStats {
  /** Docs found (model docs and skipped files). */
  readonly docs: number;
  readonly models: number;
  /** Output files (modules, the runtime, the index). */
  readonly files: number;
  /** Docs parsed by this run; the others came from the cache. */
  readonly parsed: number;
}

/** What every run yields. */
export interface RunSummary {
  /** The options the docs were read with, tree-level settings filled in (e.g. the detected `flavour`). */
  readonly options: Options;
  /** Sorted; `file` is the doc's path joined to the input folder as given. */
  readonly diagnostics: readonly Diagnostic[];
  readonly stats: RunStats;
}

/** The outcome of `generate`. */
export interface GenerateResult extends RunSummary {
  /** Undefined when nothing was written because the docs have errors. */
  readonly written?: WriteReport;
}

/** The outcome of `check`. */
export interface CheckResult extends RunSummary {
  /** Undefined when the docs have errors (then there is nothing trustworthy to compare). */
  readonly drift?: Drift;
}


/** Called as docs are read: how many of how many. */
export type Progress = (done: number, total: number) => void;

/** How a run goes about its work (never what it produces). */
export interface RunSettings {
  readonly progress?: Progress;
  /** Where to keep and find earlier results; none by default (the CLI uses `.mdtypes-cache`). */
  readonly cache?: Cache;
  /** Worker threads for reading docs: a number (0: none) or `auto` (the default: by input size and cores). */
  readonly workers?: WorkerSetting;
  /** Milliseconds of work (reading, rendering) between turns of the event loop, where a signal is taken: by default 50 (`io/pace.ts`); tests give 0, a turn after every batch of docs and every model. */
  readonly yieldEvery?: number;
}

/** The outcome of rendering an input folder in memory. */
export interface RenderResult extends RunSummary {
  readonly program: Program;
  /** Every generated file, sorted by path. */
  readonly files: readonly OutputFile[];
}

/** Reads, resolves and emits every doc under `input`, writing nothing. */
export async function render(input: string, options: Options, settings: RunSettings = {}): Promise<RenderResult> {
  return renderSources(input, await readSources(input, options.exclude), options, settings);
}

/**
 * {@link render} over docs already read: the recipe, top to bottom. The
 * cache (when given) wraps its two natural points: reading the docs, and the
 * whole target's run, recorded for the next one (`io/run-cache.ts`).
 */
export async function renderSources(input: string, sources: readonly SourceDoc[], options: Options, settings: RunSettings = {}, onFile?: (file: OutputFile) => unknown): Promise<RenderResult> {
  await loadRemarkPlugins(options.remarkPlugins);
  const prepared = prepare(sources, options);
  const readSettings = { ...(settings.workers !== undefined ? { workers: settings.workers } : {}), ...(settings.progress ? { progress: settings.progress } : {}), ...(settings.yieldEvery !== undefined ? { yieldEvery: settings.yieldEvery } : {}) };
  const { docs, parsed } = await readDocsCached(settings.cache, input, sources, options, prepared.options, readSettings);
  await clearToRender();
  // Read once: the run renders with these bytes and files its cache entry by them, whatever the folder holds by then.
  const templates = readTemplateFolder(options.templates);
  // A file handed to `onFile` may be kept without its text (see `EmitOptions.onFile`): the cache's hashes of it are taken first.
  const hashed = settings.cache && onFile ? new OutputHashes(normalize) : undefined;
  const handOver =
    hashed && onFile
      ? (file: OutputFile) => {
          const given = onFile(file);
          hashed.add(file, keptFile(file, given));
          return given;
        }
      : onFile;
  // The render lets the event loop turn every 50 ms, and stops there for good when a signal is ending the run.
  const result = await runPaced(finishSteps(input, docs, prepared.options, prepared.diagnostics, parsed, handOver, templates), settings.yieldEvery, endingBySignal);
  if (settings.cache) recordRun(settings.cache, input, options, sources, result, normalize, templates, hashed);
  return result;
}

/**
 * Resolves and emits already-read docs (read with the prepared `options`).
 * `parsed` is how many of them this run parsed (the rest came from a cache).
 */
export function finish(input: string, docs: readonly DocResult[], options: Options, treeDiagnostics: readonly Diagnostic[] = [], parsed = docs.length): RenderResult {
  return drain(finishSteps(input, docs, options, treeDiagnostics, parsed, undefined, readTemplateFolder(options.templates)));
}

/** {@link finish} in steps, one a model (see `emit/steps.ts`), handing each file to `onFile` as soon as it is rendered (see `EmitOptions.onFile`), with the user's `templates` as read. */
function* finishSteps(input: string, docs: readonly DocResult[], options: Options, treeDiagnostics: readonly Diagnostic[], parsed: number, onFile: ((file: OutputFile) => unknown) | undefined, templates: TemplateOverrides | undefined): Steps<RenderResult> {
  const models = docs.flatMap((d) => d.models);
  const resolved = resolve(models, input);
  const emitted = yield* emitTargetSteps(resolved.program, { ...options, templateOverrides: templates, onFile });
  // Title-only docs alone make no API (prose, a README, a wrong folder): as good as no model at all.
  const noModel = models.every((m) => m.kind === "opaque");
  const all = [...treeDiagnostics, ...(noModel ? [noModels(docs, options)] : []), ...docs.flatMap((d) => d.diagnostics), ...resolved.diagnostics, ...emitted.diagnostics];
  const diagnostics = applyRuleSettings(all, options.rules)
    .map((d) => ({ ...d, file: join(input, d.file), ...(d.cause ? { cause: { ...d.cause, file: join(input, d.cause.file) } } : {}) }))
    .sort(compareDiagnostics);
  const stats: RunStats = { docs: docs.length, models: resolved.program.models.length, files: emitted.files.length, parsed };
  return { program: resolved.program, options, files: emitted.files, diagnostics, stats };
}

/**
 * An input with no model doc is almost always a mistake (a wrong folder, an
 * `exclude` that leaves nothing): an error, at the first file read if there
 * is one (else about the folder itself: line and column 0), never an empty
 * output reported as a success. Docs with a title only count for nothing
 * here: a folder of prose has titles too.
 */
function noModels(docs: readonly DocResult[], options: Options): Diagnostic {
  const first = docs[0];
  const excluded = options.exclude.length > 0 ? ` (after \`exclude\`: ${options.exclude.map((g) => `\`${g}\``).join(", ")})` : "";
  if (!first) {
    return { file: "", line: 0, column: 0, ruleId: "no-models", severity: "error", message: `Unexpected input folder without \`.md\` or \`.mdx\` files${excluded}, expected the model docs (such as an SDK's \`docs/models\`)` };
  }
  const read = docs.length === 1 ? "the one file read" : `the ${docs.length} files read`;
  return {
    file: first.id,
    line: 1,
    column: 1,
    ruleId: "no-models",
    severity: "error",
    message: `Unexpected input without a model doc: of ${read}${excluded}, ${lookedFor(options)} (see the \`not-a-model\` notes), expected the model docs (such as an SDK's \`docs/models\`)`,
  };
}

/** What the docs lack, as the no-models error says it: the dialect's fingerprint, or every dialect's when none was recognized. */
function lookedFor(options: Options): string {
  if (options.settled?.unrecognized) return `none carries a generator's fingerprint (looked for: ${fingerprints()})`;
  const dialect = dialectOf(options.dialect, "", "");
  return `none is a model doc as ${dialect.label} writes them (${dialect.fingerprint})`;
}

/** The outcome of a render, without the program and files. */
function summary(rendered: RenderResult): RunSummary {
  return { options: rendered.options, diagnostics: rendered.diagnostics, stats: rendered.stats };
}

/** `generate` the long way: render (through the cache, if any), then write. */
export async function generateSources(input: string, sources: readonly SourceDoc[], output: string, options: Options, settings: RunSettings = {}): Promise<GenerateResult> {
  // A new output folder, staged beside it: the ts and zod targets' modules are written in the
  // background as they are rendered (`EmitOptions.onFile`), the rest at the commit. json-schema
  // and `--out-file` outputs are staged inside the output folder, as an existing output's files are.
  const single = options.singleFile !== undefined;
  const fresh = single || options.target === "json-schema" ? undefined : prepareFreshStaging(output);
  let rendered: RenderResult;
  try {
    rendered = await renderSources(input, sources, options, settings, fresh?.send);
  } catch (error) {
    if (fresh) await discardStaging(fresh);
    throw error;
  }
  if (hasErrors(rendered.diagnostics)) {
    if (fresh) await discardStaging(fresh);
    return summary(rendered);
  }
  return { ...summary(rendered), written: await write(output, rendered.files, fresh, { orphans: !single }) };
}

/** `check` the long way: render (through the cache, if any), then compare. */
export async function checkSources(input: string, sources: readonly SourceDoc[], output: string, options: Options, settings: RunSettings = {}): Promise<CheckResult> {
  const rendered = await renderSources(input, sources, options, settings);
  if (hasErrors(rendered.diagnostics)) return summary(rendered);
  return { ...summary(rendered), drift: await compare(output, rendered.files, output, { orphans: options.singleFile === undefined }) };
}
