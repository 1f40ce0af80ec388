// How fast the file system creates files now, for the codegen bench: a cold `generate` creates a
// file per model, and some file systems create files many times slower for minutes after many
// were deleted. ext4 without a journal passes over the inodes freed in the last minute (six while
// their blocks are not yet written back) at every file it creates: on the bench's 2-core machine,
// 20–30 µs a file usually, and 170–340 µs in the six minutes after some 350,000 files were removed
// (the README's "Codegen speed" has the figures). The bench prints the figure beside the runs it
// concerns, and waits while it is slow, so that a slow file system is not read as a slow build.

import { closeSync, mkdirSync, openSync } from "node:fs";
import { join } from "node:path";

/**
 * Empty files one measurement makes: enough to tell 20–30 µs from 170 µs and more, and few, since
 * the files are removed with the scratch folder and removing many would slow the next run.
 */
export const PROBE_FILES = 300;

/** Microseconds per file above which a measurement is called slow (20–30 µs is usual on the bench's machine). */
export const SLOW_CREATION_US = 100;

/** The longest {@link settledFileCreation} waits by default: ext4 passes over a freed inode for at most six minutes. */
export const SETTLE_SECONDS = 420;

/** Seconds between two measurements while waiting, by default. */
export const SETTLE_POLL_SECONDS = 30;

/**
 * Microseconds to create one empty file: the mean of `files` made in `folder`, which must not
 * exist (its parent must). The files are left there: removing files is what slows creating them,
 * so the caller removes the folder when it is done timing.
 */
export function fileCreation(folder, files = PROBE_FILES) {
  mkdirSync(folder);
  const start = process.hrtime.bigint();
  for (let i = 0; i < files; i++) closeSync(openSync(join(folder, `f${i}`), "wx"));
  return Number(process.hrtime.bigint() - start) / 1e3 / files;
}

/** Measurements made so far in this process: each in a folder of its own. */
let probes = 0;

/** `x` µs (a file), as the bench shows it. */
export const microseconds = (x) => `${x < 10 ? x.toFixed(1) : Math.round(x)} µs`;

/**
 * Measures file creation now, in a new folder under `scratch` per measurement (`when`: before
 * what, for the messages). When it is slow (over `slow` µs a file), says so through `log`, then
 * waits unless `settle` is false: measures again every `pollSeconds` until it is fast, for at most
 * `settleSeconds`, and says how it ended (still slow: a warning). `time` measures one folder (tests
 * give their own). Asynchronous, so that a signal's
 * handler runs while it waits. Resolves to the last figure (µs a file) and the seconds waited (0
 * when it did not wait).
 *
 * @returns {Promise<{ perFile: number, waited: number }>}
 */
export async function settledFileCreation(scratch, when, { log, settle = true, slow = SLOW_CREATION_US, settleSeconds = SETTLE_SECONDS, pollSeconds = SETTLE_POLL_SECONDS, files = PROBE_FILES, script = "bench/codegen.mjs", time = fileCreation }) {
  const measure = () => time(join(scratch, `file-creation-${probes++}`), files);
  let perFile = measure();
  if (perFile <= slow) return { perFile, waited: 0 };
  const slowText = `creating a file takes ${microseconds(perFile)} here now (${when}), over ${microseconds(slow)}: files deleted in the last minutes can do that (see the README's "Codegen speed")`;
  const slower = "cold runs, which create a file per model, will be slower than the build is";
  if (!settle) {
    log(`${script}: ${slowText}; ${slower} (--no-settle).`);
    return { perFile, waited: 0 };
  }
  log(`${script}: ${slowText}; waiting for it to be fast again, up to ${settleSeconds >= 60 ? `${settleSeconds / 60} minutes` : `${settleSeconds} s`} (--no-settle starts at once).`);
  const start = Date.now();
  while (perFile > slow && (Date.now() - start) / 1000 + pollSeconds <= settleSeconds) {
    await new Promise((wake) => setTimeout(wake, pollSeconds * 1000));
    perFile = measure();
    // A line per measure: a wait of minutes must not look like a hang.
    if (perFile > slow) log(`${script}: ${microseconds(perFile)} a file after ${Math.round((Date.now() - start) / 1000)} s.`);
  }
  const waited = (Date.now() - start) / 1000;
  const after = `after ${Math.round(waited)} s`;
  log(perFile > slow ? `${script}: still ${microseconds(perFile)} a file ${after}; going on: ${slower}.` : `${script}: ${microseconds(perFile)} a file ${after}; going on.`);
  return { perFile, waited };
}
