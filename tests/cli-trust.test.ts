/**
 * A CLI a newcomer can trust, through the built binary: closed pipes, paths
 * checked for what they are, rows checked against their header, interrupts
 * that leave nothing behind, colour decided per stream, the config found from
 * a subfolder or named, summaries on a terminal, one-line usage errors, drift
 * in GitHub annotations, NDJSON and signals in watch mode.
 */

import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main, type CliIo } from "../src/cli/cli.js";
import { colorFor } from "../src/cli/cli.js";
import { humanEntries, SHOWN_PER_RULE } from "../src/cli/report.js";
import type { Diagnostic } from "../src/ir/diagnostics.js";
import { ROOT } from "./helpers.js";

const BIN = join(ROOT, "bin", "mdtypes.js");
const STACK = /^\s+at .+(?:\d+:\d+\)?|<anonymous>)$/m;
const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "mdtypes-trust-"));
  scratch.push(dir);
  return dir;
}

function tree(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function run(cwd: string, args: readonly string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "", FORCE_COLOR: "", ...env }, timeout: 60_000 });
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

const table = (rows: string) => `## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n${rows}`;
const DOC = (title: string, rows = "| `id` | *str* | :heavy_check_mark: | N/A |\n") => `# ${title}\n\n${table(rows)}`;

/** A Python docs project with a config, generated once. */
function project(): string {
  const dir = tempDir();
  cpSync(join(ROOT, "fixtures", "python", "semantics"), join(dir, "docs"), { recursive: true });
  writeFileSync(join(dir, "mdtypes.config.json"), JSON.stringify({ input: "docs", output: "out" }));
  expect(run(dir, ["generate"]).status).toBe(0);
  return dir;
}

/** `mdtypes generate --watch` running in `dir`: its output so far, a wait for a condition on it, and Ctrl-C. */
function watching(dir: string, ...args: string[]) {
  return watchingWith({}, dir, ...args);
}

/** {@link watching} with more environment variables (`MDTYPES_FAULT`), and as another user (`uid`, `gid`: root only). */
function watchingWith(env: Record<string, string>, dir: string, ...args: string[]) {
  return watchingAs({ env }, dir, ...args);
}

function watchingAs(options: { env?: Record<string, string>; uid?: number; gid?: number }, dir: string, ...args: string[]) {
  const { env = {}, ...user } = options;
  const child = spawn(process.execPath, [BIN, "generate", "--watch", ...args], { cwd: dir, env: { ...process.env, MDTYPES_FAULT: "", ...env }, ...user });
  const watch = {
    child,
    stdout: "",
    stderr: "",
    async until(test: () => boolean, what: string): Promise<void> {
      for (let i = 0; i < 400; i++) {
        if (test()) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`timed out waiting for ${what}; stderr:\n${watch.stderr}`);
    },
    async stop(): Promise<void> {
      child.kill("SIGINT");
      await watch.ended();
    },
    async ended(): Promise<void> {
      if (child.exitCode === null && child.signalCode === null) await new Promise((r) => child.on("exit", r));
    },
  };
  child.stdout.on("data", (chunk: Buffer) => void (watch.stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => void (watch.stderr += chunk.toString()));
  return watch;
}

/** Changes what one doc of a project generates (its model's description). */
function editDoc(dir: string, text = "Edited."): void {
  const path = join(dir, "docs", "models", "circle.md");
  writeFileSync(path, readFileSync(path, "utf8").replace(/^# (.*)$/m, `# $1\n\n${text}`));
}

/** Whether files can be made immutable here (`chattr +i`: root, on a file system that has the flag): then even root cannot write them. */
const IMMUTABLE = (() => {
  const probe = join(tempDir(), "probe");
  writeFileSync(probe, "");
  const made = spawnSync("chattr", ["+i", probe]).status === 0;
  if (made) spawnSync("chattr", ["-i", probe]);
  return made;
})();

function immutable(path: string, on: boolean): void {
  expect(spawnSync("chattr", [on ? "+i" : "-i", path]).status).toBe(0);
}

describe("closed pipes", () => {
  for (const args of [
    ["ir", "fixtures/python"],
    ["help", "generate"],
    ["generate", "--help"],
    ["check", "--reporter", "json", "--no-cache"],
  ]) {
    it(`\`mdtypes ${args.join(" ")} | head -c 1\`: no EPIPE, no stack, the command's own exit code`, () => {
      const script = `node ${JSON.stringify(BIN)} ${args.map((a) => JSON.stringify(a)).join(" ")} | head -c 1 >/dev/null; echo "exit=\${PIPESTATUS[0]}" >&2`;
      const result = spawnSync("bash", ["-c", script], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
      expect(result.stderr).not.toMatch(/EPIPE|Unhandled|internal error/);
      expect(result.stderr).not.toMatch(STACK);
      expect(result.stderr).toMatch(/exit=0\n$/);
    });
  }
});

describe("paths are checked for what they are, before any work", () => {
  it("--out naming an existing file: generate and check say so in one line, exit 2", () => {
    const dir = tree({ "docs/widget.md": DOC("Widget"), "out.ts": "// mine\n" });
    for (const command of ["generate", "check"]) {
      const result = run(dir, [command, "docs", "--out", "out.ts", "--flavour", "python"]);
      expect(result.status).toBe(2);
      expect(result.stderr).toBe('mdtypes: Output "out.ts" is a file, not a folder\n');
    }
    expect(readFileSync(join(dir, "out.ts"), "utf8")).toBe("// mine\n");
  });

  it("--out naming a broken symbolic link, or lying under one: one line before any work, exit 2, nothing made", () => {
    const dir = tree({ "docs/widget.md": DOC("Widget") });
    symlinkSync("nowhere", join(dir, "dangling"));
    for (const command of ["generate", "check"]) {
      const result = run(dir, [command, "docs", "--out", "dangling", "--flavour", "python"]);
      expect(result.status).toBe(2);
      expect(result.stderr).toBe('mdtypes: Output "dangling" is a broken symbolic link (to nowhere)\n');
      const under = run(dir, [command, "docs", "--out", "dangling/sub", "--flavour", "python"]);
      expect(under.stderr).toBe('mdtypes: Output "dangling/sub" lies under dangling, which is a broken symbolic link (to nowhere)\n');
    }
    // A loop is called one, not broken.
    symlinkSync("loop", join(dir, "loop"));
    const loop = run(dir, ["generate", "docs", "--out", "loop", "--flavour", "python"]);
    expect(loop.status).toBe(2);
    expect(loop.stderr).toBe('mdtypes: Output "loop" is a loop of symbolic links (or a chain too long to follow)\n');
    rmSync(join(dir, "loop"));
    expect(readdirSync(dir).sort()).toEqual(["dangling", "docs"]);
  });

  it("--out-file naming a symbolic link: written where it links to, the link kept; a broken link or a loop is one line before any work, exit 2", () => {
    const dir = tree({ "docs/widget.md": DOC("Widget") });
    const args = ["docs", "--flavour", "python", "--no-cache"];
    expect(run(dir, ["generate", ...args, "--out-file", "real/api.ts"]).status).toBe(0);
    symlinkSync(join("real", "api.ts"), join(dir, "api.ts"));
    writeFileSync(join(dir, "docs", "widget.md"), DOC("Widget", "| `name` | *str* | :heavy_check_mark: | N/A |\n"));
    expect(run(dir, ["check", ...args, "--out-file", "api.ts"]).status).toBe(1);
    expect(run(dir, ["generate", ...args, "--out-file", "api.ts"]).status).toBe(0);
    expect(lstatSync(join(dir, "api.ts")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, "real", "api.ts"), "utf8")).toContain("name: string");
    expect(run(dir, ["check", ...args, "--out-file", "api.ts"]).status).toBe(0);
    symlinkSync("nowhere.ts", join(dir, "dangling.ts"));
    symlinkSync("loop.ts", join(dir, "loop.ts"));
    for (const command of ["generate", "check"]) {
      const broken = run(dir, [command, ...args, "--out-file", "dangling.ts"]);
      expect(broken.status).toBe(2);
      expect(broken.stderr).toBe('mdtypes: Output file "dangling.ts" is a broken symbolic link (to nowhere.ts)\n');
      expect(run(dir, [command, ...args, "--out-file", "loop.ts"]).stderr).toBe('mdtypes: Output file "loop.ts" is a loop of symbolic links (or a chain too long to follow)\n');
    }
    expect(readdirSync(dir).sort()).toEqual(["api.ts", "dangling.ts", "docs", "loop.ts", "real"]);
  });

  it("an input that is a file, a cache folder that is a file or lies under one, a config that is a folder: one line each, exit 2", () => {
    const dir = tree({ "docs/widget.md": DOC("Widget"), "afile": "x" });
    expect(run(dir, ["generate", "afile", "--out", "out"]).stderr).toBe('mdtypes: Input "afile" is not a folder\n');
    expect(run(dir, ["generate", "docs", "--out", "out", "--cache-dir", "afile"]).stderr).toBe('mdtypes: Cache folder "afile" is a file, not a folder\n');
    expect(run(dir, ["generate", "docs", "--out", "out", "--cache-dir", "afile/cache"]).stderr).toBe('mdtypes: Cache folder "afile/cache" lies under afile, which is a file, not a folder\n');
    expect(run(dir, ["generate", "--config", "docs"]).stderr).toBe('mdtypes: Config "docs" is a folder, not a file\n');
    expect(run(dir, ["generate", "--config", "none.json"]).stderr).toBe("mdtypes: Config file none.json does not exist\n");
    expect(existsSync(join(dir, "out"))).toBe(false);
  });
});

describe("every row is checked against its header", () => {
  it("a row missing its Required cell is malformed-row at the row's end, not an optional field", () => {
    const dir = tree({ "docs/person.md": DOC("Person", "| `name` | *str* | :heavy_check_mark: | N/A |\n| `age` | *int* |\n") });
    const result = run(dir, ["generate", "docs", "--out", "out", "--flavour", "python", "--reporter", "json"]);
    expect(result.status).toBe(1);
    const { diagnostics } = JSON.parse(result.stdout) as { diagnostics: Diagnostic[] };
    expect(diagnostics.map((d) => `${d.ruleId}@${d.line}:${d.column}`)).toEqual(["malformed-row@8:18"]);
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  it("an empty Required cell is still ➖ (optional), as Speakeasy writes none but hand-made docs do", () => {
    const dir = tree({ "docs/person.md": DOC("Person", "| `name` | *str* | :heavy_check_mark: | N/A |\n| `age` | *int* |  | N/A |\n") });
    expect(run(dir, ["generate", "docs", "--out", "out", "--flavour", "python"]).status).toBe(0);
    expect(readFileSync(join(dir, "out", "person.ts"), "utf8")).toContain("  age?: number | undefined;\n");
  });
});

describe("a new output folder is written as an existing one is", () => {
  it("a doc that is no model, in a folder named as a model's module (`a.ts/`), makes nothing: a new output holds what an existing one does", () => {
    const dir = tree({ "docs/a.md": DOC("A"), "docs/a.ts/options.md": "# Options\n\n## Options\n\nProse only.\n" });
    expect(run(dir, ["generate", "docs", "--out", "new/out", "--flavour", "python", "--no-cache"]).status).toBe(0);
    mkdirSync(join(dir, "existing"));
    expect(run(dir, ["generate", "docs", "--out", "existing", "--flavour", "python", "--no-cache"]).status).toBe(0);
    expect(readdirSync(join(dir, "new", "out")).sort()).toEqual(readdirSync(join(dir, "existing")).sort());
    expect(readdirSync(join(dir, "new"))).toEqual(["out"]);
  });
});

describe("an existing output whose module must become a folder, or a folder a module", () => {
  it("a doc added in a folder named as a model's module (`a.ts/`), then removed: the orphan in the way goes, new and existing outputs agree, check is in sync each time", () => {
    const dir = tree({ "docs/a.md": DOC("A"), "docs/b.md": DOC("B") });
    const args = (out: string) => ["docs", "--out", out, "--flavour", "python", "--no-cache"];
    expect(run(dir, ["generate", ...args("out")]).status).toBe(0);
    writeFileSync(join(dir, "out", "notes.txt"), "mine\n");
    for (const step of ["add", "remove"]) {
      if (step === "add") {
        mkdirSync(join(dir, "docs", "a.ts"));
        writeFileSync(join(dir, "docs", "a.ts", "x.md"), DOC("X"));
      } else rmSync(join(dir, "docs", "a.ts"), { recursive: true });
      // check names what differs (a folder where a module goes is missing, not a raw EISDIR) and asks for a generate.
      const stale = run(dir, ["check", ...args("out")]);
      expect(stale.status, stale.stderr).toBe(1);
      expect(stale.stderr + stale.stdout).not.toMatch(/EISDIR|ENOTDIR/);
      const updated = run(dir, ["generate", ...args("out")]);
      expect(updated.status, updated.stderr).toBe(0);
      expect(run(dir, ["check", ...args("out")]).status).toBe(0);
      rmSync(join(dir, "fresh"), { recursive: true, force: true });
      expect(run(dir, ["generate", ...args("fresh")]).status).toBe(0);
      const listing = (root: string) => readdirSync(join(dir, root), { recursive: true, encoding: "utf8" }).filter((n) => n !== "notes.txt").sort();
      expect(listing("out")).toEqual(listing("fresh"));
      for (const path of listing("fresh").filter((n) => statSync(join(dir, "fresh", n)).isFile())) expect(readFileSync(join(dir, "out", path), "utf8")).toBe(readFileSync(join(dir, "fresh", path), "utf8"));
    }
    expect(readFileSync(join(dir, "out", "notes.txt"), "utf8")).toBe("mine\n");
  });

  it("a folder in the way that holds a file mdtypes did not write is refused, one line, nothing changed", () => {
    const dir = tree({ "docs/a.md": DOC("A"), "docs/a.ts/x.md": DOC("X") });
    const args = ["docs", "--out", "out", "--flavour", "python", "--no-cache"];
    expect(run(dir, ["generate", ...args]).status).toBe(0);
    writeFileSync(join(dir, "out", "a.ts", "mine.ts"), "export {};\n");
    rmSync(join(dir, "docs", "a.ts"), { recursive: true });
    const blocked = run(dir, ["generate", ...args]);
    expect(blocked.status).toBe(2);
    expect(blocked.stderr).toBe("mdtypes: Refusing to write out/a.ts: a folder (or another thing that is no file) is in its place. Move or delete it.\n");
    expect(readdirSync(join(dir, "out", "a.ts")).sort()).toEqual(["index.ts", "mine.ts", "x.ts"]);
  });
});

describe("what stands where a module goes, as found by a fresh tester", () => {
  it("a FIFO, or a symbolic link (to a device, a folder, a generated file, or nothing), where a module goes: generate and check end at once with one line, exit 2, nothing changed", () => {
    const dir = tree({ "docs/b.md": DOC("B") });
    const args = ["docs", "--out", "out", "--flavour", "python"];
    expect(run(dir, ["generate", ...args]).status).toBe(0);
    cpSync(join(dir, "out", "b.ts"), join(dir, "b.ts"));
    const fifo = "no regular file (a FIFO, a device or a socket)";
    const link = "a symbolic link (or a loop of them on the way)";
    const cases: [() => void, string][] = [
      [() => expect(spawnSync("mkfifo", [join(dir, "out", "b.ts")]).status).toBe(0), fifo],
      [() => symlinkSync("/dev/zero", join(dir, "out", "b.ts")), link],
      [() => symlinkSync(dir, join(dir, "out", "b.ts")), link],
      [() => symlinkSync(join(dir, "b.ts"), join(dir, "out", "b.ts")), link],
      [() => symlinkSync("nowhere.ts", join(dir, "out", "b.ts")), link],
    ];
    for (const [make, what] of cases) {
      rmSync(join(dir, "out", "b.ts"));
      make();
      for (const cache of [[], ["--no-cache"]]) {
        const generated = run(dir, ["generate", ...args, ...cache]);
        expect(generated.status, generated.stderr).toBe(2);
        expect(generated.stderr).toBe(`mdtypes: Refusing to write out/b.ts: ${what} is in its place; nothing was changed. Move or delete it.\n`);
        const checked = run(dir, ["check", ...args, ...cache]);
        expect(checked.status, checked.stderr).toBe(2);
        expect(checked.stderr).toBe(`mdtypes: out/b.ts is ${what}, where mdtypes writes a file: move or delete it, then run generate\n`);
      }
    }
  });

  it("a symbolic link where a folder of modules goes (to a folder outside, or to nothing): generate refuses and check names it, warm or cold, one line, exit 2, nothing written through it", () => {
    const dir = tree({ "docs/models/pet.md": DOC("Pet"), "docs/b.md": DOC("B") });
    const args = ["docs", "--out", "out", "--flavour", "python"];
    expect(run(dir, ["generate", ...args]).status).toBe(0);
    renameSync(join(dir, "out", "models"), join(dir, "real"));
    const before = readFileSync(join(dir, "real", "pet.ts"), "utf8");
    for (const target of [join("..", "real"), "nowhere"]) {
      symlinkSync(target, join(dir, "out", "models"));
      for (const cache of [[], ["--no-cache"]]) {
        expect(run(dir, ["check", ...args, ...cache]).stderr).toBe("mdtypes: out/models is a symbolic link, where mdtypes writes a folder: move or delete it, then run generate\n");
        writeFileSync(join(dir, "docs", "models", "pet.md"), DOC("Pet", "| `name` | *str* | :heavy_check_mark: | N/A |\n"));
        const refused = run(dir, ["generate", ...args, ...cache]);
        expect(refused.status).toBe(2);
        expect(refused.stderr).toBe("mdtypes: Refusing to write into out/models: it is a symbolic link where a folder of generated files goes (mdtypes writes no links, nor through one); nothing was changed. Move or delete it.\n");
        writeFileSync(join(dir, "docs", "models", "pet.md"), DOC("Pet"));
      }
      rmSync(join(dir, "out", "models"));
    }
    expect(readFileSync(join(dir, "real", "pet.ts"), "utf8")).toBe(before);
  });

  it("modules in a folder renamed for a name the target owns (`index.ts_/`) are its own: removed as orphans when their docs go, and check reports them", () => {
    const dir = tree({ "docs/b.md": DOC("B"), "docs/index.ts/x.md": DOC("X"), "docs/index.ts/deep/y.md": DOC("Y"), "docs/_runtime.ts/z.md": DOC("Z") });
    const args = ["docs", "--out", "out", "--flavour", "python", "--no-cache"];
    expect(run(dir, ["generate", ...args]).status).toBe(0);
    rmSync(join(dir, "docs", "index.ts"), { recursive: true });
    rmSync(join(dir, "docs", "_runtime.ts"), { recursive: true });
    const stale = run(dir, ["check", ...args]);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain("(1 changed, 6 orphaned)");
    expect(stale.stdout + stale.stderr).toContain("orphaned  out/index.ts_/deep/y.ts");
    expect(stale.stdout + stale.stderr).toContain("orphaned  out/_runtime.ts_/z.ts");
    expect(run(dir, ["generate", ...args]).status).toBe(0);
    expect(readdirSync(join(dir, "out")).sort()).toEqual(["_runtime.ts", "b.ts", "index.ts"]);
    expect(run(dir, ["check", ...args]).status).toBe(0);
  });

  it.skipIf(!IMMUTABLE)("a folder in the way that cannot be emptied (made immutable): refused before anything changes, and no removal is claimed (needs `chattr +i`)", () => {
    const dir = tree({ "docs/a.md": DOC("A"), "docs/a.ts/x.md": DOC("X") });
    const args = ["docs", "--out", "out", "--flavour", "python", "--no-cache"];
    expect(run(dir, ["generate", ...args]).status).toBe(0);
    rmSync(join(dir, "docs", "a.ts"), { recursive: true });
    immutable(join(dir, "out", "a.ts"), true);
    try {
      const refused = run(dir, ["generate", ...args]);
      expect(refused.status).toBe(2);
      expect(refused.stderr).toBe("mdtypes: Cannot write to out: out/a.ts cannot be written in (EPERM); nothing was changed\n");
    } finally {
      immutable(join(dir, "out", "a.ts"), false);
    }
    expect(readdirSync(join(dir, "out", "a.ts")).sort()).toEqual(["index.ts", "x.ts"]);
    expect(run(dir, ["generate", ...args]).status).toBe(0);
    expect(run(dir, ["check", ...args]).status).toBe(0);
  });
});

describe("model folders named like the files a target writes of its own", () => {
  it("`index.ts/`, `_runtime.ts/` and a nested `index.ts/` get a `_` suffix with a warning; a new output and an existing one agree; strict output", () => {
    const dir = tree({ "docs/index.ts/a.md": DOC("A"), "docs/_runtime.ts/b.md": DOC("B"), "docs/s/index.ts/c.md": DOC("C"), "docs/d.md": DOC("D") });
    const args = (out: string) => ["docs", "--out", out, "--flavour", "python", "--no-cache"];
    const result = run(dir, ["generate", ...args("out"), "--reporter", "json"]);
    expect(result.status, result.stderr).toBe(0);
    const { diagnostics } = JSON.parse(result.stdout) as { diagnostics: Diagnostic[] };
    expect(diagnostics.map((d) => `${d.ruleId} ${d.file}`).sort()).toEqual(["output-path-clash docs/_runtime.ts/b.md", "output-path-clash docs/index.ts/a.md", "output-path-clash docs/s/index.ts/c.md"]);
    expect(readdirSync(join(dir, "out"), { recursive: true, encoding: "utf8" }).sort()).toEqual(
      ["_runtime.ts", "_runtime.ts_", "_runtime.ts_/b.ts", "_runtime.ts_/index.ts", "d.ts", "index.ts", "index.ts_", "index.ts_/a.ts", "index.ts_/index.ts", "s", "s/index.ts", "s/index.ts_", "s/index.ts_/c.ts", "s/index.ts_/index.ts"],
    );
    expect(run(dir, ["check", ...args("out")]).status).toBe(0);
    mkdirSync(join(dir, "existing"));
    expect(run(dir, ["generate", ...args("existing")]).status).toBe(0);
    expect(run(dir, ["check", ...args("existing")]).status).toBe(0);
    const json = run(dir, ["generate", "docs", "--out", "js", "--target", "json-schema", "--flavour", "python", "--no-cache", "--reporter", "json"]);
    expect(json.status, json.stderr).toBe(0);
    // The json-schema target writes no files of its own: its folders keep their names.
    expect((JSON.parse(json.stdout) as { diagnostics: Diagnostic[] }).diagnostics).toEqual([]);
    expect(existsSync(join(dir, "js", "index.ts", "a.schema.json"))).toBe(true);
  });

  it("a folder added whose name differs from another's in letter case alone (`Models/` beside `models/`) gets a `_`: the folder and namespace already there keep theirs", () => {
    const dir = tree({ "docs/models/x.md": DOC("X"), "docs/b.md": DOC("B") });
    const args = ["docs", "--out", "out", "--flavour", "python", "--no-cache"];
    expect(run(dir, ["generate", ...args]).status).toBe(0);
    mkdirSync(join(dir, "docs", "Models"));
    writeFileSync(join(dir, "docs", "Models", "y.md"), DOC("Y"));
    const result = run(dir, ["generate", ...args, "--reporter", "json"]);
    expect(result.status, result.stderr).toBe(0);
    expect((JSON.parse(result.stdout) as { diagnostics: Diagnostic[] }).diagnostics.map((d) => `${d.ruleId} ${d.file}`)).toEqual(["output-path-clash docs/Models/y.md"]);
    expect(readdirSync(join(dir, "out"), { recursive: true, encoding: "utf8" }).sort()).toEqual(["Models_", "Models_/index.ts", "Models_/y.ts", "_runtime.ts", "b.ts", "index.ts", "models", "models/index.ts", "models/x.ts"]);
    expect(readFileSync(join(dir, "out", "index.ts"), "utf8")).toContain('export * as models from "./models/index.js";\n');
    expect(run(dir, ["check", ...args]).status).toBe(0);
    rmSync(join(dir, "docs", "Models"), { recursive: true });
    expect(run(dir, ["generate", ...args]).status).toBe(0);
    expect(readdirSync(join(dir, "out")).sort()).toEqual(["_runtime.ts", "b.ts", "index.ts", "models"]);
  });

  it("json-schema: a folder named as a model's document (`a.schema.json/`) renames that model's; `a.md` beside `a.ts/` keeps its name", () => {
    const dir = tree({ "docs/a.md": DOC("A"), "docs/a.schema.json/x.md": DOC("X"), "docs/b.md": DOC("B"), "docs/b.ts/y.md": DOC("Y") });
    const args = (out: string) => ["docs", "--out", out, "--target", "json-schema", "--flavour", "python", "--no-cache"];
    for (const out of ["new/out", "existing"]) {
      mkdirSync(join(dir, "existing"), { recursive: true });
      const result = run(dir, ["generate", ...args(out), "--reporter", "json"]);
      expect(result.status, result.stderr).toBe(0);
      expect((JSON.parse(result.stdout) as { diagnostics: Diagnostic[] }).diagnostics.map((d) => `${d.ruleId} ${d.file}`)).toEqual(["output-path-clash docs/a.md"]);
      expect(readdirSync(join(dir, out), { recursive: true, encoding: "utf8" }).sort()).toEqual(["a.schema.json", "a.schema.json/x.schema.json", "a_.schema.json", "b.schema.json", "b.ts", "b.ts/y.schema.json"]);
      expect(run(dir, ["check", ...args(out)]).status).toBe(0);
    }
  });
});

describe("two runs into one new output folder", () => {
  it("the folder made by another run before this one's staging folder is renamed in: written into as an existing output, exit 0, no staging folder left", () => {
    const dir = tree({ "docs/widget.md": DOC("Widget"), "docs/gadget.md": DOC("Gadget") });
    const result = run(dir, ["generate", "docs", "--out", "out", "--flavour", "python"], { MDTYPES_FAULT: "output-made" });
    expect(result.status, result.stderr).toBe(0);
    expect(readdirSync(join(dir, "out")).sort()).toEqual(["_runtime.ts", "gadget.ts", "index.ts", "notes.txt", "widget.ts"]);
    expect(readdirSync(dir).filter((name) => name.includes("mdtypes-staging"))).toEqual([]);
    expect(run(dir, ["check", "docs", "--out", "out", "--flavour", "python", "--no-cache"]).status).toBe(0);
  });
});

describe("interrupts leave nothing behind", () => {
  const stagings = (dir: string) => [...readdirSync(dir), ...(existsSync(join(dir, "out")) ? readdirSync(join(dir, "out")).map((n) => `out/${n}`) : [])].filter((n) => n.includes("mdtypes-staging"));

  it("SIGINT, SIGTERM or SIGHUP (the terminal closed) while writing a new output folder: the staging folder is removed, the process ends by the signal", () => {
    const dir = tree({ "docs/widget.md": DOC("Widget"), "docs/gadget.md": DOC("Gadget") });
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
      const result = run(dir, ["generate", "docs", "--out", "out", "--flavour", "python"], { MDTYPES_FAULT: `after-staging:${signal}` });
      expect(result.signal).toBe(signal);
      expect(existsSync(join(dir, "out"))).toBe(false);
      expect(stagings(dir)).toEqual([]);
    }
  });

  it("SIGINT or SIGTERM while writing a new, nested output of a target staged inside its output (json-schema, --out-file): the folders the run made go too", () => {
    const dir = tree({ "docs/widget.md": DOC("Widget"), "docs/gadget.md": DOC("Gadget") });
    for (const signal of ["SIGINT", "SIGTERM"]) {
      for (const out of [["--target", "json-schema", "--out", "a/b/js"], ["--out-file", "c/d/api.ts"]]) {
        const result = run(dir, ["generate", "docs", ...out, "--flavour", "python"], { MDTYPES_FAULT: `after-staging:${signal}` });
        expect(result.signal).toBe(signal);
        expect(readdirSync(dir).filter((name) => !name.startsWith(".")).sort()).toEqual(["docs"]);
      }
    }
  });

  it("SIGINT or SIGTERM that lands while the last files are written (which never yields): nothing is committed, the process ends by the signal", () => {
    for (const signal of ["SIGINT", "SIGTERM"]) {
      const fresh = tree({ "docs/widget.md": DOC("Widget"), "docs/gadget.md": DOC("Gadget") });
      const result = run(fresh, ["generate", "docs", "--out", "out", "--flavour", "python"], { MDTYPES_FAULT: `staged:${signal}` });
      expect(result.signal).toBe(signal);
      expect(existsSync(join(fresh, "out"))).toBe(false);
      expect(stagings(fresh)).toEqual([]);
      const existing = project();
      editDoc(existing);
      const before = readFileSync(join(existing, "out", "models", "circle.ts"), "utf8");
      const again = run(existing, ["generate"], { MDTYPES_FAULT: `staged:${signal}` });
      expect(again.signal).toBe(signal);
      expect(readFileSync(join(existing, "out", "models", "circle.ts"), "utf8")).toBe(before);
      expect(stagings(existing)).toEqual([]);
    }
  });

  it("SIGINT or SIGTERM that came while rendering, handled only when the writing starts: nothing is committed, the process ends by the signal", () => {
    const dir = tree({ "docs/widget.md": DOC("Widget"), "docs/gadget.md": DOC("Gadget") });
    for (const signal of ["SIGINT", "SIGTERM"]) {
      const result = run(dir, ["generate", "docs", "--out", "out", "--flavour", "python"], { MDTYPES_FAULT: `rendered:${signal}` });
      expect(result.signal).toBe(signal);
      expect(existsSync(join(dir, "out"))).toBe(false);
      expect(stagings(dir)).toEqual([]);
    }
  });

  it("SIGINT, SIGTERM or SIGHUP during the commit (which never yields): the output is committed whole, then the process ends by the signal, not with exit 0", () => {
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
      // A new output folder: committed by one rename.
      const fresh = tree({ "docs/widget.md": DOC("Widget"), "docs/gadget.md": DOC("Gadget") });
      const first = run(fresh, ["generate", "docs", "--out", "out", "--flavour", "python"], { MDTYPES_FAULT: `in-commit:${signal}` });
      expect(first.signal).toBe(signal);
      expect(stagings(fresh)).toEqual([]);
      expect(run(fresh, ["check", "docs", "--out", "out", "--flavour", "python", "--no-cache"]).status).toBe(0);
      // An existing output: files moved into place one by one.
      const dir = project();
      editDoc(dir);
      const update = run(dir, ["generate"], { MDTYPES_FAULT: `in-commit:${signal}` });
      expect(update.signal).toBe(signal);
      expect(stagings(dir)).toEqual([]);
      expect(run(dir, ["check", "--no-cache"]).status).toBe(0);
    }
  });

  it.skipIf(!IMMUTABLE)("a folder a commit must write to that is not writable (made immutable), the output folder itself or one in it: refused before anything changes; an orphan that cannot be removed is an error, never reported removed (needs `chattr +i`)", () => {
    const dir = project();
    const models = join(dir, "out", "models");
    const circle = join(models, "circle.ts");
    const before = readFileSync(circle, "utf8");
    editDoc(dir);
    /** `generate` (or `argv`) with `path` made immutable: exit 2, exactly `message`, and the output and staging as they were. */
    const refusedWhileImmutable = (path: string, message: string, argv = ["generate"]) => {
      immutable(path, true);
      try {
        const refused = run(dir, argv);
        expect(refused.status).toBe(2);
        expect(refused.stderr).toBe(`mdtypes: ${message}\n`);
      } finally {
        immutable(path, false);
      }
      expect(readFileSync(circle, "utf8")).toBe(before);
      expect(stagings(dir)).toEqual([]);
    };
    refusedWhileImmutable(models, "Cannot write to out: out/models cannot be written in (EPERM); nothing was changed");
    // The output folder itself, where the staging folder is made.
    refusedWhileImmutable(join(dir, "out"), "Cannot write to out: out cannot be written in (EPERM); nothing was changed");
    // A file in the way of a move (made immutable): named, never the staging folder.
    refusedWhileImmutable(circle, "Cannot write to out: out/models/circle.ts cannot be replaced (EPERM); nothing was changed");
    // A new output folder under one that cannot be written in: the nearest folder that exists is named.
    mkdirSync(join(dir, "locked"));
    refusedWhileImmutable(join(dir, "locked"), "Cannot write to locked/new/deeper: locked cannot be written in (EPERM); nothing was changed", ["generate", "docs", "--out", "locked/new/deeper", "--no-cache"]);
    refusedWhileImmutable(join(dir, "locked"), "Cannot write to locked/new: locked cannot be written in (EPERM); nothing was changed", ["generate", "docs", "--out-file", "locked/new/api.ts", "--no-cache"]);
    expect(readdirSync(join(dir, "locked"))).toEqual([]);
    // An orphan mdtypes owns (its marker names its place) that cannot be unlinked.
    const orphan = join(models, "gone.ts");
    writeFileSync(orphan, `${readFileSync(circle, "utf8").split("\n")[0]!.replace("circle.md", "gone.md")}\nexport {};\n`);
    immutable(orphan, true);
    try {
      const kept = run(dir, ["generate"]);
      expect(kept.status).toBe(2);
      expect(kept.stderr).toBe("mdtypes: Cannot remove orphaned file out/models/gone.ts (EPERM); the 1 changed file was written: run generate again once the cause is fixed\n");
      expect(kept.stdout).not.toContain("removed");
    } finally {
      immutable(orphan, false);
    }
    expect(run(dir, ["check", "--no-cache"]).status).toBe(1);
    expect(run(dir, ["generate"]).status).toBe(0);
    expect(existsSync(orphan)).toBe(false);
    expect(run(dir, ["check", "--no-cache"]).status).toBe(0);
  });

  it("SIGINT while updating an existing output: the output is as it was and no staging folder is left", () => {
    const dir = project();
    editDoc(dir);
    const before = readFileSync(join(dir, "out", "models", "circle.ts"), "utf8");
    const result = run(dir, ["generate"], { MDTYPES_FAULT: "after-staging:SIGINT" });
    expect(result.signal).toBe("SIGINT");
    expect(readFileSync(join(dir, "out", "models", "circle.ts"), "utf8")).toBe(before);
    expect(stagings(dir)).toEqual([]);
    expect(run(dir, ["check"]).status).toBe(1);
  });

  it("an existing output is staged inside itself (only it must be writable), in a folder git ignores; a killed run's is removed by the next", () => {
    const dir = project();
    editDoc(dir);
    const killed = run(dir, ["generate"], { MDTYPES_FAULT: "after-staging" });
    expect(killed.signal).toBe("SIGKILL");
    const left = stagings(dir);
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(/^out\/\.mdtypes-staging-\d+-/);
    expect(readFileSync(join(dir, left[0] as string, ".gitignore"), "utf8")).toBe("*\n");
    expect(run(dir, ["check"]).stdout).not.toContain("mdtypes-staging"); // not output, not an orphan
    expect(run(dir, ["generate"]).status).toBe(0);
    expect(stagings(dir)).toEqual([]);
  });
});

describe("colour is decided for each stream", () => {
  it("NO_COLOR turns it off, FORCE_COLOR on, else a terminal decides", () => {
    expect(colorFor({ isTTY: true }, {})).toBe(true);
    expect(colorFor({ isTTY: false }, {})).toBe(false);
    expect(colorFor({ isTTY: true }, { TERM: "dumb" })).toBe(false);
    expect(colorFor({ isTTY: false }, { FORCE_COLOR: "1" })).toBe(true);
    expect(colorFor({ isTTY: true }, { FORCE_COLOR: "0" })).toBe(false);
    expect(colorFor({ isTTY: true }, { NO_COLOR: "1", FORCE_COLOR: "1" })).toBe(false);
  });

  it("a diff redirected to a file has no escape codes while the terminal's summary is coloured", async () => {
    const dir = project();
    editDoc(dir);
    let stdout = "";
    let stderr = "";
    const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd: dir, color: true, stdoutColor: false, progress: false };
    expect(await main(["check"], io)).toBe(1);
    expect(stdout).toContain("+/** Edited. */");
    expect(stdout).not.toContain("\x1b");
    expect(stderr).toContain("\x1b[31m✖");
  });

  it("FORCE_COLOR=1 colours output that is not a terminal", () => {
    const dir = project();
    editDoc(dir);
    const result = run(dir, ["check"], { FORCE_COLOR: "1" });
    expect(result.stdout).toContain("\x1b[32m+");
    expect(run(dir, ["check"]).stdout).not.toContain("\x1b");
  });
});

describe("the config is found as tsc and ESLint find theirs, or named", () => {
  it("check from a subfolder finds the project's config; its paths are relative to it; the cache goes beside it", () => {
    const dir = project();
    mkdirSync(join(dir, "src", "deep"), { recursive: true });
    const result = run(join(dir, "src", "deep"), ["check"]);
    expect(result.stderr).toMatch(/^✔ \.\.\/\.\.\/out: in sync with \.\.\/\.\.\/docs /);
    expect(result.status).toBe(0);
    expect(existsSync(join(dir, ".mdtypes-cache"))).toBe(true);
    expect(existsSync(join(dir, "src", "deep", ".mdtypes-cache"))).toBe(false);
  });

  it("the search stops at the repository root", () => {
    const dir = project();
    mkdirSync(join(dir, "repo", ".git"), { recursive: true });
    const result = run(join(dir, "repo"), ["check"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^mdtypes: Nothing to do/);
  });

  it("--config names a config file anywhere; its paths are relative to it", () => {
    const dir = project();
    mkdirSync(join(dir, "ci"));
    writeFileSync(join(dir, "ci", "types.json"), JSON.stringify({ input: "../docs", output: "../out2" }));
    expect(run(dir, ["generate", "--config", "ci/types.json"]).status).toBe(0);
    expect(existsSync(join(dir, "out2", "models", "circle.ts"))).toBe(true);
    writeFileSync(join(dir, "ci", "bad.json"), JSON.stringify({ inptu: "x" }));
    expect(run(dir, ["check", "-c", "ci/bad.json"]).stderr).toBe('mdtypes: ci/bad.json: unknown key "inptu"\n');
  });

  it("a node_modules in the project's root puts the cache in node_modules/.cache/mdtypes", () => {
    const dir = project();
    mkdirSync(join(dir, "node_modules"));
    expect(run(dir, ["generate"]).status).toBe(0);
    expect(existsSync(join(dir, "node_modules", ".cache", "mdtypes", ".gitignore"))).toBe(true);
  });
});

describe("diagnostics summarised on a terminal", () => {
  const diagnostic = (ruleId: Diagnostic["ruleId"], severity: Diagnostic["severity"], line: number): Diagnostic => ({ ruleId, severity, file: "docs/x.md", line, column: 1, message: "m" });

  it("errors first, then warnings, the first few of each rule in full, then a count of the rest", () => {
    const diagnostics = [
      ...Array.from({ length: 5 }, (_, i) => diagnostic("unknown-type", "warning", i + 1)),
      diagnostic("unresolved-link", "error", 9),
      diagnostic("not-a-model", "info", 10),
    ];
    const entries = humanEntries(diagnostics, false);
    expect(entries.map((e) => ("note" in e ? e.note : `${e.diagnostic.ruleId}@${e.diagnostic.line}`))).toEqual([
      "unresolved-link@9",
      ...Array.from({ length: SHOWN_PER_RULE }, (_, i) => `unknown-type@${i + 1}`),
      `… ${5 - SHOWN_PER_RULE} more \`unknown-type\` warnings (run with --verbose or --reporter json for all)`,
    ]);
    expect(humanEntries(diagnostics, true)).toHaveLength(7);
  });

  it("a tree mixing SDK languages: mixed-flavours first and alone, a few lines in all; JSON keeps every diagnostic", () => {
    const dir = tempDir();
    cpSync(join(ROOT, "fixtures", "python"), join(dir, "docs", "py"), { recursive: true });
    cpSync(join(ROOT, "fixtures", "typescript"), join(dir, "docs", "ts"), { recursive: true });
    const human = run(dir, ["generate", "docs", "--out", "out"]);
    expect(human.status).toBe(1);
    const lines = human.stderr.trimEnd().split("\n");
    expect(lines[0]).toMatch(/ error  .*\[mixed-flavours\]$/);
    expect(lines.length).toBeLessThanOrEqual(8);
    expect(human.stderr).toMatch(/… \d+ more diagnostics follow from this error; fix it first/);
    const json = JSON.parse(run(dir, ["generate", "docs", "--out", "out", "--reporter", "json"]).stdout) as { diagnostics: Diagnostic[] };
    expect(json.diagnostics.length).toBeGreaterThan(lines.length);
  });
});

describe("the surface", () => {
  it("argument errors are one line in the form of every other error, exit 2", () => {
    const dir = tempDir();
    for (const [args, message] of [
      [["generate", "--nullability", "x"], /^mdtypes: option '--nullability <policy>' argument 'x' is invalid\. Allowed choices are lenient, as-documented\. \(run `mdtypes generate --help` for usage\)\n$/],
      [["check", "--bogus"], /^mdtypes: unknown option '--bogus' \(run `mdtypes check --help` for usage\)\n$/],
      [["bogus"], /^mdtypes: unknown command 'bogus' \(run `mdtypes --help` for usage\)\n$/],
      [["generate", "--workers", "100000"], /^mdtypes: option '--workers <n>' argument '100000' is invalid\. expected a whole number from 0 to 64, or "auto" /],
    ] as const) {
      const result = run(dir, args);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(message);
    }
  });

  it("one model, one file: singular words", () => {
    const dir = tree({ "docs/widget.md": DOC("Widget") });
    const result = run(dir, ["generate", "docs", "--out", "out", "--flavour", "python", "--workers", "0"]);
    expect(result.stderr).toMatch(/^✔ out: 1 model from 1 python doc by Speakeasy in docs; 3 files written, 0 unchanged \(.*; 1 doc parsed; no problems\)\.\n$/);
    writeFileSync(join(dir, "docs", "widget.md"), DOC("Widget", "| `id` | *int* | :heavy_check_mark: | N/A |\n"));
    expect(run(dir, ["generate", "docs", "--out", "out", "--flavour", "python"]).stderr).toMatch(/; 1 file written, 2 unchanged /);
  });

  it("--reporter github shows the drift's diff: in the annotation and, whole, in a log group", () => {
    const dir = project();
    editDoc(dir);
    const result = run(dir, ["check", "--reporter", "github"]);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^::error file=out\/models\/circle\.ts,title=mdtypes%3A changed::out\/models\/circle\.ts differs .*%0A%0A.*%0A\+\/\*\* Edited\. \*\/%0A/m);
    expect(result.stdout).toContain("::group::mdtypes: diff of out/models/circle.ts\n");
    expect(result.stdout).toMatch(/\n\+\/\*\* Edited\. \*\/\n[^]*::endgroup::\n/);
  });

  it("every command's --help has examples and its exit codes", () => {
    for (const command of ["generate", "check", "ir", ""]) {
      const help = run(ROOT, command ? [command, "--help"] : ["--help"]).stdout;
      expect(help).toMatch(/\nExamples:\n {2}mdtypes /);
      expect(help).toMatch(/Exit codes: 0 /);
    }
  });
});

describe("watch mode", () => {
  it("--reporter json prints one report per line (NDJSON); Ctrl-C ends the process by the signal (130 in a shell)", async () => {
    const dir = project();
    const watch = watching(dir, "--reporter", "json");
    try {
      await watch.until(() => /Watching 1 folder/.test(watch.stderr), "the watcher");
      editDoc(dir);
      await watch.until(() => watch.stdout.split("\n").filter(Boolean).length >= 2, "a second report");
    } finally {
      await watch.stop();
    }
    const lines = watch.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    const reports = lines.map((line) => JSON.parse(line) as { ok: boolean; targets: { written: { written: string[] } }[] });
    expect(reports.every((r) => r.ok)).toBe(true);
    expect(reports[1]?.targets[0]?.written.written).toEqual(["models/circle.ts"]);
    expect(watch.child.signalCode).toBe("SIGINT");
  });

  it("a signal that comes while idle, a change waiting out its debounce or not, ends the process by the signal at once: no regeneration starts", async () => {
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
      const dir = project();
      const watch = watching(dir);
      await watch.until(() => /Watching 1 folder/.test(watch.stderr), "the watcher");
      const mark = watch.stderr.length;
      editDoc(dir);
      watch.child.kill(signal);
      await watch.ended();
      expect(watch.child.signalCode).toBe(signal);
      expect(watch.stderr.slice(mark)).toBe("");
      expect(readFileSync(join(dir, "out", "models", "circle.ts"), "utf8")).not.toContain("Edited.");
    }
  });

  it("a config deleted and made again (a branch switched, a stash popped) is seen: every target regenerates with it", async () => {
    const dir = project();
    const watch = watching(dir);
    try {
      await watch.until(() => /Watching 1 folder/.test(watch.stderr), "the watcher");
      rmSync(join(dir, "mdtypes.config.json"));
      await watch.until(() => /Nothing to do/.test(watch.stderr), "the config's going");
      writeFileSync(join(dir, "mdtypes.config.json"), JSON.stringify({ input: "docs", output: "elsewhere" }));
      await watch.until(() => existsSync(join(dir, "elsewhere", "models", "circle.ts")), "the config's return");
      writeFileSync(join(dir, "mdtypes.config.json"), JSON.stringify({ input: "docs", output: "third" }));
      await watch.until(() => existsSync(join(dir, "third", "models", "circle.ts")), "a change to the config made again");
    } finally {
      await watch.stop();
    }
    expect(watch.stderr).not.toMatch(STACK);
  });

  it("the reader of its output gone (--reporter json | head -1): the watch ends after the run under way, exit 141, no stack", async () => {
    const dir = project();
    const watch = watching(dir, "--reporter", "json");
    // The first report comes before the watcher is ready: a change before then would go unseen.
    await watch.until(() => watch.stdout.includes("\n") && /Watching 1 folder/.test(watch.stderr), "the first report and the watcher");
    watch.child.stdout.destroy();
    editDoc(dir);
    await watch.ended();
    expect(watch.child.exitCode).toBe(141);
    expect(watch.stderr).not.toMatch(STACK);
    expect(run(dir, ["check", "--no-cache"]).status).toBe(0);
  });

  it("a folder or file it cannot watch (no permission) is told in one line, and watching goes on", async () => {
    const dir = project();
    // Root reads every folder: the watch then runs as another user, whom a folder made by root with mode 700 shuts out.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) spawnSync("chmod", ["-R", "a+rwX", dir]);
    const watch = watchingAs(asRoot ? { uid: 65534, gid: 65534 } : {}, dir);
    try {
      await watch.until(() => /Watching 1 folder/.test(watch.stderr), "the watcher");
      mkdirSync(join(dir, "docs", "shut"), { mode: asRoot ? 0o700 : 0o000 });
      await watch.until(() => /Cannot watch docs\/shut: EACCES; watching goes on/.test(watch.stderr), "the one line");
      spawnSync("chmod", ["700", join(dir, "docs", "shut")]);
      rmSync(join(dir, "docs", "shut"), { recursive: true, force: true });
      const mark = watch.stderr.length;
      editDoc(dir);
      await watch.until(() => /Watching for changes/.test(watch.stderr.slice(mark)), "a regeneration after it");
      expect(readFileSync(join(dir, "out", "models", "circle.ts"), "utf8")).toContain("Edited.");
    } finally {
      await watch.stop();
    }
    expect(watch.child.signalCode).toBe("SIGINT");
    expect(watch.stderr).not.toMatch(STACK);
  });

  it("Ctrl-C during a regeneration ends it where it stands, as it ends a generate: nothing written, the process ended by the signal", async () => {
    const dir = tempDir();
    cpSync(join(ROOT, "fixtures", "python", "semantics"), join(dir, "docs"), { recursive: true });
    // A remark plugin that holds the reading of a doc that says SLOW for a while, having said so: the signal lands during the regeneration.
    mkdirSync(join(dir, "plugins"));
    writeFileSync(
      join(dir, "plugins", "slow.mjs"),
      `import { writeFileSync } from "node:fs";
export default function slow() {
  return (tree) => {
    if (!JSON.stringify(tree).includes("SLOW")) return;
    writeFileSync("started", "");
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
  };
}
`,
    );
    writeFileSync(join(dir, "mdtypes.config.json"), JSON.stringify({ input: "docs", output: "out", remarkPlugins: ["./plugins/slow.mjs"] }));
    expect(run(dir, ["generate"]).status).toBe(0);
    const before = readFileSync(join(dir, "out", "models", "circle.ts"), "utf8");
    const watch = watching(dir, "--workers", "0");
    await watch.until(() => /Watching 1 folder/.test(watch.stderr), "the watcher");
    editDoc(dir, "SLOW");
    await watch.until(() => existsSync(join(dir, "started")), "the regeneration");
    await watch.stop();
    expect(watch.child.signalCode).toBe("SIGINT");
    expect(readFileSync(join(dir, "out", "models", "circle.ts"), "utf8")).toBe(before);
    expect(readdirSync(join(dir, "out")).filter((name) => name.includes("mdtypes-staging"))).toEqual([]);
  });

  it("a signal during a watch regeneration's commit (which never pauses): the output committed whole, no 'Watching for changes' after it, the process ended by the signal", async () => {
    for (const signal of ["SIGINT", "SIGTERM"]) {
      const dir = project();
      // The output is up to date: the watch's first run commits nothing, so the fault fires in the regeneration's commit.
      const watch = watchingWith({ MDTYPES_FAULT: `in-commit:${signal}` }, dir);
      await watch.until(() => /Watching 1 folder/.test(watch.stderr), "the watcher");
      const mark = watch.stderr.length;
      editDoc(dir);
      if (watch.child.exitCode === null && watch.child.signalCode === null) await new Promise((r) => watch.child.on("exit", r));
      expect(watch.child.signalCode).toBe(signal);
      expect(watch.stderr.slice(mark)).not.toMatch(/Watching for changes/);
      expect(readFileSync(join(dir, "out", "models", "circle.ts"), "utf8")).toContain("/** Edited. */");
      expect(run(dir, ["check", "--no-cache"]).status).toBe(0);
    }
  });
});

describe("found by a newcomer's pass", () => {
  it("a folder where a module goes, or a file where a folder goes: refused before anything is written, one line, exit 2", () => {
    const dir = project();
    const before = readFileSync(join(dir, "out", "_runtime.ts"), "utf8");
    editDoc(dir);
    rmSync(join(dir, "out", "models", "circle.ts"));
    mkdirSync(join(dir, "out", "models", "circle.ts"));
    writeFileSync(join(dir, "out", "_runtime.ts"), "// Generated by mdtypes: the runtime of this output folder. Do not edit: run `mdtypes generate`.\nstale\n");
    const blocked = run(dir, ["generate"]);
    expect(blocked.status).toBe(2);
    expect(blocked.stderr).toBe("mdtypes: Refusing to write out/models/circle.ts: a folder (or another thing that is no file) is in its place. Move or delete it.\n");
    expect(readFileSync(join(dir, "out", "_runtime.ts"), "utf8")).toMatch(/\nstale\n$/); // nothing committed
    rmSync(join(dir, "out", "models", "circle.ts"), { recursive: true });
    rmSync(join(dir, "out", "models"), { recursive: true });
    writeFileSync(join(dir, "out", "models"), "mine\n");
    const file = run(dir, ["generate"]);
    expect(file.status).toBe(2);
    expect(file.stderr).toMatch(/^mdtypes: Refusing to write out\/models\/.*\.ts: out\/models is a file where a folder must be\. Move or delete it\.\n$/);
    expect(readdirSync(join(dir, "out")).filter((n) => n.includes("staging"))).toEqual([]);
    rmSync(join(dir, "out", "models"));
    expect(run(dir, ["generate"]).status).toBe(0);
    expect(readFileSync(join(dir, "out", "_runtime.ts"), "utf8")).toBe(before);
  });

  it("a doc file name holding a line break: the module's first line stays one line, compiles, and is recognised as ours", () => {
    const name = "a\n::error title=PWN::injected.md";
    const dir = tree({ [`docs/${name}`]: DOC("A"), "docs/b\u001b[2Jc.md": DOC("B") });
    expect(run(dir, ["generate", "docs", "--out", "out", "--flavour", "python"]).status).toBe(0);
    const module = readdirSync(join(dir, "out")).find((n) => n.startsWith("a")) as string;
    const text = readFileSync(join(dir, "out", module), "utf8");
    expect(text.split("\n")[0]).toBe("// Generated by mdtypes from `a\\n::error title=PWN::injected.md`. Do not edit: change the doc and run `mdtypes generate`.");
    expect(run(dir, ["generate", "docs", "--out", "out", "--flavour", "python"]).status).toBe(0); // ours, so rewritable
    for (const m of readdirSync(join(dir, "out")).filter((n) => n.endsWith(".ts") && n !== "index.ts" && n !== "_runtime.ts")) writeFileSync(join(dir, "out", m), `${readFileSync(join(dir, "out", m), "utf8")}// edited\n`);
    const github = run(dir, ["check", "docs", "--out", "out", "--flavour", "python", "--reporter", "github"]);
    expect(github.status).toBe(1);
    expect(github.stdout.split("\n").filter((line) => line.startsWith("::error title=PWN"))).toEqual([]);
    expect(github.stdout).not.toMatch(/\u001b/);
  });

  it("an output reached through a symbolic link is the folder it links to: two targets writing there are refused", () => {
    const dir = tree({ "a/x.md": DOC("X") });
    mkdirSync(join(dir, "out"));
    symlinkSync(join(dir, "out"), join(dir, "outlink"));
    writeFileSync(join(dir, "mdtypes.config.json"), JSON.stringify({ flavour: "python", targets: [{ input: "a", output: "out" }, { input: "a", output: "outlink" }] }));
    const result = run(dir, ["generate"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('mdtypes: targets "out" and "outlink" write into the same folder (out and outlink); give each its own "output"\n');
  });

  it("github: the root cause is the first annotation; JSON: each diagnostic names its target", () => {
    const dir = tempDir();
    cpSync(join(ROOT, "fixtures", "python"), join(dir, "docs", "py"), { recursive: true });
    cpSync(join(ROOT, "fixtures", "typescript"), join(dir, "docs", "ts"), { recursive: true });
    const github = run(dir, ["generate", "docs", "--out", "out", "--reporter", "github"]);
    expect(github.stdout.split("\n")[0]).toMatch(/^::error .*title=mixed-flavours::Unexpected .* \(docs by the language they look: Python \d+, TypeScript \d+\)/);
    const json = JSON.parse(run(dir, ["generate", "docs", "--out", "out", "--reporter", "json"]).stdout) as { diagnostics: (Diagnostic & { target: string })[] };
    expect(new Set(json.diagnostics.map((d) => d.target))).toEqual(new Set(["out"]));
  });

  it("JSON: each target says the dialect and language its docs were read as", () => {
    const dir = project();
    const json = JSON.parse(run(dir, ["check", "--reporter", "json"]).stdout) as { targets: { dialect: string; language: string }[] };
    expect(json.targets.map((t) => [t.dialect, t.language])).toEqual([["speakeasy", "python"]]);
  });

  it("watch: an input folder moved away and back is watched again; a missing input at the start is exit 2", async () => {
    const dir = project();
    expect(run(dir, ["generate", "nowhere", "--out", "x", "--watch"]).status).toBe(2);
    const watch = watching(dir);
    try {
      await watch.until(() => /Watching 1 folder/.test(watch.stderr), "the watcher");
      renameSync(join(dir, "docs"), join(dir, "docs.away"));
      await watch.until(() => /does not exist/.test(watch.stderr), "the folder's going");
      renameSync(join(dir, "docs.away"), join(dir, "docs"));
      await watch.until(() => (watch.stderr.match(/Watching for changes/g) ?? []).length >= 2, "the folder's return");
      const mark = watch.stderr.length;
      editDoc(dir);
      await watch.until(() => /1 file written/.test(watch.stderr.slice(mark)), "the edit after the return");
    } finally {
      await watch.stop();
    }
    expect(readFileSync(join(dir, "out", "models", "circle.ts"), "utf8")).toContain("/** Edited. */");
  });
});
