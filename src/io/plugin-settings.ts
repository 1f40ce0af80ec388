/**
 * What the config says of a user's remark plugins (`remarkPlugins`): how a
 * plugin is named, where it is found, and what it is for cache keys. Light on
 * purpose (no parser): runs the cache answers read this and nothing more.
 * Loading the plugins is `remark-plugins.ts`'s job.
 */

import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { exports as resolveExports } from "resolve.exports";
import { sha256 } from "./cache.js";
import { usageError } from "../ir/errors.js";

import type { RemarkPluginSetting } from "../ir/options.js";

export type { RemarkPluginSetting };

/** The module specifier of a plugin setting. */
export function specifierOf(setting: RemarkPluginSetting): string {
  return typeof setting === "string" ? setting : setting[0];
}

/**
 * Resolves each plugin's specifier from `baseDir` (the config file's folder)
 * to the absolute path of its module: a path relative to `baseDir`, or a
 * package of the project's `node_modules`, by its `exports` for `import`
 * (remark plugins are ES modules, often with no `require` entry at all).
 * Throws a usage error naming the plugin that cannot be found.
 */
export function resolveRemarkPlugins(settings: readonly RemarkPluginSetting[], baseDir: string): RemarkPluginSetting[] {
  const require = createRequire(join(baseDir, "package.json"));
  return settings.map((setting, i) => {
    const specifier = specifierOf(setting);
    let path: string | undefined;
    let failure = "";
    try {
      path = isAbsolute(specifier) ? require.resolve(specifier) : specifier.startsWith(".") ? require.resolve(join(baseDir, specifier)) : (importEntry(specifier, baseDir) ?? require.resolve(specifier));
    } catch (error) {
      failure = ` (${messageOf(error)})`;
    }
    if (path === undefined) throw usageError(`remarkPlugins[${i}]: cannot find "${specifier}" from ${baseDir}${failure}`);
    return typeof setting === "string" ? path : [path, setting[1]];
  });
}

/** The first line of what was thrown, whatever it is. */
export function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] as string;
}

/**
 * The file a package specifier (`remark-x`, `@scope/remark-x/sub`) names for
 * `import`, from the nearest `node_modules` holding the package at or above
 * `baseDir`; undefined when none does.
 */
function importEntry(specifier: string, baseDir: string): string | undefined {
  const parts = specifier.split("/");
  const name = specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] as string);
  const subpath = `.${specifier.slice(name.length)}`;
  for (let dir = resolve(baseDir); ; dir = dirname(dir)) {
    const root = join(dir, "node_modules", name);
    if (existsSync(join(root, "package.json"))) {
      const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { exports?: unknown; module?: string; main?: string };
      const entry = pkg.exports !== undefined ? resolveExports(pkg, subpath, { conditions: ["node"] })?.[0] : subpath === "." ? (pkg.module ?? pkg.main ?? "index.js") : subpath;
      return entry === undefined ? undefined : join(root, entry);
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * What the plugins are, for cache keys: a SHA-256 of each plugin module's
 * bytes (the entry file; a change to a file it imports is not seen: run with
 * `--no-cache` then). A plugin this thread has imported counts as it was
 * imported (see {@link recordLoadedPlugin}), not as its file may be since.
 * Empty for none.
 */
export function remarkPluginsFingerprint(settings: readonly RemarkPluginSetting[]): string {
  if (settings.length === 0) return "";
  return sha256(
    settings
      .map((setting) => {
        const path = specifierOf(setting);
        return loadedPlugins.get(path) ?? pluginHash(path);
      })
      .join("\0"),
  );
}

/** The SHA-256 of a plugin module's bytes now (a mark naming it when it cannot be read). */
export function pluginHash(path: string): string {
  try {
    return sha256(readFileSync(path));
  } catch {
    return `unreadable:${path}`;
  }
}

/** Per plugin module (absolute path), what this thread imported: see {@link recordLoadedPlugin}. */
const loadedPlugins = new Map<string, string>();

/**
 * Records what the plugin module at `path` was when this thread imported it:
 * the hash of its bytes just `before` the import, or, when they were other
 * just `after` it (the file changed while it loaded), a mark no key ever
 * matches. Cache keys then take the plugin as it runs. A module imported
 * already keeps its first record (Node keeps the module it loaded first).
 */
export function recordLoadedPlugin(path: string, before: string, after: string): void {
  if (loadedPlugins.has(path)) return;
  loadedPlugins.set(path, before === after ? before : `changed-while-loading:${randomUUID()}`);
}

/** What this thread imported (to be reported by a worker thread to the main one). */
export function loadedPluginRecords(): [string, string][] {
  return [...loadedPlugins];
}

/**
 * A worker thread's records: a plugin it imported otherwise than this thread
 * did (the file changed in between) makes this process's keys unmatchable,
 * as its results may be of either version.
 */
export function reconcileLoadedPlugins(records: readonly (readonly [string, string])[]): void {
  for (const [path, hash] of records) {
    const own = loadedPlugins.get(path);
    if (own !== hash) loadedPlugins.set(path, `loaded-otherwise:${randomUUID()}`);
  }
}
