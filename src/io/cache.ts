/**
 * The cache: what earlier runs learnt, kept in a folder (`.mdtypes-cache` by
 * default) that is safe to delete at any time and that git ignores by itself
 * (the folder holds a `.gitignore` of `*`).
 *
 * Two kinds of entry, one file each per target (input folder and options):
 *
 * - `docs-…`: every doc's result (its IR and diagnostics), keyed by a hash of
 *   the doc's id, its bytes and the options it was read with. A changed doc
 *   misses and is read again; the others are reused.
 * - `run-…`: what the last full run of the target gave: the hash of every
 *   output file, its diagnostics and counts, keyed by a hash of every doc's id
 *   and bytes and the options. With it, a run over unchanged docs compares the
 *   files on disk with the hashes and reads, parses and renders nothing.
 *
 * Every file carries the hash of its body and the tool's fingerprint (its
 * version and a hash of its own code and templates): a file that is corrupt,
 * truncated or written by another build of mdtypes is ignored, never trusted.
 * A cache that cannot be written makes a run slower, never failed.
 */

import * as crypto from "node:crypto";
import { closeSync, constants, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { CODE_ROOT, PACKAGE_ROOT } from "./package-root.js";
import { CACHE_FORMAT as FORMAT, markUsed, RACY_NS, statLine, statOf } from "./stat-line.js";

export { DEFAULT_CACHE_DIR } from "./places.js";

/** Files not used for this long are removed when the cache is next written. */
const MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

/** A temporary file older than this belongs to a run that died. */
const STALE_TEMP_MS = 10 * 60 * 1000;

/** The SHA-256 of `text` (UTF-8) or of bytes, in hex. */
export function sha256(text: string | Uint8Array): string {
  // One call where Node has it (20.12 and later): no Hash object per text.
  return oneShot ? oneShot("sha256", text, "hex") : crypto.createHash("sha256").update(text).digest("hex");
}

const oneShot = (crypto as { hash?: (algorithm: string, data: string | Uint8Array, encoding: "hex") => string }).hash;

/** JSON with object keys sorted: the same value always gives the same text. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * What this build of mdtypes is: its version and a hash of every file of its
 * code and of its templates (symbolic links followed), and of the manifests
 * (`package.json`, with their versions) of the packages it depends on. Any
 * change to the tool invalidates every entry. Type declarations and source
 * maps are no code that runs: left out.
 *
 * Reading and hashing those files (some 2 MB in 140 files) takes longer than
 * the rest of a warm run, so a cache folder (`memoDir`) keeps the fingerprint
 * with what each file and folder looked like on disk: device, inode, size,
 * mtime and ctime, to the nanosecond. A later run that finds every one of
 * them as it was takes the fingerprint without reading the files, as git
 * trusts its index. Any write to a file sets its ctime to the current time,
 * which no user tool can set back; a file added or removed changes its
 * folder's. A file or folder changed less than two seconds before it was
 * looked at is never trusted this way (git's "racy" files: a change within
 * the same clock tick would leave the times as they were).
 */
export function toolFingerprint(memoDir?: string): string {
  if (!tool) tool = fingerprintBasis([CODE_ROOT, join(PACKAGE_ROOT, "templates")], join(PACKAGE_ROOT, "package.json"), memoDir === undefined ? undefined : join(memoDir, `tool-${sha256(CODE_ROOT).slice(0, 24)}.json`));
  return tool.fingerprint;
}

/** The process's {@link toolFingerprint}, with the files and folders it was taken from and what they looked like then. */
let tool: ToolMemo | undefined;

/** The files and folders the process's {@link toolFingerprint} was taken from and their stat lines then; undefined before it is taken. */
export function toolBasis(): ToolMemo | undefined {
  return tool;
}

/**
 * Whether the tool is, and was for the whole process, what its fingerprint
 * says: every file and folder it was taken from stats as it did then, and
 * none changed after the process started (code loaded before the
 * fingerprint was taken, templates read after it, the later runs of a
 * `--watch` session). A process whose tool changed under it saves no cache
 * entry: what it made may be of either version. True before the fingerprint
 * is taken (then nothing was compared yet).
 */
export function toolSteady(): boolean {
  return !tool || basisSteady(tool, performance.timeOrigin);
}

/** @internal {@link toolSteady} for a fingerprint's `basis` and a process that started at `startedMs` (milliseconds since the epoch). */
export function basisSteady(basis: ToolMemo, startedMs: number): boolean {
  const started = BigInt(Math.floor(startedMs - START_MARGIN_MS)) * 1_000_000n;
  return basis.paths.every((path, i) => {
    const line = statLine(path) ?? ABSENT;
    return line === basis.stats[i] && (line === ABSENT || BigInt(line.slice(line.lastIndexOf(":") + 1)) < started);
  });
}

/**
 * How long before the process's start a change to the tool still counts as
 * made during it: file times come from the kernel's coarse clock, which
 * ticks every 1 to 10 ms, so a change just after the start may bear a time
 * up to a tick earlier.
 */
const START_MARGIN_MS = 20;

/**
 * @internal {@link toolFingerprint}'s work: the hash of every file under
 * `folders` (paths relative to their folder, and bytes) and of `manifest` and
 * its dependencies' manifests, taken from the memo at `memoPath` when every
 * file and folder is as the memo saw it, and recorded there otherwise (unless
 * one changed too recently).
 */
export function fingerprintOf(folders: readonly string[], manifest: string, memoPath: string | undefined): string {
  return fingerprintBasis(folders, manifest, memoPath).fingerprint;
}

/** @internal {@link fingerprintOf}, with the files and folders the fingerprint was taken from and what they looked like then. */
export function fingerprintBasis(folders: readonly string[], manifest: string, memoPath: string | undefined): ToolMemo {
  const memo = memoPath === undefined ? undefined : readToolMemo(memoPath);
  if (memoPath !== undefined && memo && memo.paths.every((path, i) => (statLine(path) ?? ABSENT) === memo.stats[i])) {
    markUsed(memoPath);
    return memo;
  }
  const computed = computeFingerprint(folders, manifest);
  const basis = { paths: computed.paths, stats: computed.stats, fingerprint: computed.fingerprint };
  if (memoPath !== undefined && !computed.racy) writeToolMemo(memoPath, basis);
  return basis;
}

/** The tool's fingerprint, with what every file and folder it was computed from looked like before it was read. */
export interface ToolMemo {
  /** Every folder and file hashed, in order (absolute paths). */
  readonly paths: readonly string[];
  /** Their {@link statLine}s, one per path; `""` for a path that must stay absent. */
  readonly stats: readonly string[];
  readonly fingerprint: string;
}

/** The stat line of a path that must stay absent (a place Node would look for a dependency first). */
const ABSENT = "";

function computeFingerprint(folders: readonly string[], manifest: string): ToolMemo & { readonly racy: boolean } {
  const paths: string[] = [];
  const stats: string[] = [];
  const since = BigInt(Date.now()) * 1_000_000n - RACY_NS;
  let racy = false;
  // Each file and folder is looked at before it is read: a change after the look shows at the next one.
  const look = (path: string): void => {
    const stat = statSync(path, { bigint: true });
    if (stat.ctimeNs >= since || stat.mtimeNs >= since) racy = true;
    paths.push(path);
    stats.push(statOf(stat));
  };
  const hash = crypto.createHash("sha256");
  for (const folder of folders) {
    for (const path of filesUnder(folder, look, new Set())) {
      look(path);
      hash.update(path.slice(folder.length)).update("\0").update(readFileSync(path)).update("\0");
    }
  }
  look(manifest);
  hash.update(readFileSync(manifest));
  // The packages the code imports when it is not bundled (worker threads, the API): their names and manifests (versions).
  const absent = (path: string): void => {
    paths.push(path);
    stats.push(ABSENT);
  };
  for (const dependency of dependencyManifests(manifest, look, absent)) hash.update("\0").update(dependency.name).update("\0").update(dependency.bytes);
  return { paths, stats, fingerprint: hash.digest("hex"), racy };
}

/**
 * The manifests (`package.json`) of the packages that `manifest`'s package
 * depends on at run time (`dependencies`, `optionalDependencies`), and theirs,
 * found as Node finds them (`node_modules` of the folder the dependent really
 * lies in, links followed, then of each folder above it), each handed to
 * `look` before it is read; sorted by
 * path. A package not found is left out (Node would fail to load it: no
 * result of it can be cached).
 */
function dependencyManifests(manifest: string, look: (path: string) => void, absent: (path: string) => void): { name: string; path: string; bytes: Buffer }[] {
  const found = new Map<string, { name: string; path: string; bytes: Buffer }>();
  const watched = new Set<string>();
  const watch = (path: string): void => {
    if (watched.has(path)) return;
    watched.add(path);
    absent(path);
  };
  // Node looks for a package's own dependencies from where it really lies: a linked package (pnpm, `npm link`) from its target.
  const queue: { folder: string; bytes: Buffer }[] = [{ folder: realpathSync(dirname(manifest)), bytes: readFileSync(manifest) }];
  for (let next = queue.shift(); next; next = queue.shift()) {
    let names: string[] = [];
    try {
      const json = JSON.parse(next.bytes.toString("utf8")) as { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };
      names = [...Object.keys(json.dependencies ?? {}), ...Object.keys(json.optionalDependencies ?? {})];
    } catch {
      // A manifest that is not JSON names no dependency (its bytes are hashed all the same).
    }
    for (const name of names) {
      const path = packageManifest(next.folder, name, watch);
      if (path === undefined || found.has(path)) continue;
      look(path);
      const bytes = readFileSync(path);
      found.set(path, { name, path, bytes });
      queue.push({ folder: realpathSync(dirname(path)), bytes });
    }
  }
  return [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Where Node finds package `name`'s manifest for code in `folder`:
 * `node_modules/<name>/package.json` there or in a folder above. Each place
 * looked in first and found empty is handed to `watch`: it must stay empty (a
 * copy put there later, as npm nests one on a version conflict, is the one
 * Node would load). Not the folders holding it: `node_modules` changes with
 * every cache made in it.
 */
function packageManifest(folder: string, name: string, watch: (path: string) => void): string | undefined {
  for (let dir = folder; ; dir = dirname(dir)) {
    const path = join(dir, "node_modules", name, "package.json");
    if (statLine(path) !== undefined) return path;
    watch(path);
    if (dirname(dir) === dir) return undefined;
  }
}

/** The memo at `path` when it is whole and well formed; undefined otherwise (then the fingerprint is computed again). */
function readToolMemo(path: string): ToolMemo | undefined {
  try {
    const text = readCacheFile(path);
    const newline = text.indexOf("\n");
    const body = text.slice(newline + 1);
    if (newline < 0 || text.slice(0, newline) !== `${FORMAT} ${sha256(body)}`) return undefined;
    const memo = JSON.parse(body) as Partial<ToolMemo>;
    const strings = (list: unknown): list is string[] => Array.isArray(list) && list.every((item) => typeof item === "string");
    if (!strings(memo.paths) || !strings(memo.stats) || memo.paths.length !== memo.stats.length || typeof memo.fingerprint !== "string") return undefined;
    return memo as ToolMemo;
  } catch {
    return undefined;
  }
}

/**
 * The text of a cache file. Anything but a regular file (a FIFO, which would
 * block the read until something writes to it; a device) throws, as a file
 * that cannot be read does: the entry is then absent.
 */
function readCacheFile(path: string): string {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    if (!fstatSync(fd).isFile()) throw new Error(`${path} is not a regular file`);
    return readFileSync(fd, "utf8");
  } finally {
    closeSync(fd);
  }
}

/** Writes the memo whole (aside, then renamed), into a cache folder that exists; never fails a run. */
function writeToolMemo(path: string, memo: ToolMemo): void {
  const temp = `${path}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.tmp`;
  try {
    const body = JSON.stringify(memo);
    writeFileSync(temp, `${FORMAT} ${sha256(body)}\n${body}`);
    renameSync(temp, path);
  } catch {
    try {
      unlinkSync(temp);
    } catch {
      // Never written (no cache folder yet, or a read-only one).
    }
  }
}

/**
 * The files under `folder`, sorted, each folder met handed to `look` first.
 * Symbolic links are followed, as reading does (a linked folder met again,
 * a cycle, is not entered twice; a broken link is nothing Node could load).
 */
function filesUnder(folder: string, look: (path: string) => void, entered: Set<string>): string[] {
  look(folder);
  entered.add(realpathSync(folder));
  const out: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(folder, entry.name);
    let kind: { isDirectory(): boolean; isFile(): boolean } = entry;
    if (entry.isSymbolicLink()) {
      try {
        kind = statSync(path);
      } catch {
        continue;
      }
    }
    if (kind.isDirectory()) {
      if (!entered.has(realpathSync(path))) out.push(...filesUnder(path, look, entered));
    } else if (kind.isFile() && !/\.d\.ts$|\.map$/.test(entry.name)) out.push(path);
  }
  return out;
}

/**
 * JSON keeps every number of the IR but non-finite ones and -0 (a literal
 * `1e999` in a doc): those travel as tagged strings.
 */
const NUMBER_TAG = "$mdtypes:number";

function replacer(_key: string, value: unknown): unknown {
  return typeof value === "number" && (!Number.isFinite(value) || Object.is(value, -0)) ? { [NUMBER_TAG]: Object.is(value, -0) ? "-0" : String(value) } : value;
}

function reviver(_key: string, value: unknown): unknown {
  if (value && typeof value === "object" && NUMBER_TAG in value) return Number((value as Record<string, string>)[NUMBER_TAG]);
  return value;
}

/** A cache folder. Nothing is created until something is saved. */
export class Cache {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = resolve(dir);
  }

  /** The entry `name`, or undefined when it is absent, corrupt, or from another build of mdtypes. */
  load<T>(name: string): T | undefined {
    const path = join(this.dir, name);
    let text: string;
    try {
      text = readCacheFile(path);
    } catch {
      return undefined;
    }
    const newline = text.indexOf("\n");
    if (newline < 0) return undefined;
    const header = text.slice(0, newline);
    const body = text.slice(newline + 1);
    if (header !== `${FORMAT} ${sha256(body)}`) return undefined;
    try {
      // The reviver only where a tagged number is: it costs a call per value of the entry.
      const value = (body.includes(NUMBER_TAG) ? JSON.parse(body, reviver) : JSON.parse(body)) as { tool?: unknown; data?: T };
      if (value.tool !== toolFingerprint(this.dir)) return undefined;
      markUsed(path);
      return value.data;
    } catch {
      return undefined;
    }
  }

  /** Saves the entry `name` whole (written aside, then renamed over the old one), or not at all. */
  save(name: string, data: unknown): void {
    this.write(name, () => {
      const body = JSON.stringify({ tool: toolFingerprint(this.dir), data }, replacer);
      return `${FORMAT} ${sha256(body)}\n${body}`;
    });
  }

  /**
   * Saves `text` as the file `name` whole, or not at all, as {@link save}
   * does: for a file of another format (a replay record: `cli/replay.ts`),
   * which carries its own checks.
   */
  saveText(name: string, text: string): void {
    this.write(name, () => text);
  }

  private write(name: string, text: () => string): void {
    const temp = join(this.dir, `.${name}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.tmp`);
    try {
      this.ensureFolder();
      toolFingerprint(this.dir);
      // What a run made while the tool changed under it may be of either version: kept by neither.
      if (!toolSteady()) return;
      writeFileSync(temp, text());
      renameSync(temp, join(this.dir, name));
    } catch {
      // A cache that cannot be written (read-only disk, full disk) only makes the next run slower.
      try {
        unlinkSync(temp);
      } catch {
        // Never written.
      }
    }
  }

  private ensured = false;

  private ensureFolder(): void {
    if (this.ensured) return;
    mkdirSync(this.dir, { recursive: true });
    writeIfAbsent(join(this.dir, ".gitignore"), "# Made by mdtypes: its cache, safe to delete.\n*\n");
    // The standard mark of a cache folder (https://bford.info/cachedir/): backup tools skip it.
    writeIfAbsent(join(this.dir, "CACHEDIR.TAG"), "Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by mdtypes.\n");
    this.prune();
    this.ensured = true;
  }

  /** Removes entries unused for a month and temporary files of runs that died. */
  private prune(): void {
    const now = Date.now();
    for (const name of readdirSync(this.dir)) {
      const temp = name.endsWith(".tmp");
      if (!temp && !name.endsWith(".json")) continue;
      try {
        const age = now - statSync(join(this.dir, name)).mtimeMs;
        if (age > (temp ? STALE_TEMP_MS : MAX_AGE_MS)) unlinkSync(join(this.dir, name));
      } catch {
        // Gone meanwhile.
      }
    }
  }
}

function writeIfAbsent(path: string, text: string): void {
  try {
    writeFileSync(path, text, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
}
