/**
 * Stage 0: finds the docs under an input folder, in a stable order.
 */

import { readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { compareStrings } from "../ir/diagnostics.js";
import { ioError } from "../ir/errors.js";
import { DOC_FILE } from "../ir/ir.js";

/**
 * Lists `**\/*.md` and `**\/*.mdx` under `input` as `/`-separated paths
 * relative to it, sorted by code unit (independent of file system order and
 * locale). A symbolic link to a doc is followed (a Bazel runfiles tree is all
 * links); a link to a folder is not (it may lead out of the input, or back
 * into it, round and round).
 */
export async function discover(input: string, exclude: readonly string[]): Promise<string[]> {
  let info;
  try {
    info = statSync(input);
  } catch (error) {
    throw ioError((error as NodeJS.ErrnoException).code === "ENOTDIR" ? `Input "${input}" lies under a file, not a folder` : `Input folder "${input}" does not exist`);
  }
  if (!info.isDirectory()) throw ioError(`Input "${input}" is not a folder`);
  // Node's own recursive listing: it does not enter linked folders, and says which entries are links.
  let entries;
  try {
    entries = readdirSync(input, { recursive: true, withFileTypes: true });
  } catch (error) {
    throw ioError(`Cannot list ${input}: ${(error as Error).message}`);
  }
  // The matcher is loaded only when there are patterns: a run that excludes nothing does without it.
  const excluded = exclude.length > 0 ? (await import("picomatch")).default([...exclude]) : () => false;
  const docs: string[] = [];
  // Each folder's path relative to the input, worked out once.
  const folders = new Map<string, string>();
  for (const entry of entries) {
    if (!DOC_FILE.test(entry.name)) continue;
    const parent = entry.parentPath ?? (entry as { path?: string }).path ?? input;
    let folder = folders.get(parent);
    if (folder === undefined) {
      folder = relative(input, parent).split(sep).join("/");
      folders.set(parent, folder);
    }
    const path = folder === "" ? entry.name : `${folder}/${entry.name}`;
    // Hidden folders and files, and installed packages, hold no docs of the input's own.
    if (path.split("/").some((part) => part.startsWith(".") || part === "node_modules")) continue;
    if (excluded(path)) continue;
    if (entry.isFile() || (entry.isSymbolicLink() && isFileBehind(join(input, path)))) docs.push(path);
  }
  return docs.sort(compareStrings);
}

/** Whether a link leads to a file (not a folder, not nowhere). */
function isFileBehind(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
