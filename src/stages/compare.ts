/**
 * Stage 6 for `mdtypes check`: compares the files a render produced with the
 * files on disk, writing nothing. It looks at every file mdtypes owns under
 * the output folder (see `write.ts`), so it reports every changed, missing
 * and orphaned file, not only the first.
 *
 * CRLF against LF, a byte-order mark and a missing final newline are not
 * drift: a checkout with `core.autocrlf` must not fail CI.
 */

import { join } from "node:path";
import type { OutputFile } from "../emit/emit.js";
import { ownsFile } from "../emit/marker.js";
import { linkedFolder, linkedFolderError, listOwned, readOutputFile } from "../io/write.js";

/** A generated file whose text on disk differs from what the docs give. */
export interface ChangedFile {
  readonly path: string;
  /** A unified diff from the file on disk to the expected file. */
  readonly diff: string;
  /** False when the file on disk lacks the mdtypes marker (a hand-written file in the way). */
  readonly owned: boolean;
}

/** How an output folder differs from what the docs give; paths relative to it, sorted. */
export interface Drift {
  readonly changed: readonly ChangedFile[];
  /** Files the docs give that are not on disk. */
  readonly missing: readonly string[];
  /** Files mdtypes owns on disk that the docs no longer give. */
  readonly orphaned: readonly string[];
}

/** Whether a drift report is empty. */
export function inSync(drift: Drift): boolean {
  return drift.changed.length === 0 && drift.missing.length === 0 && drift.orphaned.length === 0;
}

/** Text as compared: LF line ends, no BOM, no final newlines. */
export function normalize(text: string): string {
  if (text.charCodeAt(0) === 0xfeff || text.includes("\r")) return text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").replace(/\n+$/, "");
  // The usual text, as mdtypes writes it: only its final newlines to drop.
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 10) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** Compares `files` with `output` on disk; `orphans: false` (one module, `--out-file`) leaves the folder's other files alone. */
export async function compare(output: string, files: readonly OutputFile[], label = output, { orphans = true } = {}): Promise<Drift> {
  const changed: ChangedFile[] = [];
  const missing: string[] = [];
  const linked = linkedFolder(output, files.map((f) => f.path));
  if (linked !== undefined) throw linkedFolderError(`${label}/${linked}`, "compare");
  for (const file of files) {
    // Not there, under a file where a folder goes, or a folder where the file goes: `generate` writes it (or says what is in its way).
    const current = readOutputFile(join(output, file.path), `${label}/${file.path}`, "compare");
    if (current === undefined) {
      missing.push(file.path);
      continue;
    }
    const actual = normalize(current);
    const expected = normalize(file.content);
    if (actual === expected) continue;
    // The diff's header names the file on one line, whatever characters its name holds.
    const name = `${label}/${file.path}`.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
    // Loaded on first use: a check that finds no drift never needs it.
    const { createTwoFilesPatch } = await import("diff");
    changed.push({ path: file.path, owned: ownsFile(current, file.path, orphans ? "folder" : "single"), diff: createTwoFilesPatch(name, name, `${actual}\n`, `${expected}\n`, "on disk", "from the docs") });
  }
  const wanted = new Set(files.map((f) => f.path));
  const orphaned = orphans ? await listOwned(output, wanted, label) : [];
  return { changed, missing, orphaned };
}
