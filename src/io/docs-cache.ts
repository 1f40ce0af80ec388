/**
 * The cache around reading the docs: each doc's result under a key of its
 * id, bytes and the options it is read with (the reading options alone, so
 * that targets differing only in what they emit share one entry). Apart from
 * `run-cache.ts` because it loads the parser: only the long way of a run
 * needs it.
 */

import type { SourceDoc } from "../dialects/dialect.js";
import { readingOptions, type Options } from "../ir/options.js";
import type { DocResult } from "../stages/read.js";
import { stableJson, type Cache } from "./cache.js";
import { remarkPluginsFingerprint } from "./plugin-settings.js";
import { readDocs, type ReadSettings } from "./pool.js";
import { contentHashes, docKey, targetKey } from "./sources.js";

/** What the cache keeps of one target's docs: each doc's result under its key. */
interface DocsEntry {
  readonly docs: Record<string, { readonly key: string; readonly result: DocResult }>;
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
  const pluginsBefore = remarkPluginsFingerprint(userOptions.remarkPlugins);
  const optionsText = `${stableJson(readingOptions(options))}\0${pluginsBefore}`;
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
  // A plugin that changed while it loaded, or that a worker thread loaded otherwise, leaves results of either version: not kept.
  const steady = remarkPluginsFingerprint(userOptions.remarkPlugins) === pluginsBefore;
  if (steady && (missing.length > 0 || !stored || Object.keys(stored).length !== sources.length)) {
    cache.save(name, { docs: Object.fromEntries(sources.map((doc, i) => [doc.id, { key: keys[i]!, result: docs[i]! }])) } satisfies DocsEntry);
  }
  return { docs, parsed: missing.length };
}
