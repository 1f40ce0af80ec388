/**
 * Making the record that `replay.ts` answers a later warm `check` from: what
 * the run printed, and every path its result depended on as it looks now.
 * See `replay.ts` for when a record is made and trusted.
 */

import { existsSync, readdirSync, type Dirent } from "node:fs";
import { join, relative, resolve } from "node:path";
import { type Cache, toolBasis } from "../io/cache.js";
import { PACKAGE_ROOT } from "../io/package-root.js";
import { CONFIG_FILE, configFolders } from "../io/places.js";
import { followedLine, ownLine, settledBefore } from "../io/stat-line.js";
import { DOC_FILE } from "../ir/ir.js";
import type { Target } from "../ir/options.js";
import type { CliIo } from "./io.js";
import { type Look, recordText, replayFile, replayKey, replayLocation, TIME_SLOT, type ReplayRecord } from "./replay.js";

/** A time as a recording `io` is handed it (`CliIo.timed`): between two {@link TIME_SLOT}s. */
const TIMED = /\u0000[^\u0000]*\u0000/g;

/** What a run printed, kept as it goes (see {@link recording}). */
export interface Recording {
  /** The CLI's io: what it prints goes on to `io`'s streams, and is kept. */
  readonly io: CliIo;
  readonly printed: ReplayRecord["printed"];
  /** False once something printed could not be told from a time slot (it held a NUL of its own). */
  readonly clean: () => boolean;
}

/** An io that prints through `io` and keeps what it printed, each time it is handed (`timed`) as a {@link TIME_SLOT}. */
export function recording(io: CliIo): Recording {
  const printed: { to: "stdout" | "stderr"; text: string }[] = [];
  let clean = true;
  const keep = (to: "stdout" | "stderr", write: (text: string) => void) => (text: string) => {
    write(text.replace(TIMED, (slot) => slot.slice(1, -1)));
    const slots = text.match(TIMED)?.length ?? 0;
    const kept = text.replace(TIMED, TIME_SLOT);
    if (kept.split(TIME_SLOT).length - 1 !== slots) clean = false;
    printed.push({ to, text: kept });
  };
  return {
    io: { ...io, stdout: keep("stdout", io.stdout), stderr: keep("stderr", io.stderr), timed: (time) => `${TIME_SLOT}${time}${TIME_SLOT}` },
    printed,
    clean: () => clean,
  };
}

/** What a run of `check` was, for {@link saveReplay}. */
export interface CheckRun {
  /** The arguments after the script, as `main` got them. */
  readonly argv: readonly string[];
  readonly io: CliIo;
  readonly targets: readonly Target[];
  /** The `--config` flag, when given. */
  readonly configFlag?: string;
  /** The config file the run read (absolute), when there was one. */
  readonly configPath?: string;
  /** The project's root (the config's folder, else the working folder), where the default cache folder is. */
  readonly root: string;
  /** Whether `--cache-dir` was given (then `node_modules` in the root does not say where the cache is). */
  readonly cacheDirFlag: boolean;
  readonly cache: Cache;
}

/** Records what each path looks like now; `used`: a path the run read, which must still be there. */
type LookAt = (path: string, used?: boolean) => void;

/**
 * Saves the record of `run` (every target answered from the cache, in sync,
 * with no error: the caller's to know) where {@link replay} looks for it.
 * Nothing is saved, and the next `check` takes the usual way, when no
 * record can be trusted: a remark plugin took part (its own imports are not
 * known); the record's place is not the cache folder the run used; or the
 * paths, looked at after the run, do not show that nothing changed since
 * before it: a path changed less than two seconds before the run started,
 * a path the run read (the config, an input or output folder, templates)
 * is gone, or the search for the config now ends elsewhere. Never fails the
 * run.
 */
export function saveReplay(run: CheckRun, printed: Recording): void {
  if (!printed.clean() || process.env.MDTYPES_FAULT) return;
  if (run.targets.some((t) => (t.options.remarkPlugins?.length ?? 0) > 0)) return;
  const location = replayLocation(run.argv, run.io.cwd);
  const tool = toolBasis();
  if (location === undefined || location !== resolve(run.cache.dir) || !tool) return;
  const own = new Map<string, string>();
  let gone = false;
  const look: LookAt = (path, used = false) => {
    let line = own.get(path);
    if (line === undefined) own.set(path, (line = ownLine(path)));
    if (used && line === "") gone = true;
  };
  const present: [string, boolean][] = [];
  try {
    const config = lookAtConfig(run, look, present);
    if (config !== (run.configPath === undefined ? undefined : resolve(run.configPath))) return;
    for (const target of run.targets) lookAtTarget(target, look);
  } catch {
    // A folder that cannot be listed: what it holds cannot be recorded.
    return;
  }
  if (gone) return;
  // The tool's files as they are now: unchanged since before the run (below), they are what its fingerprint was taken from.
  const followed = tool.paths.map((path) => [path, followedLine(path)] as const);
  if (followed.some(([path, line], i) => (line === "") !== (tool.stats[i] === "") || path === "")) return;
  const startedMs = Date.now() - process.uptime() * 1000;
  for (const line of [...own.values(), ...followed.map(([, line]) => line)]) if (!settledBefore(line, startedMs)) return;
  const paths: [Look, string, string][] = [
    ...[...own].map(([path, line]) => ["own", path, line] as [Look, string, string]),
    ...followed.map(([path, line]) => ["followed", path, line] as [Look, string, string]),
    ...present.map(([path, there]) => ["exists", path, there ? "1" : "0"] as [Look, string, string]),
  ];
  const key = replayKey(run.argv, run.io.cwd, run.io, PACKAGE_ROOT);
  const text = recordText({ key, printed: printed.printed, paths });
  if (text !== undefined) run.cache.saveText(relative(run.cache.dir, replayFile(run.cache.dir, key)), text);
}

/**
 * The config file (or each place it was looked for, and whether `.git`
 * stopped the search there), and `node_modules` in the root when it placed
 * the cache. Returns the config the search finds now (absolute), for the
 * caller to hold against the one the run read.
 */
function lookAtConfig(run: CheckRun, look: LookAt, present: [string, boolean][]): string | undefined {
  let found: string | undefined;
  if (run.configFlag !== undefined) {
    found = resolve(run.io.cwd, run.configFlag);
    look(found, true);
  } else {
    for (const dir of configFolders(run.io.cwd)) {
      const config = join(dir, CONFIG_FILE);
      look(config);
      if (existsSync(config)) {
        found = config;
        break;
      }
      present.push([join(dir, ".git"), existsSync(join(dir, ".git"))]);
    }
  }
  if (!run.cacheDirFlag) present.push([join(run.root, "node_modules"), existsSync(join(run.root, "node_modules"))]);
  return found;
}

/**
 * What a target's result depends on, a superset of what the run read: the
 * input folder, every folder and doc under it (hidden folders and
 * `node_modules` aside, as discovery leaves them); the output folder, every
 * folder and `.ts` or `.json` file under it (or the one file of `outFile`);
 * the user's templates. Throws for a folder that cannot be listed: below
 * the output, the run still compared the modules it holds, opened by name,
 * whose writes no folder's times would show.
 */
function lookAtTarget(target: Target, look: LookAt): void {
  const input = resolve(target.input);
  look(input, true);
  for (const path of under(input, (entry) => entry.isDirectory() || DOC_FILE.test(entry.name))) look(path);
  const output = resolve(target.output);
  look(output, true);
  if (target.options.singleFile !== undefined) look(join(output, target.options.singleFile), true);
  else for (const path of under(output, (entry) => entry.isDirectory() || /\.(ts|json)$/.test(entry.name))) look(path);
  const templates = target.options.templates;
  if (templates !== undefined) {
    look(templates, true);
    for (const name of readdirSync(templates)) look(join(templates, name));
  }
}

/**
 * The paths under `folder` (links not entered) that `keep` keeps, hidden
 * folders and files and `node_modules` left out. Throws when a folder
 * cannot be listed.
 */
function under(folder: string, keep: (entry: Dirent) => boolean): string[] {
  const paths: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const path = join(dir, entry.name);
      if (keep(entry)) paths.push(path);
      if (entry.isDirectory()) walk(path);
    }
  };
  walk(folder);
  return paths;
}
