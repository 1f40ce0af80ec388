/**
 * The codegen bench's measure of file creation (`bench/file-creation.mjs`): CPU time per file, the
 * median of a few folders, and the wait while it is slow (measured again until it is fast, for a
 * bounded time, not again after a wait in vain, not at all with `--no-settle`), each said on
 * stderr; a file system that refuses the files is one error.
 */

import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
// @ts-expect-error: a plain JavaScript module of the bench, without declarations.
import { FileCreationError, fileCreation, microseconds, settledFileCreation } from "../bench/file-creation.mjs";

let scratch: string;
beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), "mdtypes-file-creation-"));
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

/** A measuring function that gives `figures` in turn (the last one again when they run out), and the folders it was given. The tests measure one folder at a time unless they say otherwise. */
function scripted(figures: number[]) {
  const folders: string[] = [];
  const time = (folder: string) => {
    folders.push(folder);
    return figures[Math.min(folders.length - 1, figures.length - 1)]!;
  };
  return { time, folders };
}

describe("file creation, as the codegen bench measures it", () => {
  it("creates the files in a new folder and gives CPU microseconds per file", () => {
    const folder = join(scratch, "probe");
    const perFile = fileCreation(folder, 50);
    expect(readdirSync(folder)).toHaveLength(50);
    expect(Number.isFinite(perFile) && perFile > 0).toBe(true);
    // A folder that exists is not measured into: its files would not be new.
    expect(() => fileCreation(folder, 1)).toThrow(/EEXIST/);
  });

  it("shows a figure as the report does, and judges it as shown", async () => {
    expect(microseconds(4.26)).toBe("4.3 µs");
    expect(microseconds(23.6)).toBe("24 µs");
    expect(microseconds(9.96)).toBe("10 µs");
    // 100.4 is shown as 100 µs: not called over 100 µs.
    const lines: string[] = [];
    expect(await settledFileCreation(scratch, "before the first runs", { log: (line: string) => lines.push(line), time: scripted([100.4]).time, folders: 1 })).toEqual({ perFile: 100, waited: 0 });
    expect(lines).toEqual([]);
  });

  it("measures once, in a folder of its own under the scratch folder, and says nothing when creating files is fast", async () => {
    // A scripted figure: the suite's own file churn can make this disk slow at any moment.
    const lines: string[] = [];
    const { time, folders } = scripted([25]);
    const result = await settledFileCreation(scratch, "before the first runs", { log: (line: string) => lines.push(line), time, files: 20, folders: 1 });
    expect(lines).toEqual([]);
    expect(result).toEqual({ perFile: 25, waited: 0 });
    expect(folders).toHaveLength(1);
    expect(folders[0]!.startsWith(join(scratch, "file-creation-"))).toBe(true);
  });

  it("takes the median of its folders: one slow folder does not make it slow, nor one fast folder fast", async () => {
    const fast = scripted([700, 25, 30]);
    expect(await settledFileCreation(scratch, "before the first runs", { log: () => {}, time: fast.time })).toEqual({ perFile: 30, waited: 0 });
    expect(fast.folders).toHaveLength(3);
    expect(new Set(fast.folders).size).toBe(3);
    const lines: string[] = [];
    const slow = scripted([25, 700, 400]);
    const result = await settledFileCreation(scratch, "before the first runs", { log: (line: string) => lines.push(line), time: slow.time, settle: false });
    expect(result).toEqual({ perFile: 400, waited: 0 });
    expect(lines).toHaveLength(1);
  });

  it("waits while it is slow, measuring again until it is fast", async () => {
    const lines: string[] = [];
    const { time, folders } = scripted([700, 400, 25]);
    const result = await settledFileCreation(scratch, "before the large trees", { log: (line: string) => lines.push(line), time, folders: 1, pollSeconds: 0.05, settleSeconds: 5 });
    expect(folders).toHaveLength(3);
    expect(new Set(folders).size).toBe(3);
    expect(result.perFile).toBe(25);
    expect(result.waited).toBeGreaterThanOrEqual(0.09);
    // The start, one line for the measure still slow, the end.
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^bench\/codegen\.mjs: 400 µs a file after \d+ s\.$/);
    expect(lines[0]).toBe(
      'bench/codegen.mjs: creating a file takes 700 µs of CPU time here now (before the large trees), over 100 µs: files deleted in the last minutes can do that (see the README\'s "Codegen speed"); waiting for it to be fast again, up to 5 s (--no-settle starts at once).',
    );
    expect(lines[2]).toMatch(/^bench\/codegen\.mjs: 25 µs a file after \d+ s; going on\.$/);
  });

  it("stops waiting after the time allowed, and warns that it is still slow", async () => {
    const lines: string[] = [];
    const { time, folders } = scripted([700]);
    const result = await settledFileCreation(scratch, "before the first runs", { log: (line: string) => lines.push(line), time, folders: 1, pollSeconds: 0.05, settleSeconds: 0.3 });
    // The first measure, then one every 0.05 s for the 0.3 s: 6 more, however late the timers fire.
    expect(folders).toHaveLength(7);
    expect(result.perFile).toBe(700);
    expect(result.waited).toBeLessThan(1);
    // The start, a line per measure after the first but the last, the end (which gives the last figure).
    expect(lines).toHaveLength(folders.length);
    expect(lines.filter((line) => line.includes("700 µs a file after"))).toHaveLength(folders.length - 1);
    expect(lines[0]).toContain("waiting for it to be fast again, up to 0.3 s");
    expect(lines.at(-1)).toMatch(/^bench\/codegen\.mjs: still 700 µs a file after \d+ s; going on: cold runs, which create a file per model, will be slower than the build is; a later measure will not wait\.$/);
  });

  it("after a wait in vain, warns and does not wait again", async () => {
    const lines: string[] = [];
    const { time, folders } = scripted([700, 25]);
    const result = await settledFileCreation(scratch, "before the large trees", { log: (line: string) => lines.push(line), time, folders: 1, pollSeconds: 0.05, waitedInVain: true });
    expect(folders).toHaveLength(1);
    expect(result).toEqual({ perFile: 700, waited: 0 });
    expect(lines).toEqual([
      'bench/codegen.mjs: creating a file takes 700 µs of CPU time here now (before the large trees), over 100 µs: files deleted in the last minutes can do that (see the README\'s "Codegen speed"); cold runs, which create a file per model, will be slower than the build is (an earlier wait did not make it fast: not waiting again).',
    ]);
  });

  it("with --no-settle, warns once and does not wait", async () => {
    const lines: string[] = [];
    const { time, folders } = scripted([700, 25]);
    const result = await settledFileCreation(scratch, "before the first runs", { log: (line: string) => lines.push(line), time, folders: 1, settle: false, pollSeconds: 0.05 });
    expect(folders).toHaveLength(1);
    expect(result).toEqual({ perFile: 700, waited: 0 });
    expect(lines).toEqual([
      'bench/codegen.mjs: creating a file takes 700 µs of CPU time here now (before the first runs), over 100 µs: files deleted in the last minutes can do that (see the README\'s "Codegen speed"); cold runs, which create a file per model, will be slower than the build is (--no-settle).',
    ]);
  });

  it("leaves the files it made for the caller to remove", async () => {
    // Never called slow, whatever this disk does now: the files are what is checked.
    await settledFileCreation(scratch, "before the first runs", { log: () => {}, files: 5, slow: Infinity });
    expect(readdirSync(scratch)).toHaveLength(3);
    for (const folder of readdirSync(scratch)) expect(existsSync(join(scratch, folder, "f4"))).toBe(true);
  });

  it("turns a file system's refusal (a full disk) into one error naming the folder and the code", async () => {
    const full = () => {
      throw Object.assign(new Error("ENOSPC: no space left on device, open '/x/f0'"), { code: "ENOSPC", syscall: "open" });
    };
    const measuring = settledFileCreation(scratch, "before the first runs", { log: () => {}, time: full });
    await expect(measuring).rejects.toBeInstanceOf(FileCreationError);
    await expect(measuring).rejects.toThrow(`cannot create files to time it in ${scratch} (ENOSPC: no space left on device, open '/x/f0')`);
    // A fault of the bench itself is not dressed as the file system's.
    const bug = () => {
      throw new TypeError("x is not a function");
    };
    await expect(settledFileCreation(scratch, "before the first runs", { log: () => {}, time: bug })).rejects.toBeInstanceOf(TypeError);
  });
});
