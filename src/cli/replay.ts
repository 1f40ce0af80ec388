/**
 * The replay of a warm `check`: a `check` whose every input is as it was at
 * the last one the cache answered in sync prints what that one printed and
 * exits as it did, without loading the rest of the CLI or reading a doc or
 * an output file.
 *
 * "As it was" is judged as git judges its index: by what each path that run
 * depended on looks like on disk (device, inode, size, mtime and ctime to
 * the nanosecond: see `io/stat-line.ts`), never by a guess. The record lists
 * every doc and folder of the input, every module file and folder of the
 * output, the config file and the places it was looked for, the user's
 * templates, and every file of the tool itself and of its dependencies'
 * manifests. It is made only by a run in which none of them had changed for
 * two seconds (see `RACY_NS`), and only for a run that printed no drift and
 * no error. A record is kept per command line, working folder and terminal
 * (colour, progress line), in the cache folder; `--no-cache` never replays.
 * Anything else, or any path that looks different, takes the usual way
 * (`cli.ts`), which hashes what it reads.
 *
 * Light on purpose: Node's own modules only, not `node:crypto` (loading it
 * alone costs more than the replay's work), and run as CommonJS
 * (`dist/replay.cjs`, which `bin/mdtypes.js` requires): a replay's time is
 * mostly Node starting and one `lstat` per path.
 */

import { closeSync, constants, existsSync, fstatSync, openSync, readFileSync, realpathSync, unlinkSync, writeSync } from "node:fs";
import { dirname, join, resolve, sep } from "node:path";
import { CONFIG_FILE, configFolders, defaultCacheDir } from "../io/places.js";
import { followedLine, markUsed, ownLine } from "../io/stat-line.js";

/** The first line of a record: this format's name, then the length of the rest, its number of paths and the checksum of its key and of what it prints. */
const FORMAT = "mdtypes-replay 2";

/** Stands in a recorded text for a time the replay prints its own of (`0.07s`). */
export const TIME_SLOT = "\u0000";

/**
 * How a record says what a path must look like: `own`, its {@link ownLine};
 * `followed`, its {@link followedLine} (the tool's files; `""`: must stay
 * absent); `exists`, only whether something is there (`.git`,
 * `node_modules`: `"1"` or `"0"`).
 */
export type Look = "own" | "followed" | "exists";

const LOOK_MARKS: Record<Look, string> = { own: "o", followed: "f", exists: "e" };

/** What a replay record holds. */
export interface ReplayRecord {
  /** {@link replayKey}: the command line, folder and terminal the record is for. */
  readonly key: string;
  /** What the run printed, in order; each {@link TIME_SLOT} is a time the replay fills in. */
  readonly printed: readonly { readonly to: "stdout" | "stderr"; readonly text: string }[];
  /** Every path the run's result depended on, how to look at it, and what it looked like. */
  readonly paths: readonly (readonly [look: Look, path: string, line: string])[];
}

/** What the CLI decides from its terminal and environment: part of a record's key, as the output depends on it. */
export interface TerminalDecisions {
  readonly color: boolean;
  readonly stdoutColor?: boolean;
  readonly progress: boolean;
}

/**
 * Whether to colour what goes to `stream`, decided for each stream (a diff
 * redirected to a file gets no escape codes while the terminal keeps its
 * colours): `NO_COLOR` (https://no-color.org) turns colour off, `FORCE_COLOR`
 * (other than `0` or `false`) on; otherwise colour when the stream is a
 * terminal and `TERM` is not `dumb`.
 */
export function colorFor(stream: { readonly isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "") return env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false";
  return Boolean(stream.isTTY) && env.TERM !== "dumb";
}

/** The process's {@link TerminalDecisions}: colour per stream, and a progress line on a terminal outside CI. */
export function processDecisions(): TerminalDecisions {
  const stdout = { isTTY: isTerminal(1) };
  const stderr = { isTTY: isTerminal(2) };
  return { color: colorFor(stderr), stdoutColor: colorFor(stdout), progress: stderr.isTTY && !process.env.CI };
}

/**
 * Whether the file descriptor `fd` is a terminal, as `process.stdout.isTTY`
 * says, without making the stream (for a pipe, some 5 ms here): only a
 * character device can be one, and only for one (a terminal, or
 * `/dev/null`) is `node:tty` asked.
 */
function isTerminal(fd: 1 | 2): boolean {
  try {
    if (!fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  // `node:tty` loads `node:net`: only now, through Node's own loader (20.16 and later; before, the stream says).
  const tty = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule?.("node:tty") as typeof import("node:tty") | undefined;
  return tty ? tty.isatty(fd) : Boolean((fd === 1 ? process.stdout : process.stderr).isTTY);
}

/**
 * The key of a record: the arguments, the working folder, the terminal
 * decisions, the install of mdtypes answering (`tool`: its package's
 * folder, links followed), and the Node and user running it (one may read
 * what another cannot). The record lists the files of the install that made
 * it, and only that install looks for it: another build or version of
 * mdtypes (a global install beside the project's, `npx mdtypes@…`, a
 * package manager's store path swapped on upgrade) never replays its answer.
 */
export function replayKey(argv: readonly string[], cwd: string, terminal: TerminalDecisions, tool: string): string {
  return JSON.stringify({
    argv,
    cwd: resolve(cwd),
    tool: realpathSync(tool),
    color: terminal.color,
    stdoutColor: terminal.stdoutColor ?? terminal.color,
    progress: terminal.progress,
    node: process.version,
    platform: process.platform,
    user: process.getuid?.() ?? null,
  });
}

/**
 * The cache folder the record of `check` with `argv` (arguments after the
 * script) in `cwd` lives in: `--cache-dir`'s, else the default one of the
 * config's folder (`--config`'s, else the nearest `mdtypes.config.json`'s)
 * or of `cwd`. Undefined when `argv` is not a `check` that may be replayed:
 * another command, `--no-cache`, or a form read here otherwise than the
 * argument parser may read it (`--`, `-c<file>`). A record is made only
 * where the full CLI, given the same arguments, keeps its cache.
 */
export function replayLocation(argv: readonly string[], cwd: string): string | undefined {
  if (argv[0] !== "check") return undefined;
  let cacheDir: string | undefined;
  let config: string | undefined;
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--" || arg === "--no-cache" || /^-c./.test(arg)) return undefined;
    if (arg === "--cache-dir" || arg === "--config" || arg === "-c") {
      const value = argv[++i];
      if (value === undefined) return undefined;
      if (arg === "--cache-dir") cacheDir = value;
      else config = value;
    } else if (arg.startsWith("--cache-dir=")) cacheDir = arg.slice("--cache-dir=".length);
    else if (arg.startsWith("--config=")) config = arg.slice("--config=".length);
  }
  if (cacheDir !== undefined) return resolve(cwd, cacheDir);
  if (config !== undefined) return defaultCacheDir(dirname(resolve(cwd, config)));
  for (const dir of configFolders(cwd)) if (existsSync(join(dir, CONFIG_FILE))) return defaultCacheDir(dir);
  return defaultCacheDir(resolve(cwd));
}

/** The record's file in its cache folder, named by a checksum of its key (the key itself is compared when read). */
export function replayFile(cacheDir: string, key: string): string {
  return join(cacheDir, `replay-${checksum(key, 0x811c9dc5)}${checksum(key, 0x01000193)}.json`);
}

/**
 * A record as its file holds it: the {@link FORMAT} line (with the body's
 * length and number of paths, which tell a torn or cut file, and a checksum
 * of the key and of what it prints), the key and what was printed (a JSON
 * line each), then the paths, folder by folder: a line `d<folder>`
 * (absolute), then a line per path in it, its look's mark and name, a tab
 * and its line. A path damaged is one that does not look as its line says:
 * no replay. Lines, not JSON, for the paths: a replay walks them without
 * making an object of each (nor a checksum of them, which would cost as
 * much again). Undefined for a path holding a tab or a line break.
 */
export function recordText(record: ReplayRecord): string | undefined {
  const byFolder = new Map<string, string[]>();
  for (const [look, path, line] of record.paths) {
    if (/[\t\n\r]/.test(path)) return undefined;
    const folder = dirname(path);
    const name = folder.endsWith(sep) ? path.slice(folder.length) : path.slice(folder.length + 1);
    let lines = byFolder.get(folder);
    if (!lines) byFolder.set(folder, (lines = []));
    lines.push(`${LOOK_MARKS[look]}${name}\t${line}\n`);
  }
  let paths = "";
  for (const [folder, lines] of byFolder) paths += `d${folder}\n${lines.join("")}`;
  const head = `${JSON.stringify(record.key)}\n${JSON.stringify(record.printed)}\n`;
  const body = `${head}${paths}`;
  return `${FORMAT} ${body.length} ${record.paths.length} ${checksum(head, 0x811c9dc5)}\n${body}`;
}

/**
 * Replays the `check` that `argv` asks for, when a record of it made by the
 * install of mdtypes in the folder `tool` (see {@link replayKey}) holds:
 * prints what it printed (times as this replay took) and returns its exit
 * code, 0 (only a run in sync is recorded). Undefined, having printed
 * nothing, when there is no record or any path it lists looks different
 * now (the record is then removed): the caller then runs the CLI.
 */
export function replay(argv: readonly string[], tool: string): number | undefined {
  // The fault points of the tests act on the full run's writes: never answered without them.
  if (process.env.MDTYPES_FAULT) return undefined;
  const started = process.hrtime.bigint();
  let printed: ReplayRecord["printed"] | undefined;
  try {
    const location = replayLocation(argv, process.cwd());
    if (location === undefined) return undefined;
    const key = replayKey(argv, process.cwd(), processDecisions(), tool);
    const path = replayFile(location, key);
    printed = holdingRecord(path, key);
    if (!printed) {
      // A path that changed has a new change time, which never turns back: the record would fail every later check too, after as many stats.
      unlinkSync(path);
      return undefined;
    }
    markUsed(path);
  } catch {
    return undefined;
  }
  let last = started;
  const print = printer();
  for (const chunk of printed) {
    const parts = chunk.text.split(TIME_SLOT);
    let text = parts[0] as string;
    for (let i = 1; i < parts.length; i++) {
      const now = process.hrtime.bigint();
      text += `${(Number(now - last) / 1e9).toFixed(2)}s${parts[i] as string}`;
      last = now;
    }
    print(chunk.to === "stdout" ? 1 : 2, text);
  }
  return 0;
}

/**
 * Writes to stdout (1) and stderr (2) straight to their file descriptors,
 * without making Node's streams (see {@link isTerminal}). A descriptor that
 * would block (a non-blocking pipe that is full) has the rest of its text,
 * and all after it, written through its stream; one whose reader is gone
 * (`mdtypes check | head`) gets nothing more, and the exit code stands, as
 * the CLI does.
 */
function printer(): (fd: 1 | 2, text: string) => void {
  const streamed = new Set<number>();
  const closed = new Set<number>();
  return (fd, text) => {
    if (closed.has(fd)) return;
    const stream = () => {
      const stream = fd === 1 ? process.stdout : process.stderr;
      if (!streamed.has(fd)) stream.on("error", () => closed.add(fd));
      streamed.add(fd);
      return stream;
    };
    if (streamed.has(fd)) {
      stream().write(text);
      return;
    }
    const bytes = Buffer.from(text);
    for (let at = 0; at < bytes.length; ) {
      try {
        at += writeSync(fd, bytes, at);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "EAGAIN") stream().write(bytes.subarray(at));
        else closed.add(fd);
        return;
      }
    }
  };
}

/** What the record at `path` printed, when the file is whole and for `key` and every path it lists looks as it did; else undefined. */
function holdingRecord(path: string, key: string): ReplayRecord["printed"] | undefined {
  // Not blocking on a FIFO, not reading a device: only a regular file is read.
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  let text: string;
  try {
    if (!fstatSync(fd).isFile()) return undefined;
    text = readFileSync(fd, "utf8");
  } finally {
    closeSync(fd);
  }
  const header = /^mdtypes-replay 2 (\d+) (\d+) ([0-9a-f]{8})\n/.exec(text);
  if (!header || text.length - header[0].length !== Number(header[1])) return undefined;
  const keyEnd = text.indexOf("\n", header[0].length);
  const printedEnd = text.indexOf("\n", keyEnd + 1);
  if (keyEnd < 0 || printedEnd < 0 || checksum(text.slice(header[0].length, printedEnd + 1), 0x811c9dc5) !== header[3]) return undefined;
  if (JSON.parse(text.slice(header[0].length, keyEnd)) !== key) return undefined;
  const printed = JSON.parse(text.slice(keyEnd + 1, printedEnd)) as ReplayRecord["printed"];
  if (!Array.isArray(printed) || !printed.every((chunk) => (chunk.to === "stdout" || chunk.to === "stderr") && typeof chunk.text === "string")) return undefined;
  let count = 0;
  let folder = "";
  for (let at = printedEnd + 1; at < text.length; ) {
    const end = text.indexOf("\n", at);
    if (end < 0) return undefined;
    const look = text[at];
    if (look === "d") {
      const path = text.slice(at + 1, end);
      folder = path.endsWith(sep) ? path : path + sep;
    } else {
      const tab = text.indexOf("\t", at);
      if (tab < 0 || tab > end || folder === "") return undefined;
      const place = folder + text.slice(at + 1, tab);
      const line = text.slice(tab + 1, end);
      if (look === "o" ? ownLine(place) !== line : look === "f" ? followedLine(place) !== line : look === "e" ? existsSync(place) !== (line === "1") : true) return undefined;
      count++;
    }
    at = end + 1;
  }
  return count === Number(header[2]) ? printed : undefined;
}

/**
 * FNV-1a (32 bits) of `text`'s UTF-16 code units from `basis`, in 8 hex
 * digits: names a record's file by its key (two keys that share a name only
 * take turns in it: the key itself is compared), and tells a record whose
 * key or printed lines were damaged.
 */
function checksum(text: string, basis: number): string {
  let hash = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}
