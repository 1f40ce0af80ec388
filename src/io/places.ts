/**
 * Where the CLI looks for its config and keeps its cache. Light on purpose
 * (Node's own modules only): the replay of a warm `check` (`cli/replay.ts`)
 * finds its record with these before anything else of the CLI is loaded.
 */

import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/** The config file's name, looked for by {@link configFolders}. */
export const CONFIG_FILE = "mdtypes.config.json";

/** The cache folder's name, in the folder mdtypes runs in (or the config's folder). */
export const DEFAULT_CACHE_DIR = ".mdtypes-cache";

/**
 * The folders where the config is looked for from `cwd`, nearest first, as
 * tsc, ESLint and Prettier look for theirs: `cwd` and each parent up to the
 * repository root (the first folder holding `.git`) or the file system's
 * root. Lazy: a caller that finds the config in one stops there.
 */
export function* configFolders(cwd: string): Generator<string> {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    yield dir;
    if (existsSync(join(dir, ".git")) || dirname(dir) === dir) return;
  }
}

/**
 * Where the cache lives unless `--cache-dir` says: where build tools keep
 * theirs, `node_modules/.cache/mdtypes` in the project's root (the config's
 * folder, else the working directory) when it has a `node_modules`, else
 * `.mdtypes-cache` there.
 */
export function defaultCacheDir(root: string): string {
  return existsSync(join(root, "node_modules")) ? join(root, "node_modules", ".cache", "mdtypes") : join(root, DEFAULT_CACHE_DIR);
}
