/**
 * The cache at the recipe's two natural points: around reading the docs
 * (each doc's result under a key of its id, bytes and the options it is read
 * with) and around a whole target (the last full run: its diagnostics, counts
 * and the hashes of every output file). The recipe calls these; what the
 * entries hold and how they are keyed is known here alone.
 */

import type { SourceDoc } from "../dialects/dialect.js";
import type { Diagnostic } from "../ir/diagnostics.js";
import { readingOptions, type Options } from "../ir/options.js";
import type { DocResult } from "../stages/read.js";
import { sha256, stableJson, type Cache } from "./cache.js";
import { remarkPluginsFingerprint } from "./plugin-settings.js";
import { readDocs, type ReadSettings } from "./pool.js";
import { contentHashes, docKey, runKey, targetKey } from "./sources.js";

/** What the cache keeps of one target's docs: each doc's result under its key. */
interface DocsEntry {
  readonly docs: Record<string, { readonly key: string; readonly result: DocResult }>;
}

/** What the cache keeps of one target's last full run. */
export interface RunEntry {
  readonly key: string;
  readonly options: Options;
  readonly diagnostics: readonly Diagnostic[];
  readonly stats: { readonly docs: number; readonly models: number; readonly files: number };
  /** Every output file: its path and the hashes of its exact and of its normalized text (see `stages/compare.ts`). */
  readonly files: readonly { readonly path: string; readonly exact: string; readonly normal: string }[];
}

/**
 * Reads `sources` with the prepared `options`, taking each doc's result from
 * `cache` when its key matches and reading only the others (then saving the
 * new set). `userOptions` are the options as given, which key the target.
 * Returns the results in the order of `sources`, and how many were parsed.
 */
export async function readDocsCached(
  cache: Cache | undefined,
  input: string,
  sources: readonly SourceDoc[],
  userOptions: Options,
  options: Options,
  settings: ReadSettings,
): Promise<{ docs: DocResult[]; parsed: number }> {
  if (!cache) return { docs: await readDocs(sources, options, settings), parsed: sources.length };
  // Keyed by the reading options alone: targets that differ only in what they emit share one entry.
  const name = `docs-${targetKey(input, readingOptions(userOptions))}.json`;
  const stored = cache.load<DocsEntry>(name)?.docs;
  const optionsText = `${stableJson(readingOptions(options))}\0${remarkPluginsFingerprint(userOptions.remarkPlugins)}`;
  const content = contentHashes(sources);
  const keys = sources.map((doc, i) => docKey(optionsText, doc.id, content[i]!));
  const found: (DocResult | undefined)[] = sources.map((doc, i) => {
    const entry = stored && Object.hasOwn(stored, doc.id) ? stored[doc.id] : undefined;
    return entry && entry.key === keys[i] && entry.result?.id === doc.id ? entry.result : undefined;
  });
  const missing = sources.filter((_, i) => found[i] === undefined);
  const fresh = await readDocs(missing, options, settings);
  let next = 0;
  const docs = found.map((result) => result ?? fresh[next++]!);
  if (missing.length > 0 || !stored || Object.keys(stored).length !== sources.length) {
    cache.save(name, { docs: Object.fromEntries(sources.map((doc, i) => [doc.id, { key: keys[i]!, result: docs[i]! }])) } satisfies DocsEntry);
  }
  return { docs, parsed: missing.length };
}

/** Records a target's full run, for {@link lastRun} to answer the next one. */
export function recordRun(
  cache: Cache,
  input: string,
  userOptions: Options,
  sources: readonly SourceDoc[],
  run: { readonly options: Options; readonly diagnostics: readonly Diagnostic[]; readonly stats: RunEntry["stats"]; readonly files: readonly { readonly path: string; readonly content: string }[] },
  normalize: (text: string) => string,
): void {
  const entry: RunEntry = {
    key: runKey(input, userOptions, sources),
    options: run.options,
    diagnostics: run.diagnostics,
    stats: { docs: run.stats.docs, models: run.stats.models, files: run.stats.files },
    files: run.files.map((f) => ({ path: f.path, exact: sha256(f.content), normal: sha256(normalize(f.content)) })),
  };
  cache.save(`run-${targetKey(input, userOptions)}.json`, entry);
}

/** The cache's entry for the last full run of this target, when it ran over exactly these docs and options. */
export function lastRun(cache: Cache | undefined, input: string, options: Options, sources: readonly SourceDoc[]): RunEntry | undefined {
  const entry = cache?.load<RunEntry>(`run-${targetKey(input, options)}.json`);
  return entry && entry.key === runKey(input, options, sources) && Array.isArray(entry.files) ? entry : undefined;
}
