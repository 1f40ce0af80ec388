/**
 * The replay of a warm `check` (src/cli/replay.ts), through the built binary:
 * a `check` whose every input is as at the last one the cache answered in
 * sync prints what that one printed, and any change to what its result
 * depends on (a doc, an output file, a folder's entries, the config, the
 * tool, the command line, the terminal) takes the usual way instead.
 *
 * A record is made only of paths unchanged for two seconds before the run
 * (the "racy" rule), so the projects are made first, all at once, and the
 * tests wait that long once before recording.
 */

import { spawnSync } from "node:child_process";
import { appendFileSync, chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordText, replayFile, replayKey, replayLocation, TIME_SLOT } from "../src/cli/replay.js";
import { followedLine, settledBefore } from "../src/io/stat-line.js";
import { ROOT } from "./helpers.js";

const BIN = join(ROOT, "bin", "mdtypes.js");
const PETSTORE = join(ROOT, "fixtures", "python", "petstore", "models");
const WARNINGS = join(ROOT, "fixtures", "python", "warnings", "models");

const scratch = mkdtempSync(join(tmpdir(), "mdtypes-replay-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(cwd: string, args: readonly string[], env: Record<string, string> = {}): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "", FORCE_COLOR: "", CI: "1", ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * A project: `docs/models/` (a copy of `docs`), a config pointing it at
 * `out/`, and the output generated. Its cache is in `.mdtypes-cache/`.
 */
function project(name: string, docs = PETSTORE): string {
  const dir = join(scratch, name);
  cpSync(docs, join(dir, "docs", "models"), { recursive: true });
  // The repository root: the config is not looked for above the project.
  mkdirSync(join(dir, ".git"));
  writeFileSync(join(dir, "mdtypes.config.json"), JSON.stringify({ input: "docs/models", output: "out" }));
  expect(run(dir, ["generate", "--no-cache"]).status).toBe(0);
  return dir;
}

/**
 * Forgets what the cache knows but the replay records: after it, a run the
 * replay does not answer parses every doc again (`N docs parsed`), while a
 * replay still says `all from the cache`.
 */
function forgetRuns(dir: string): void {
  for (const name of readdirSync(join(dir, ".mdtypes-cache"))) if (/^(run|docs)-/.test(name)) unlinkSync(join(dir, ".mdtypes-cache", name));
}

function records(dir: string): string[] {
  return existsSync(join(dir, ".mdtypes-cache")) ? readdirSync(join(dir, ".mdtypes-cache")).filter((name) => name.startsWith("replay-")) : [];
}

/** A module as generated for the doc `doc` (input-relative), which is not there: an orphan. */
function orphanOf(dir: string, doc: string): string {
  return readFileSync(join(dir, "out/pet.ts"), "utf8").replace(/^(.*)pet\.md`/, `$1${doc}\``);
}

/** The summary line with its time taken out (`(2 files, 0.04s; …` → `(2 files, _s; …`). */
function untimed(text: string): string {
  return text.replace(/\d+\.\d\ds;/g, "_s;");
}

const NAMES = ["race-config", "race-input", "race-git", "replays", "json", "warnings", "doc-edited", "doc-touched", "doc-added", "doc-removed", "output-edited", "output-linked", "orphan", "folder-added", "config", "parent-config", "argv", "terminal", "cwd", "damaged", "no-cache", "drift"] as const;
const projects = {} as Record<(typeof NAMES)[number], string>;

beforeAll(() => {
  for (const name of NAMES) projects[name] = project(name, name === "warnings" ? WARNINGS : PETSTORE);
  // Everything is now older than the racy margin: the first `check` records.
  spawnSync("sleep", ["2.1"]);
  for (const name of NAMES) {
    const first = run(projects[name], ["check"]);
    expect(first.status).toBe(0);
    // The first check filled the cache (its docs parsed); this one is answered by it, and recorded.
    expect(run(projects[name], ["check"]).stderr).toMatch(/all from the cache/);
    expect(records(projects[name])).toHaveLength(1);
    forgetRuns(projects[name]);
  }
}, 120_000);

describe("the replay of a warm check", () => {
  it("prints what the recorded run printed, with its own time, and exits 0", () => {
    const dir = projects.replays;
    const replayed = run(dir, ["check"]);
    expect(replayed.status).toBe(0);
    // The run and doc entries are gone: only the replay could say so.
    expect(replayed.stderr).toMatch(/^✔ out: in sync with docs\/models \(\d+ files, \d+\.\d\ds; all from the cache; /);
    expect(replayed.stdout).toBe("");
  });

  it("replays the JSON report byte for byte", () => {
    const dir = projects.json;
    const full = run(dir, ["check", "--reporter", "json"]);
    // A new command line: not replayed, and not yet recorded (the entries were forgotten, so the docs were parsed).
    expect(JSON.parse(full.stdout).targets[0].stats.parsed).toBeGreaterThan(0);
    const recorded = run(dir, ["check", "--reporter", "json"]);
    expect(JSON.parse(recorded.stdout).targets[0].stats.parsed).toBe(0);
    forgetRuns(dir);
    const replayed = run(dir, ["check", "--reporter", "json"]);
    expect(replayed.status).toBe(0);
    expect(replayed.stdout).toBe(recorded.stdout);
  });

  it("replays the warnings the run printed, code frames and all", () => {
    const dir = projects.warnings;
    const replayed = run(dir, ["check"]);
    expect(replayed.status).toBe(0);
    expect(replayed.stderr).toMatch(/warning/);
    expect(replayed.stderr).toMatch(/all from the cache/);
    // Against the usual way, with the cache forgotten: the same text but the reading and the time.
    const full = run(dir, ["check", "--no-cache"]);
    expect(untimed(replayed.stderr).replace("all from the cache", "")).toBe(untimed(full.stderr).replace(/\d+ docs parsed/, ""));
  });

  /** Each change to what a check depends on: the run after it is not a replay, and reports the truth. */
  const changes: [string, keyof typeof projects, (dir: string) => void, status: 0 | 1 | 2][] = [
    ["a doc's text edited", "doc-edited", (dir) => appendFileSync(join(dir, "docs/models/pet.md"), "\nA line added.\n"), 1],
    ["a doc's times changed, its bytes not", "doc-touched", (dir) => utimesSync(join(dir, "docs/models/pet.md"), new Date(0), new Date(0)), 0],
    ["a doc added", "doc-added", (dir) => cpSync(join(dir, "docs/models/cat.md"), join(dir, "docs/models/kitten.md")), 1],
    ["a doc removed", "doc-removed", (dir) => unlinkSync(join(dir, "docs/models/photo.md")), 1],
    ["an output file edited", "output-edited", (dir) => appendFileSync(join(dir, "out/pet.ts"), "// edited\n"), 1],
    [
      "an output file replaced by a link to the same bytes",
      "output-linked",
      (dir) => {
        renameSync(join(dir, "out/pet.ts"), join(dir, "pet-copy.ts"));
        symlinkSync(join(dir, "pet-copy.ts"), join(dir, "out/pet.ts"));
      },
      // A link where a module goes is refused, as ever.
      2,
    ],
    ["an orphan put in the output", "orphan", (dir) => writeFileSync(join(dir, "out/stray.ts"), orphanOf(dir, "stray.md")), 1],
    [
      "an orphan in a new folder of the output",
      "folder-added",
      (dir) => {
        mkdirSync(join(dir, "out/extra"));
        writeFileSync(join(dir, "out/extra/stray.ts"), orphanOf(dir, "extra/stray.md"));
      },
      1,
    ],
    // The same settings, written otherwise: the file changed.
    ["the config rewritten", "config", (dir) => writeFileSync(join(dir, "mdtypes.config.json"), JSON.stringify({ input: "docs/models", output: "out" }, null, 2)), 0],
  ];
  for (const [what, name, change, status] of changes) {
    it(`does not replay after ${what}`, () => {
      const dir = projects[name];
      change(dir);
      const after = run(dir, ["check"]);
      expect(after.stderr).not.toMatch(/all from the cache/);
      expect(after.status).toBe(status);
      if (status === 0) expect(after.stderr).toMatch(/in sync/);
      // The record that no longer holds is gone: later checks do not look at every path again to find so.
      expect(records(dir)).toEqual([]);
    });
  }

  it("does not replay when a config appears nearer than the recorded one", () => {
    const dir = projects["parent-config"];
    const sub = join(dir, "docs");
    // Recorded from the subfolder (the config found in the project, above it): the cache filled, then answering.
    expect(run(sub, ["check"]).status).toBe(0);
    expect(run(sub, ["check"]).stderr).toMatch(/all from the cache/);
    forgetRuns(dir);
    expect(run(sub, ["check"]).stderr).toMatch(/all from the cache/);
    writeFileSync(join(sub, "mdtypes.config.json"), JSON.stringify({ input: "models", output: "../out" }));
    const after = run(sub, ["check"]);
    expect(after.status).toBe(0);
    expect(after.stderr).not.toMatch(/all from the cache/);
  });

  it("is kept per command line, folder and terminal", () => {
    expect(run(projects.argv, ["check", "--verbose"]).stderr).not.toMatch(/all from the cache/);
    expect(run(projects.terminal, ["check"], { FORCE_COLOR: "1" }).stderr).not.toMatch(/all from the cache/);
    expect(run(join(projects.cwd, "docs"), ["check"]).stderr).not.toMatch(/all from the cache/);
  });

  it("never trusts a damaged record: cut, lengthened, a path changed, what it prints changed, or garbage", () => {
    const dir = projects.damaged;
    const [name] = records(dir);
    const path = join(dir, ".mdtypes-cache", name as string);
    const good = readFileSync(path, "utf8");
    const damage = [
      good.slice(0, good.length - 40),
      `${good}o/elsewhere\t1:2:3:4:5\n`,
      good.replace(/\no(\w+\.md)\t/, "\no$1x\t"),
      "mdtypes-replay 2 5 0 00000000\nhello",
      // What it prints changed, its length kept.
      good.replace("in sync", "IN SYNC"),
      "not a record",
    ];
    for (const text of damage) {
      // The run before filled the cache again: only the record could answer without parsing.
      forgetRuns(dir);
      writeFileSync(path, text);
      const after = run(dir, ["check"]);
      expect(after.status).toBe(0);
      expect(after.stderr).not.toMatch(/all from the cache/);
    }
  });

  it("--no-cache neither replays nor records", () => {
    const dir = projects["no-cache"];
    const before = records(dir);
    expect(run(dir, ["check", "--no-cache"]).stderr).toMatch(/docs parsed/);
    expect(records(dir)).toEqual(before);
  });

  it("is not recorded for a run that found drift, nor made of paths changed within two seconds", () => {
    const dir = projects.drift;
    rmSync(join(dir, ".mdtypes-cache"), { recursive: true });
    appendFileSync(join(dir, "out/pet.ts"), "// edited\n");
    expect(run(dir, ["check"]).status).toBe(1);
    expect(records(dir)).toEqual([]);
    // Mended just now: in sync, answered by the cache, but the output file is too new to be trusted by its times.
    expect(run(dir, ["generate"]).status).toBe(0);
    expect(run(dir, ["check"]).stderr).toMatch(/all from the cache/);
    expect(records(dir)).toEqual([]);
  });

  it("piped into a reader that stops early: exit 0, nothing on stderr", () => {
    const piped = spawnSync("bash", ["-c", `"${process.execPath}" "${BIN}" check --reporter json 2>stderr.txt | head -c 1; echo " \${PIPESTATUS[0]}"`], { cwd: projects.json, encoding: "utf8", env: { ...process.env, CI: "1" } });
    expect(piped.stdout).toBe("{ 0\n");
    expect(readFileSync(join(projects.json, "stderr.txt"), "utf8")).toBe("");
  });

  /**
   * A change while a check runs, after it compared and before its record
   * looked at the paths: made by a preloaded module when the record first
   * looks at the config. No record may come of it.
   */
  const races: [string, keyof typeof projects, string, string][] = [
    ["the config removed", "race-config", ".", "fs.unlinkSync('mdtypes.config.json')"],
    ["the input folder moved away", "race-input", ".", "fs.renameSync('docs', 'docs.old')"],
    ["a .git made below the config, where the check runs", "race-git", "docs", "fs.mkdirSync('.git')"],
  ];
  for (const [what, name, from, change] of races) {
    it(`makes no record when, during the run, ${what}`, () => {
      const dir = projects[name];
      const cwd = join(dir, from);
      const args = ["check", "--cache-dir", join(dir, ".mdtypes-cache")];
      for (const record of records(dir)) unlinkSync(join(dir, ".mdtypes-cache", record));
      // The cache filled (the docs parsed: nothing recorded), so that the next run is answered by it and tries to record.
      expect(run(cwd, args).stderr).toMatch(/docs parsed/);
      const hook = join(scratch, `${name}.cjs`);
      writeFileSync(
        hook,
        `const fs = require("node:fs"); const lstat = fs.lstatSync; let done = false;
fs.lstatSync = function (path, options) {
  if (!done && String(path).endsWith("mdtypes.config.json") && options && options.throwIfNoEntry === false) { done = true; ${change}; }
  return lstat.apply(this, arguments);
};
require("node:module").syncBuiltinESMExports();
`,
      );
      const raced = spawnSync(process.execPath, ["--require", hook, BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, CI: "1" } });
      expect(raced.stderr).toMatch(/all from the cache/);
      expect(records(dir)).toEqual([]);
    });
  }

  /**
   * A folder that cannot be listed, as a user who is not root sees it (root
   * reads any folder): this process's user when it is not root, else
   * `nobody` through `runuser`.
   */
  const asUser = process.getuid?.() !== 0 ? [] : spawnSync("runuser", ["--help"]).status === 0 ? ["runuser", "-u", "nobody", "--"] : undefined;
  it.skipIf(asUser === undefined)("makes no record when the output holds a folder that cannot be listed (its modules, opened by name, are compared all the same)", () => {
    const user = asUser as string[];
    const dir = mkdtempSync(join(tmpdir(), "mdtypes-replay-locked-"));
    try {
      cpSync(PETSTORE, join(dir, "docs", "models"), { recursive: true });
      mkdirSync(join(dir, ".git"));
      writeFileSync(join(dir, "mdtypes.config.json"), JSON.stringify({ input: "docs", output: "out" }));
      if (user.length > 0) spawnSync("chown", ["-R", "nobody", dir]);
      chmodSync(dir, 0o755);
      const as = (...args: string[]) => {
        const [command, ...rest] = [...user, process.execPath, BIN, ...args];
        return spawnSync(command as string, rest, { cwd: dir, encoding: "utf8", env: { ...process.env, CI: "1" } });
      };
      expect(as("generate").status).toBe(0);
      // Modules can be opened in it by name, but it cannot be listed.
      chmodSync(join(dir, "out", "models"), 0o300);
      spawnSync("sleep", ["2.1"]);
      expect(as("check").status).toBe(0);
      expect(as("check").stderr).toMatch(/all from the cache/);
      expect(records(dir)).toEqual([]);
      appendFileSync(join(dir, "out", "models", "pet.ts"), "// edited\n");
      expect(as("check").status).toBe(1);
    } finally {
      spawnSync("chmod", ["-R", "u+rwx", dir]);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("steps aside for the tests' fault points", () => {
    const replayed = run(projects.replays, ["check"], { MDTYPES_FAULT: "none" });
    expect(replayed.stderr).not.toMatch(/all from the cache/);
  });
});

describe("the replay's parts", () => {
  it("lists the tool's own files in a record: a record of another build is never replayed", () => {
    const [name] = records(projects.replays);
    const text = readFileSync(join(projects.replays, ".mdtypes-cache", name as string), "utf8");
    const listed = (folder: string, name: string) => new RegExp(`\nd${folder.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\n(?:[ofe][^\n]*\n)*f${name.replace(".", "\\.")}\t`).test(text);
    expect(listed(join(ROOT, "dist"), "replay.cjs")).toBe(true);
    expect(listed(join(ROOT, "dist", "bundle"), "cli.js")).toBe(true);
    expect(listed(ROOT.replace(/\/$/, ""), "package.json")).toBe(true);
  });

  it("replays only while every path looks as recorded: a file changed, a file that must stay absent made", () => {
    const dir = join(scratch, "parts");
    mkdirSync(dir);
    const tool = join(dir, "tool.js");
    writeFileSync(tool, "// a file of the tool\n");
    const absent = join(dir, "node_modules", "x", "package.json");
    const argv = ["check", "--cache-dir", "cache"];
    const key = replayKey(argv, dir, { color: false, stdoutColor: false, progress: false }, ROOT);
    const record = recordText({ key, printed: [{ to: "stderr", text: `replayed in ${TIME_SLOT};\n` }], paths: [["followed", tool, followedLine(tool)], ["followed", absent, ""]] });
    mkdirSync(join(dir, "cache"));
    writeFileSync(replayFile(join(dir, "cache"), key), record as string);
    const replay = (tool = ROOT) =>
      spawnSync(process.execPath, ["-e", `process.exitCode = require(${JSON.stringify(join(ROOT, "dist", "replay.cjs"))}).replay(${JSON.stringify(argv)}, ${JSON.stringify(tool)}) ?? 9`], {
        cwd: dir,
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "", FORCE_COLOR: "", CI: "1", MDTYPES_FAULT: "" },
      });
    const first = replay();
    expect(first.stderr).toMatch(/^replayed in \d+\.\d\ds;\n$/);
    expect(first.status).toBe(0);
    // Another install of mdtypes, its own files unchanged, does not take this install's record.
    expect(replay(dir).status).toBe(9);
    mkdirSync(dirname(absent), { recursive: true });
    writeFileSync(absent, "{}");
    expect(replay().status).toBe(9);
    // A record found not holding is removed.
    expect(existsSync(replayFile(join(dir, "cache"), key))).toBe(false);
    writeFileSync(replayFile(join(dir, "cache"), key), record as string);
    rmSync(join(dir, "node_modules"), { recursive: true });
    expect(replay().status).toBe(0);
    appendFileSync(tool, "// changed\n");
    const after = replay();
    expect(after.status).toBe(9);
    expect(after.stderr).toBe("");
    expect(existsSync(replayFile(join(dir, "cache"), key))).toBe(false);
  });

  it("finds the cache folder as the CLI does, and gives up on what it might read otherwise", () => {
    const cwd = join(scratch, "location");
    mkdirSync(join(cwd, "sub", "node_modules"), { recursive: true });
    mkdirSync(join(cwd, ".git"), { recursive: true });
    expect(replayLocation(["check"], cwd)).toBe(join(cwd, ".mdtypes-cache"));
    expect(replayLocation(["check", "--cache-dir", "c"], cwd)).toBe(join(cwd, "c"));
    expect(replayLocation(["check", "--cache-dir=c"], cwd)).toBe(join(cwd, "c"));
    expect(replayLocation(["check", "-c", "sub/x.json"], cwd)).toBe(join(cwd, "sub", "node_modules", ".cache", "mdtypes"));
    writeFileSync(join(cwd, "mdtypes.config.json"), "{}");
    expect(replayLocation(["check"], join(cwd, "sub"))).toBe(join(cwd, ".mdtypes-cache"));
    for (const argv of [["generate"], ["check", "--no-cache"], ["check", "--", "x"], ["check", "-cx.json"], ["check", "--cache-dir"], []]) expect(replayLocation(argv, cwd)).toBeUndefined();
  });

  it("names a record by its key, and refuses a path it cannot write on one line", () => {
    const key = replayKey(["check"], "/p", { color: false, progress: false }, ROOT);
    expect(replayFile("/c", key)).toMatch(/^\/c\/replay-[0-9a-f]{16}\.json$/);
    expect(replayFile("/c", key)).not.toBe(replayFile("/c", replayKey(["check", "--verbose"], "/p", { color: false, progress: false }, ROOT)));
    // Another install of mdtypes has keys of its own; the same one reached through a link does not.
    expect(replayKey(["check"], "/p", { color: false, progress: false }, scratch)).not.toBe(key);
    symlinkSync(ROOT, join(scratch, "linked-tool"));
    expect(replayKey(["check"], "/p", { color: false, progress: false }, join(scratch, "linked-tool"))).toBe(key);
    expect(recordText({ key, printed: [], paths: [["own", "/p/a\nb.md", ""]] })).toBeUndefined();
    expect(recordText({ key, printed: [], paths: [["own", "/p/a.md", "1:2:3:4:5"]] })).toMatch(/^mdtypes-replay 2 \d+ 1 [0-9a-f]{8}\n/);
  });

  it("trusts a path's times only when both lie two seconds before the run", () => {
    const now = Date.now();
    expect(settledBefore(`1:2:3:${now - 5000}:${now - 5000}`, now)).toBe(true);
    expect(settledBefore(`1:2:3:${now - 5000}:${now - 1000}`, now)).toBe(false);
    expect(settledBefore(`1:2:3:${now - 1000}:${now - 5000}`, now)).toBe(false);
    expect(settledBefore(`1:2:3:${now - 5000}:${now - 5000}>1:2:3:${now}:${now}`, now)).toBe(false);
    expect(settledBefore("", now)).toBe(true);
    expect(settledBefore("1:2:3", now)).toBe(false);
  });
});
