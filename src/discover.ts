/**
 * Stage 0: finds the docs under an input folder, in a stable order.
 */

import { stat } from "node:fs/promises";
import { glob } from "tinyglobby";
import { compareStrings } from "./diagnostics.js";
import { ioError } from "./errors.js";

/**
 * Lists `**\/*.md` and `**\/*.mdx` under `input` as `/`-separated paths
 * relative to it, sorted by code unit (independent of file system order and
 * locale).
 */
export async function discover(input: string, exclude: readonly string[]): Promise<string[]> {
  let info;
  try {
    info = await stat(input);
  } catch {
    throw ioError(`Input folder "${input}" does not exist`);
  }
  if (!info.isDirectory()) throw ioError(`Input "${input}" is not a folder`);
  const files = await glob("**/*.{md,mdx}", { cwd: input, ignore: ["**/node_modules/**", ...exclude], onlyFiles: true, dot: false, followSymbolicLinks: false });
  return files.map((f) => f.replace(/\\/g, "/")).sort(compareStrings);
}
