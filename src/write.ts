/**
 * Stage 6, write: puts generated files on disk, touching only files whose
 * bytes changed. Every changed file is first written in full beside its
 * target, then renamed over it, so no reader ever sees a half-written file
 * and an I/O failure while staging leaves the tree as it was.
 */

import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { OutputFile } from "./emit.js";
import { ioError } from "./errors.js";

/** Which files were written and which already had the right bytes. */
export interface WriteReport {
  readonly written: readonly string[];
  readonly unchanged: readonly string[];
}

/** Writes `files` under `output`. */
export async function write(output: string, files: readonly OutputFile[]): Promise<WriteReport> {
  const changed: OutputFile[] = [];
  const unchanged: string[] = [];
  for (const file of files) {
    const current = await readFile(join(output, file.path), "utf8").catch(() => undefined);
    if (current === file.content) unchanged.push(file.path);
    else changed.push(file);
  }

  const staged: { temp: string; target: string }[] = [];
  try {
    for (const file of changed) {
      const target = join(output, file.path);
      const temp = `${target}.${process.pid}.mdtypes-tmp`;
      await mkdir(dirname(target), { recursive: true });
      await writeFile(temp, file.content, "utf8");
      staged.push({ temp, target });
    }
  } catch (error) {
    await Promise.all(staged.map(({ temp }) => rm(temp, { force: true })));
    throw ioError(`Cannot write to ${output}: ${(error as Error).message}`);
  }
  for (const { temp, target } of staged) await rename(temp, target);
  return { written: changed.map((f) => f.path), unchanged };
}
