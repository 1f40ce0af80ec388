// How fast the file system creates files now, for the codegen bench: a cold `generate` creates a
// file per model, and some file systems create files many times slower for minutes after many
// were deleted. ext4 without a journal passes over the inodes freed in the last minute (six while
// their blocks are not yet written back) at every file it creates: on the bench's 2-core machine,
// 20–40 µs of CPU time a file usually, and 170–940 µs in the minutes after some 150,000–350,000
// files were removed (the README's "Codegen speed" has the figures). That is the kernel's work, on
// the process's CPU time, so the measure is CPU time: busy cores and a disk that makes the process
// wait do not read as deleted files. The bench prints the figure beside the runs it concerns, and
// waits while it is slow, so that a slow file system is not read as a slow build.

import { closeSync, mkdirSync, openSync } from "node:fs";
import { join } from "node:path";
import { median } from "./median.mjs";

/**
 * Empty files one measurement makes in each of its folders: enough to tell 20–30 µs from 170 µs
 * and more, and few, since the files are removed with the scratch folder and removing many would
 * slow the next run.
 */
export const PROBE_FILES = 100;

/**
 * Folders one measurement makes, the median of their figures taken: the cost of a new file
 * depends on the part of the disk (the inode group) its folder's files go to, and one folder can
 * read fast while the next is slow.
 */
export const PROBE_FOLDERS = 3;

/** CPU microseconds per file above which a measurement is called slow (20–40 µs is usual on the bench's machine). */
export const SLOW_CREATION_US = 100;

/** The longest {@link settledFileCreation} waits by default: ext4 passes over a freed inode for at most six minutes. */
export const SETTLE_SECONDS = 420;

/** Seconds between two measurements while waiting, by default. */
export const SETTLE_POLL_SECONDS = 30;

/**
 * CPU microseconds (user and system, this process's) to create one empty file: the mean of `files`
 * made in `folder`, which must not exist (its parent must). CPU time, not wall time: what deleted
 * files add is the kernel's work at each new file, done on this process's time, while other
 * processes on the cores, or a disk that makes the process wait, lengthen the wall time only (on
 * the bench's machine, with six CPU-bound processes on its two cores: 117–157 µs of wall time,
 * 31–67 µs of CPU time). The files are left there: removing files is what slows creating them, so
 * the caller removes the folder when it is done timing.
 */
export function fileCreation(folder, files = PROBE_FILES) {
  mkdirSync(folder);
  const start = process.cpuUsage();
  for (let i = 0; i < files; i++) closeSync(openSync(join(folder, `f${i}`), "wx"));
  const { user, system } = process.cpuUsage(start);
  return (user + system) / files;
}

/** Measurements made so far in this process: each folder of each one is new. */
let probes = 0;

/** `x` rounded as the bench shows it: to 0.1 under 10, else to a whole number. */
const asShown = (x) => (x < 10 ? Math.round(x * 10) / 10 : Math.round(x));

/** `x` µs (a file), as the bench shows it. */
export const microseconds = (x) => {
  const shown = asShown(x);
  return `${shown < 10 ? shown.toFixed(1) : shown} µs`;
};

/**
 * An error of the file system while measuring (a full disk: `ENOSPC`, no right to write: `EACCES`),
 * for the bench to print on one line and end with exit 1: the runs could not write their output either.
 */
export class FileCreationError extends Error {}

/**
 * Measures file creation now, the median of `folders` new folders under `scratch` (`when`: before
 * what, for the messages). When it is slow (over `slow` CPU µs a file), says so through `log`, then
 * waits unless `settle` is false or `waitedInVain` is true (an earlier wait ended still slow: then
 * the slowness is not that of deleted files, which ext4 forgets within six minutes): measures
 * again every `pollSeconds` until it is fast, at most `settleSeconds` ÷ `pollSeconds` times (at
 * least once), and says how it ended (still slow: a warning). `time` measures one folder (tests
 * give their own). Asynchronous, so that a signal's handler runs while it waits. Resolves to the
 * last figure (µs a file) and the seconds waited (0 when it did not wait); rejects with a
 * {@link FileCreationError} when the file system refuses the files.
 *
 * @returns {Promise<{ perFile: number, waited: number }>}
 */
export async function settledFileCreation(scratch, when, { log, settle = true, slow = SLOW_CREATION_US, settleSeconds = SETTLE_SECONDS, pollSeconds = SETTLE_POLL_SECONDS, files = PROBE_FILES, folders = PROBE_FOLDERS, waitedInVain = false, script = "bench/codegen.mjs", time = fileCreation }) {
  const measure = () => {
    try {
      // Rounded as shown, so that a figure shown as the line is not called over it.
      return asShown(median(Array.from({ length: folders }, () => time(join(scratch, `file-creation-${probes++}`), files))));
    } catch (error) {
      if (typeof error?.code !== "string") throw error;
      throw new FileCreationError(`cannot create files to time it in ${scratch} (${error.code}: ${String(error.message).split("\n")[0].replace(/^[A-Z]+: /, "")})`);
    }
  };
  let perFile = measure();
  if (perFile <= slow) return { perFile, waited: 0 };
  const slowText = `creating a file takes ${microseconds(perFile)} of CPU time here now (${when}), over ${microseconds(slow)}: files deleted in the last minutes can do that (see the README's "Codegen speed")`;
  const slower = "cold runs, which create a file per model, will be slower than the build is";
  if (!settle || waitedInVain) {
    log(`${script}: ${slowText}; ${slower} (${settle ? "an earlier wait did not make it fast: not waiting again" : "--no-settle"}).`);
    return { perFile, waited: 0 };
  }
  log(`${script}: ${slowText}; waiting for it to be fast again, up to ${settleSeconds >= 60 ? `${settleSeconds / 60} minutes` : `${settleSeconds} s`} (--no-settle starts at once).`);
  const start = Date.now();
  // A count of measures, not a clock: timers drift late, and a clock would drop the last one (1e-9: 0.3 / 0.05 is 5.999…).
  const polls = Math.max(1, Math.floor(settleSeconds / pollSeconds + 1e-9));
  for (let poll = 1; poll <= polls && perFile > slow; poll++) {
    await new Promise((wake) => setTimeout(wake, pollSeconds * 1000));
    perFile = measure();
    // A line per measure that goes on waiting (the last one is said below): a wait of minutes must not look like a hang.
    if (perFile > slow && poll < polls) log(`${script}: ${microseconds(perFile)} a file after ${Math.round((Date.now() - start) / 1000)} s.`);
  }
  const waited = (Date.now() - start) / 1000;
  const after = `after ${Math.round(waited)} s`;
  log(perFile > slow ? `${script}: still ${microseconds(perFile)} a file ${after}; going on: ${slower}; a later measure will not wait.` : `${script}: ${microseconds(perFile)} a file ${after}; going on.`);
  return { perFile, waited };
}
