/**
 * What the config says of a user's remark plugins (`remarkPlugins`): how a
 * plugin is named, where it is found, and what it is for cache keys. Light on
 * purpose (no parser): runs the cache answers read this and nothing more.
 * Loading the plugins is `remark-plugins.ts`'s job.
 */

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
 * `--no-cache` then). Empty for none.
 */
export function remarkPluginsFingerprint(settings: readonly RemarkPluginSetting[]): string {
  if (settings.length === 0) return "";
  return sha256(
    settings
      .map((setting) => {
        const path = specifierOf(setting);
        try {
          return sha256(readFileSync(path));
        } catch {
          return `unreadable:${path}`;
        }
      })
      .join("\0"),
  );
}
