/**
 * The cache around a whole target: the last full run (its diagnostics,
 * counts and the hashes of every output file), which answers a run whose
 * docs and options are all as then. The cache around reading each doc is
 * `docs-cache.ts`.
 */

import type { SourceDoc } from "../dialects/dialect.js";
import type { Diagnostic } from "../ir/diagnostics.js";
import type { Options } from "../ir/options.js";
import type { TemplateOverrides } from "../emit/templates.js";
import { sha256, type Cache } from "./cache.js";
import { runKey, targetKey } from "./sources.js";

/** What the cache keeps of one target's last full run. */
export interface RunEntry {
  readonly key: string;
  readonly options: Options;
  readonly diagnostics: readonly Diagnostic[];
  readonly stats: { readonly docs: number; readonly models: number; readonly files: number };
  /** Every output file: its path and the hashes of its exact and of its normalized text (see `stages/compare.ts`). */
  readonly files: readonly { readonly path: string; readonly exact: string; readonly normal: string }[];
}

/** Records a target's full run, for {@link lastRun} to answer the next one. `templates`: the user's templates the run rendered with (read again when not given). */
export function recordRun(
  cache: Cache,
  input: string,
  userOptions: Options,
  sources: readonly SourceDoc[],
  run: { readonly options: Options; readonly diagnostics: readonly Diagnostic[]; readonly stats: RunEntry["stats"]; readonly files: readonly { readonly path: string; readonly content: string }[] },
  normalize: (text: string) => string,
  templates?: TemplateOverrides,
  hashed?: OutputHashes,
): void {
  const entry: RunEntry = {
    // The key takes the user's templates as the run rendered them (`templates`), not as they may be now.
    key: runKey(input, userOptions, sources, templates),
    options: run.options,
    diagnostics: run.diagnostics,
    stats: { docs: run.stats.docs, models: run.stats.models, files: run.stats.files },
    files: run.files.map((f) => hashed?.of(f) ?? outputHashes(f, normalize)),
  };
  cache.save(`run-${targetKey(input, userOptions)}.json`, entry);
}

/** One output file as {@link RunEntry} records it: its path, and the hashes of its exact and of its normalized text. */
type FileHashes = RunEntry["files"][number];

function outputHashes(file: { readonly path: string; readonly content: string }, normalize: (text: string) => string): FileHashes {
  return { path: file.path, exact: sha256(file.content), normal: sha256(normalize(file.content)) };
}

/**
 * The hashes of files taken as they are rendered, before they are handed
 * over to be written (`EmitOptions.onFile`), for those kept in the file list
 * without their text: {@link recordRun} finds each by the very file kept.
 */
export class OutputHashes {
  readonly #normalize: (text: string) => string;
  readonly #byFile = new WeakMap<object, FileHashes>();

  constructor(normalize: (text: string) => string) {
    this.#normalize = normalize;
  }

  /** Takes `file`'s hashes and files them under `kept`, what the list holds in its place (`file` itself, or the file the hand-over gave). */
  add(file: { readonly path: string; readonly content: string }, kept: object): void {
    this.#byFile.set(kept, outputHashes(file, this.#normalize));
  }

  /** The hashes taken of the file the list holds, if they were. */
  of(file: object): FileHashes | undefined {
    return this.#byFile.get(file);
  }
}

/** The cache's entry for the last full run of this target, when it ran over exactly these docs and options. */
export function lastRun(cache: Cache | undefined, input: string, options: Options, sources: readonly SourceDoc[]): RunEntry | undefined {
  const entry = cache?.load<RunEntry>(`run-${targetKey(input, options)}.json`);
  return entry && entry.key === runKey(input, options, sources) && Array.isArray(entry.files) ? entry : undefined;
}
