/**
 * What a file or folder looks like on disk, as the cache compares it to trust
 * a path by its times alone (as git trusts its index): device, inode, size,
 * mtime and ctime, to the nanosecond. Any write to a file sets its ctime to
 * the current time, which no user tool can set back; a file added, removed
 * or renamed changes its folder's. Light on purpose (Node's own modules
 * only): the replay of a warm `check` (`cli/replay.ts`) loads it before
 * anything else of the CLI.
 */

import { type BigIntStats, lstatSync, statSync, type Stats, utimesSync } from "node:fs";

/** The first line of every cache file: this format's name, then the SHA-256 of the rest. */
export const CACHE_FORMAT = "mdtypes-cache 1";

/**
 * How long before a run's start a path must have last changed (mtime and
 * ctime) to be trusted by its times later: a change within the same tick of
 * the kernel's coarse clock would leave them as they were (git's "racy"
 * files). Nanoseconds.
 */
export const RACY_NS = 2_000_000_000n;

/** `dev:ino:size:mtimeNs:ctimeNs` of a stat. */
export function statOf(stat: BigIntStats): string {
  return `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
}

/** The {@link statOf} line of `path`, symbolic links followed; undefined when nothing is there. */
export function statLine(path: string): string | undefined {
  try {
    const stat = statSync(path, { bigint: true, throwIfNoEntry: false });
    return stat ? statOf(stat) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A stat as the replay of a warm `check` compares it: {@link statOf}'s fields
 * from Node's numbers, the times in whole milliseconds. Cheaper than
 * {@link statOf}'s BigInts, and enough: the replay trusts only paths that
 * had not changed for {@link RACY_NS} before the run that recorded them, so
 * any later change moves the ctime by more than that.
 */
function quickOf(stat: Stats): string {
  return `${stat.dev}:${stat.ino}:${stat.size}:${Math.floor(stat.mtimeMs)}:${Math.floor(stat.ctimeMs)}`;
}

/**
 * The {@link quickOf} line of `path` itself (not followed), and for a
 * symbolic link also that of what it leads to, after `>` (empty when it
 * leads nowhere): a link retargeted, or its target changed, changes the
 * line. `""` when nothing is there.
 */
export function ownLine(path: string): string {
  try {
    const stat = lstatSync(path, { throwIfNoEntry: false });
    if (!stat) return "";
    return stat.isSymbolicLink() ? `${quickOf(stat)}>${followedLine(path)}` : quickOf(stat);
  } catch {
    return "";
  }
}

/** The {@link quickOf} line of `path`, symbolic links followed; `""` when nothing is there. */
export function followedLine(path: string): string {
  try {
    const stat = statSync(path, { throwIfNoEntry: false });
    return stat ? quickOf(stat) : "";
  } catch {
    return "";
  }
}

/**
 * Whether both times in `line` (one or two {@link quickOf} lines, or `""`)
 * are at least {@link RACY_NS} before `sinceMs` (milliseconds since the
 * epoch): then a later change to the path shows in its line.
 */
export function settledBefore(line: string, sinceMs: number): boolean {
  const limit = sinceMs - Number(RACY_NS / 1_000_000n);
  for (const part of line.split(">")) {
    if (part === "") continue;
    const fields = part.split(":");
    if (fields.length !== 5 || !(Number(fields[3]) < limit) || !(Number(fields[4]) < limit)) return false;
  }
  return true;
}

/**
 * Marks a cache file as used, at most once a day (its mtime set to now), so
 * that the cache's pruning of files unused for a month spares it. A file
 * that cannot be marked (a read-only cache) may be pruned and made again one
 * day, no more.
 */
export function markUsed(path: string): void {
  try {
    if (Date.now() - statSync(path).mtimeMs < 24 * 60 * 60 * 1000) return;
    const now = new Date();
    utimesSync(path, now, now);
  } catch {
    // Read-only, or gone meanwhile.
  }
}
