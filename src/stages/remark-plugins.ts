/**
 * A user's own remark plugins (config `remarkPlugins`), for vendor quirks:
 * each is added, with its options, after the model-doc syntax of
 * `parse.ts`, in a frozen processor of its own. Syntax extensions take part in
 * parsing, transforms run on each doc's tree before extract.
 *
 * Plugins are loaded once per run and per thread, before any doc is read
 * ({@link loadRemarkPlugins}); reading a doc then finds its processor
 * synchronously ({@link processorFor}). A plugin is named the way the config
 * names it — a package name or a path — and resolved from the user's project
 * (the config file's folder) by Node's rules ({@link resolveRemarkPlugins}).
 */

import type { Root } from "mdast";
import { pathToFileURL } from "node:url";
import remarkParse from "remark-parse";
import { unified, type Pluggable } from "unified";
import { usageError } from "../ir/errors.js";
import { markdownParser, modelDocSyntax, type MarkdownProcessor } from "./parse.js";
import { messageOf, pluginHash, recordLoadedPlugin, resolveRemarkPlugins, specifierOf, type RemarkPluginSetting } from "../io/plugin-settings.js";

const loaded = new Map<string, MarkdownProcessor>();

function keyOf(settings: readonly RemarkPluginSetting[]): string {
  return JSON.stringify(settings);
}

/**
 * Imports the plugins and builds their processor (once per list and thread).
 * Specifiers should be resolved ({@link resolveRemarkPlugins}); one that is
 * not is resolved from the working directory. Throws a usage error naming a
 * plugin that cannot be loaded or is not a function.
 */
export async function loadRemarkPlugins(settings: readonly RemarkPluginSetting[]): Promise<MarkdownProcessor> {
  if (settings.length === 0) return markdownParser;
  const key = keyOf(settings);
  const known = loaded.get(key);
  if (known) return known;
  const resolved = resolveRemarkPlugins(settings, process.cwd());
  const plugins: Pluggable[] = [];
  for (const [i, setting] of resolved.entries()) {
    const path = specifierOf(setting);
    let module: { default?: unknown };
    try {
      const before = pluginHash(path);
      module = (await import(pathToFileURL(path).href)) as { default?: unknown };
      recordLoadedPlugin(path, before, pluginHash(path));
    } catch (error) {
      throw usageError(`remarkPlugins[${i}]: cannot load ${path}: ${messageOf(error)}`);
    }
    const plugin = module.default;
    if (typeof plugin !== "function") throw usageError(`remarkPlugins[${i}]: ${path} has no default export that is a remark plugin (a function)`);
    plugins.push(typeof setting === "string" ? (plugin as Pluggable) : ([plugin, setting[1]] as Pluggable));
  }
  const processor = processorWith(plugins, (i, error) => usageError(`remarkPlugins[${i}]: ${specifierOf(resolved[i] as RemarkPluginSetting)} failed to start: ${messageOf(error)}`));
  loaded.set(key, processor);
  return processor;
}

/** The frozen processor of the model-doc syntax and `plugins`; a plugin that throws while attaching is named. */
function processorWith(plugins: readonly Pluggable[], failed: (index: number, error: unknown) => Error): MarkdownProcessor {
  const base = () => unified().use(remarkParse).use(modelDocSyntax);
  try {
    return base().use([...plugins]).freeze() as unknown as MarkdownProcessor;
  } catch (error) {
    // Attachers run at `freeze`: find the one that throws, alone.
    const index = plugins.findIndex((plugin) => {
      try {
        base().use([plugin]).freeze();
        return false;
      } catch {
        return true;
      }
    });
    throw failed(Math.max(index, 0), error);
  }
}

/**
 * Runs the plugins' transforms on a tree, synchronously. A transform that
 * throws, or one that is asynchronous (mdtypes reads docs synchronously),
 * becomes a usage error naming `docId`; a tree left in a shape no parser
 * gives is reported the same way.
 */
export function runPlugins(processor: MarkdownProcessor, tree: Root, docId: string, settings: readonly RemarkPluginSetting[]): Root {
  const names = settings.map(specifierOf).join(", ");
  let finished = false;
  let failure: unknown;
  let result: Root | undefined;
  // `run` with a callback, not `runSync`: an asynchronous transform must not leave a rejection nobody handles.
  processor.run(tree, (error, out) => {
    finished = true;
    failure = error;
    result = out as Root | undefined;
  });
  if (!finished) throw usageError(`remarkPlugins (${names}): a transform is asynchronous (it returned a promise) on ${docId}; mdtypes runs remark plugins synchronously`);
  if (failure !== undefined && failure !== null) throw usageError(`remarkPlugins (${names}): a transform failed on ${docId}: ${messageOf(failure)}`);
  if (!result || result.type !== "root" || !Array.isArray(result.children)) throw usageError(`remarkPlugins (${names}): a transform left ${docId} without an mdast root`);
  return result;
}

/**
 * The processor for a list of plugins: the built-in one for none; otherwise
 * the one {@link loadRemarkPlugins} built (a `TypeError` if it was not
 * called first: an API misuse).
 */
export function processorFor(settings: readonly RemarkPluginSetting[]): MarkdownProcessor {
  if (settings.length === 0) return markdownParser;
  const processor = loaded.get(keyOf(settings));
  if (!processor) throw new TypeError("remark plugins are not loaded: await loadRemarkPlugins(options.remarkPlugins) before reading docs");
  return processor;
}

