/**
 * What the config says of a user's remark plugins (`remarkPlugins`): how a
 * plugin is named, where it is found, and what it is for cache keys. Light on
 * purpose (no parser): runs the cache answers read this and nothing more.
 * Loading the plugins is `remark-plugins.ts`'s job.
 */

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { isAbsolute, join } from "node:path";
import { sha256 } from "./cache.js";
import { usageError } from "./errors.js";

/** A plugin as the config names it: a module specifier, or a specifier and the plugin's options. */
export type RemarkPluginSetting = string | readonly [string, unknown];

/** The module specifier of a plugin setting. */
export function specifierOf(setting: RemarkPluginSetting): string {
  return typeof setting === "string" ? setting : setting[0];
}

/**
 * Resolves each plugin's specifier from `baseDir` (the config file's folder)
 * to the absolute path of its module, as Node's `require.resolve` would from
 * a file there (a package in the project's `node_modules`, or a relative
 * path). Throws a usage error naming the plugin that cannot be found.
 */
export function resolveRemarkPlugins(settings: readonly RemarkPluginSetting[], baseDir: string): RemarkPluginSetting[] {
  const require = createRequire(join(baseDir, "package.json"));
  return settings.map((setting, i) => {
    const specifier = specifierOf(setting);
    let path: string;
    try {
      path = isAbsolute(specifier) ? require.resolve(specifier) : require.resolve(specifier.startsWith(".") ? join(baseDir, specifier) : specifier);
    } catch (error) {
      throw usageError(`remarkPlugins[${i}]: cannot find "${specifier}" from ${baseDir} (${(error as Error).message.split("\n")[0]})`);
    }
    return typeof setting === "string" ? path : [path, setting[1]];
  });
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
