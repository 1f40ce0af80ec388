/**
 * `generate` and `check`, answered from the cache when it can be: when every
 * doc and every option is as in the last full run of a target, that run's
 * output hashes are compared with the files on disk, and nothing is parsed or
 * rendered. Any difference (a doc, an option, the tool, a file on disk) takes
 * the long way through `generate.ts`, loaded only then, which re-reads only
 * the docs that changed.
 */

import { lstatSync, readlinkSync, realpathSync, statSync } from "node:fs";
import { basename, dirname, join, relative, resolve as resolvePath } from "node:path";
import { sha256 } from "./io/cache.js";
import { normalize } from "./stages/compare.js";
import { hasErrors } from "./ir/diagnostics.js";
import { ioError, withIoErrors } from "./ir/errors.js";
import type { CheckResult, GenerateResult, RunSettings, RunStats, RunSummary } from "./recipe.js";
import { lastRun, type RunEntry } from "./io/run-cache.js";
import type { Options } from "./ir/options.js";
import { readRegularBytes } from "./io/read-bytes.js";
import { readSources } from "./io/sources.js";
import { linkedFolder, listOwned } from "./io/write.js";
import { readTemplateFolder } from "./io/templates.js";

export type { CheckResult, GenerateResult, RunStats, RunSummary };

/**
 * Generates `output` from the docs in `input`: writes only files whose bytes
 * change, removes orphans, and writes nothing when any diagnostic is an error.
 */
export async function generate(input: string, output: string, options: Options, settings: RunSettings = {}): Promise<GenerateResult> {
  return withIoErrors(async () => {
    ({ output, options } = throughLinkedFile(output, options));
    checkOutputFolder(output);
    await checkTemplates(options);
    return generateIn(input, output, options, settings);
  });
}

async function generateIn(input: string, output: string, options: Options, settings: RunSettings): Promise<GenerateResult> {
  const sources = await readSources(input, options.exclude, { hash: settings.cache !== undefined });
  const last = settings.cache ? lastRun(settings.cache, input, options, sources) : undefined;
  if (last) {
    if (hasErrors(last.diagnostics)) return summaryOf(last);
    const unchanged = await unchangedOnDisk(output, last, "exact");
    if (unchanged) return { ...summaryOf(last), written: { written: [], unchanged, deleted: [] } };
  }
  const { generateSources } = await import("./recipe.js");
  return generateSources(input, sources, output, options, settings);
}

/** Renders `input` in memory and compares it with `output`. Never writes. */
export async function check(input: string, output: string, options: Options, settings: RunSettings = {}): Promise<CheckResult> {
  return withIoErrors(async () => {
    ({ output, options } = throughLinkedFile(output, options));
    checkOutputFolder(output);
    await checkTemplates(options);
    return checkIn(input, output, options, settings);
  });
}

/**
 * The user's templates, checked before any doc is read: the folder exists,
 * every file overrides a template of the target, and each compiles (a usage
 * or I/O error otherwise). What a template reads is checked as it renders.
 */
async function checkTemplates(options: Options): Promise<void> {
  const overrides = readTemplateFolder(options.templates);
  if (!overrides) return;
  const { checkTemplates: check } = await import("./emit/targets.js");
  check(options.target, overrides);
}

/**
 * A one-module output (`singleFile`) that is a symbolic link is the file it
 * links to, as an output folder reached through a link is the folder: written
 * there, the link kept (replacing the link with a file left the file it
 * linked to stale). A link to nothing is an I/O error before any work.
 */
function throughLinkedFile(output: string, options: Options): { output: string; options: Options } {
  if (options.singleFile === undefined) return { output, options };
  const file = join(output, options.singleFile);
  if (!isLink(file)) return { output, options };
  let real: string;
  try {
    real = realpathSync(file);
  } catch (error) {
    throw ioError(`Output file "${relative(process.cwd(), file) || file}" is ${unfollowable(file, error)}`);
  }
  return { output: dirname(real), options: { ...options, singleFile: basename(real) } };
}

/**
 * An output folder must be a folder where it exists, and otherwise lie
 * below one: an existing file (or a file on the way to it) is an I/O error
 * before any work, never a run that reports every file missing.
 */
function checkOutputFolder(output: string): void {
  checkFolderPlace(output, "Output");
}

/**
 * Throws an I/O error naming `label` when `folder` is a file, or lies under
 * one (where a folder would have to be made); fine when it is a folder or
 * could be made.
 */
export function checkFolderPlace(folder: string, label: string): void {
  const place = (path: string) => (path === resolvePath(folder) ? `${label} "${folder}" is` : `${label} "${folder}" lies under ${relative(process.cwd(), path) || path}, which is`);
  for (let path = resolvePath(folder); ; path = dirname(path)) {
    let info;
    try {
      info = statSync(path);
    } catch (error) {
      // A symbolic link to nothing: no folder can be made there.
      if (isLink(path)) throw ioError(`${place(path)} ${unfollowable(path, error)}`);
      if (dirname(path) === path) return;
      continue;
    }
    if (!info.isDirectory()) throw ioError(`${place(path)} a file, not a folder`);
    return;
  }
}

async function checkIn(input: string, output: string, options: Options, settings: RunSettings): Promise<CheckResult> {
  const sources = await readSources(input, options.exclude, { hash: settings.cache !== undefined });
  const last = settings.cache ? lastRun(settings.cache, input, options, sources) : undefined;
  if (last) {
    if (hasErrors(last.diagnostics)) return summaryOf(last);
    if (await unchangedOnDisk(output, last, "normal")) return { ...summaryOf(last), drift: { changed: [], missing: [], orphaned: [] } };
  }
  // Drift (or no usable entry): the long way, which also gives the diffs.
  const { checkSources } = await import("./recipe.js");
  return checkSources(input, sources, output, options, settings);
}

/** What a symbolic link that cannot be followed is, from the error following it gave: a loop (`ELOOP`), else broken. */
function unfollowable(link: string, error: unknown): string {
  if ((error as NodeJS.ErrnoException).code === "ELOOP") return "a loop of symbolic links (or a chain too long to follow)";
  return `a broken symbolic link (to ${readlinkSync(link)})`;
}

/** Whether `path` is a symbolic link (false when nothing, or no folder on the way to it, is there). */
function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function summaryOf(entry: RunEntry): RunSummary {
  return { options: entry.options, diagnostics: entry.diagnostics, stats: { ...entry.stats, parsed: 0 } };
}

/**
 * The output paths, when every file of the entry is on disk with the same
 * text (`exact` bytes for `generate`; `normal`ized, as `check` compares) and
 * no orphan is left; otherwise undefined.
 */
async function unchangedOnDisk(output: string, entry: RunEntry, compare: "exact" | "normal"): Promise<string[] | undefined> {
  // A folder that is a link: the long way, which names it.
  if (linkedFolder(output, entry.files.map((f) => f.path)) !== undefined) return undefined;
  for (const file of entry.files) {
    const bytes = readWhole(join(output, file.path));
    if (!bytes) return undefined;
    // The bytes as written hash as the text did (UTF-8); only a file that differs is decoded, for `check`'s forgiving compare.
    if (sha256(bytes) === file.exact) continue;
    if (compare === "exact" || sha256(normalize(bytes.toString("utf8"))) !== file.normal) return undefined;
  }
  const wanted = new Set(entry.files.map((f) => f.path));
  if (entry.options.singleFile === undefined && (await listOwned(output, wanted)).length > 0) return undefined;
  return entry.files.map((f) => f.path);
}

/**
 * The bytes of the file at `path` (valid until the next read: see
 * `readBytes`), or undefined when it cannot be read. Hundreds of output files
 * read this way cost a third of reading each into a string of its own and
 * hashing that.
 */
function readWhole(path: string): Buffer | undefined {
  try {
    // Not `readBytes`: an output path may hold a FIFO or a device, which must never block or fill the run.
    return readRegularBytes(path);
  } catch {
    return undefined;
  }
}
