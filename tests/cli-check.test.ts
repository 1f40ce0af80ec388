/**
 * `mdtypes check` and the safety of `generate`, through the built binary on a
 * scratch copy of a corpus SDK (the Discord Python docs; the repo's own
 * fixtures when ../shared is absent). Issue #3's cases, one test each.
 */

import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { HAS_CORPUS, ROOT, SPEAKEASY_CORPUS, startWatch } from "./helpers.js";

const BIN = join(ROOT, "bin", "mdtypes.js");
const SOURCE = HAS_CORPUS ? join(SPEAKEASY_CORPUS, "ryan-blunden__discord-python-sdk", "docs", "models") : join(ROOT, "fixtures", "python", "discord", "models");
/** A doc of the source and one of its fields, to edit. */
const DOC = "auditlogentryresponse.md";

const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/**
 * A scratch project: `docs/models/` (a copy of the SDK docs, in their own
 * layout: their links go `../models/x.md`), a config pointing it at `out/`,
 * and `out/` generated.
 */
function project(generate = true): string {
  const dir = mkdtempSync(join(tmpdir(), "mdtypes-check-"));
  scratch.push(dir);
  cpSync(SOURCE, join(dir, "docs", "models"), { recursive: true });
  writeFileSync(join(dir, "mdtypes.config.json"), JSON.stringify({ input: "docs/models", output: "out" }));
  if (generate) expect(run(dir, "generate").status).toBe(0);
  return dir;
}

function run(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, MDTYPES_FAULT: "" } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file under `dir` with its text and modification time. */
function snapshot(dir: string): Record<string, { text: string; mtime: number }> {
  const out: Record<string, { text: string; mtime: number }> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      const info = statSync(path);
      if (info.isDirectory()) walk(path);
      else out[relative(dir, path)] = { text: readFileSync(path, "utf8"), mtime: info.mtimeMs };
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

function editDoc(dir: string): void {
  const path = join(dir, "docs", "models", DOC);
  const text = readFileSync(path, "utf8");
  const edited = text.replace("| `id` ", "| `ident` ");
  expect(edited).not.toBe(text);
  writeFileSync(path, edited);
}

describe("mdtypes check", () => {
  it("in sync: exit 0, and no file touched (by check, nor by a second generate)", () => {
    const dir = project();
    const before = snapshot(join(dir, "out"));
    const result = run(dir, "check");
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/✔ out: in sync with docs\/models/);
    expect(run(dir, "generate").status).toBe(0);
    expect(snapshot(join(dir, "out"))).toEqual(before);
  });

  it("one doc edited: exit 1, the file named, a diff shown, nothing written", () => {
    const dir = project();
    editDoc(dir);
    const before = snapshot(join(dir, "out"));
    const result = run(dir, "check");
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("changed   out/auditlogentryresponse.ts");
    expect(result.stdout).toContain("--- out/auditlogentryresponse.ts\ton disk");
    expect(result.stdout).toContain("+++ out/auditlogentryresponse.ts\tfrom the docs");
    expect(result.stdout).toMatch(/^-  id: string;$/m);
    expect(result.stdout).toMatch(/^\+  ident: string;$/m);
    expect(result.stderr).toContain("✖ out: out of date with docs/models (1 changed)");
    expect(snapshot(join(dir, "out"))).toEqual(before);
  });

  it("reports every changed file, not only the first", () => {
    const dir = project();
    const out = join(dir, "out");
    const files = Object.keys(snapshot(out)).filter((p) => p.endsWith(".ts") && p !== "index.ts").slice(0, 3);
    for (const file of files) writeFileSync(join(out, file), `${readFileSync(join(out, file), "utf8")}// hand edit\n`);
    const result = run(dir, "check");
    expect(result.status).toBe(1);
    for (const file of files) expect(result.stdout).toContain(`changed   out/${file}`);
  });

  it("a generated file deleted: exit 1, reported as missing", () => {
    const dir = project();
    unlinkSync(join(dir, "out", "auditlogentryresponse.ts"));
    const result = run(dir, "check");
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("missing   out/auditlogentryresponse.ts");
  });

  it("a stale file with the mdtypes header: exit 1, named as orphaned; generate removes it", () => {
    const dir = project();
    mkdirSync(join(dir, "out", "old"));
    // What generate wrote for a doc `old/gone.md` since deleted: its first line names that doc.
    const stale = join(dir, "out", "old", "gone.ts");
    writeFileSync(stale, readFileSync(join(dir, "out", "auditlogentryresponse.ts"), "utf8").replace("from `auditlogentryresponse.md`", "from `old/gone.md`"));
    // A generated file copied in by hand names another place: it is not this output's, and stays.
    const copied = join(dir, "out", "old", "copy.ts");
    writeFileSync(copied, readFileSync(join(dir, "out", "auditlogentryresponse.ts"), "utf8"));
    const result = run(dir, "check");
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("orphaned  out/old/gone.ts");
    const regenerated = run(dir, "generate");
    expect(regenerated.status).toBe(0);
    expect(regenerated.stderr).toContain("1 orphaned file removed");
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(copied)).toBe(true);
    expect(run(dir, "check").status).toBe(0);
  });

  it("a hand-written file in the output folder is ignored by both", () => {
    const dir = project();
    writeFileSync(join(dir, "out", "helpers.ts"), "export const hello = 1;\n");
    writeFileSync(join(dir, "out", "README.md"), "# mine\n");
    expect(run(dir, "check").status).toBe(0);
    expect(run(dir, "generate").status).toBe(0);
    expect(readFileSync(join(dir, "out", "helpers.ts"), "utf8")).toBe("export const hello = 1;\n");
    expect(readFileSync(join(dir, "out", "README.md"), "utf8")).toBe("# mine\n");
  });

  it("a hand-written file where a module belongs: check reports it, generate refuses to overwrite it", () => {
    const dir = project();
    const path = join(dir, "out", "auditlogentryresponse.ts");
    writeFileSync(path, "// my own code\n");
    const checked = run(dir, "check");
    expect(checked.status).toBe(1);
    expect(checked.stdout).toContain("changed   out/auditlogentryresponse.ts  (not marked as generated");
    const before = snapshot(join(dir, "out"));
    const generated = run(dir, "generate");
    expect(generated.status).toBe(2);
    expect(generated.stderr).toMatch(/^mdtypes: Refusing to overwrite out\/auditlogentryresponse\.ts/);
    expect(snapshot(join(dir, "out"))).toEqual(before);
  });

  it("every generated file converted to CRLF, or without its final newline: exit 0", () => {
    const dir = project();
    const out = join(dir, "out");
    const files = Object.keys(snapshot(out));
    files.forEach((file, i) => {
      const text = readFileSync(join(out, file), "utf8");
      writeFileSync(join(out, file), i % 2 === 0 ? text.replace(/\n/g, "\r\n") : text.replace(/\n$/, ""));
    });
    expect(run(dir, "check").status).toBe(0);
  });

  it("an unknown flag: exit 2 with usage", () => {
    const result = run(project(false), "check", "--frobnicate");
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("mdtypes: unknown option '--frobnicate' (run `mdtypes check --help` for usage)\n");
  });

  it("an input folder that does not exist: exit 2, one line, no stack", () => {
    const result = run(project(false), "check", "nowhere", "--out", "out");
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('mdtypes: Input folder "nowhere" does not exist\n');
    expect(result.stdout).toBe("");
  });

  it("a config with two targets whose second is stale: exit 1, the second named", () => {
    const dir = project();
    cpSync(join(dir, "docs"), join(dir, "docs2"), { recursive: true });
    writeFileSync(join(dir, "mdtypes.config.json"), JSON.stringify({ targets: [{ input: "docs/models", output: "out" }, { name: "second", input: "docs2/models", output: "out2" }] }));
    expect(run(dir, "generate").status).toBe(0);
    const second = join(dir, "docs2", "models", DOC);
    writeFileSync(second, readFileSync(second, "utf8").replace("| `id` ", "| `ident` "));
    const result = run(dir, "check");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("✔ out: in sync");
    expect(result.stderr).toContain("✖ second: out of date with docs2/models (1 changed)");
    expect(result.stdout).toContain("changed   out2/auditlogentryresponse.ts");
  });

  it("--reporter github prints ::error lines for doc errors and drift", () => {
    const dir = project();
    editDoc(dir);
    unlinkSync(join(dir, "out", "index.ts"));
    const drift = run(dir, "check", "--reporter", "github");
    expect(drift.status).toBe(1);
    expect(drift.stdout).toContain("::error file=out/auditlogentryresponse.ts,title=mdtypes%3A changed::out/auditlogentryresponse.ts differs from what its docs give");
    expect(drift.stdout).toContain("::error file=out/index.ts,title=mdtypes%3A missing::");
    const path = join(dir, "docs", "models", DOC);
    writeFileSync(path, readFileSync(path, "utf8").replace("[models.AuditLogObjectChangeResponse](../models/auditlogobjectchangeresponse.md)", "[models.Nothing](../models/nothing.md)"));
    const errors = run(dir, "check", "--reporter", "github");
    expect(errors.status).toBe(1);
    expect(errors.stdout).toMatch(/^::error file=docs\/models\/auditlogentryresponse\.md,line=\d+,col=\d+,title=unresolved-link::Unexpected link to missing doc `nothing\.md`/m);
  });

  it("--reporter json prints one valid JSON document with diagnostics and drift", () => {
    const dir = project();
    editDoc(dir);
    const result = run(dir, "check", "--reporter", "json");
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { ok: boolean; diagnostics: unknown[]; targets: { name: string; drift: { changed: { path: string; diff: string }[]; missing: string[]; orphaned: string[] } }[] };
    expect(report.ok).toBe(false);
    expect(Array.isArray(report.diagnostics)).toBe(true);
    expect(report.targets[0]?.drift.changed.map((c) => c.path)).toEqual(["auditlogentryresponse.ts"]);
    expect(report.targets[0]?.drift.changed[0]?.diff).toContain("+  ident: string;");
    expect(result.stderr).toBe("");
  });
});

describe("mdtypes generate: safety", () => {
  function breakLink(dir: string): void {
    const path = join(dir, "docs", "models", DOC);
    writeFileSync(path, readFileSync(path, "utf8").replace("[models.AuditLogObjectChangeResponse](../models/auditlogobjectchangeresponse.md)", "[models.Nothing](../models/nothing.md)"));
  }

  it("an error diagnostic: exit 1, file:line:column printed, output tree byte-identical", () => {
    const dir = project();
    editDoc(dir);
    breakLink(dir);
    const before = snapshot(join(dir, "out"));
    const result = run(dir, "generate");
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^docs\/models\/auditlogentryresponse\.md:\d+:\d+ {2}error {2}Unexpected link to missing doc `nothing\.md`/m);
    expect(result.stderr).toContain("nothing written");
    expect(snapshot(join(dir, "out"))).toEqual(before);
  });

  it("--rule unresolved-link=warning: exit 0, a warning naming the link, the field `unknown`", () => {
    const dir = project();
    breakLink(dir);
    const result = run(dir, "generate", "--rule", "unresolved-link=warning");
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/warning {2}Unexpected link to missing doc `nothing\.md`.*\[unresolved-link\]/);
    expect(readFileSync(join(dir, "out", "auditlogentryresponse.ts"), "utf8")).toContain("  changes?: unknown[] | null | undefined;\n");
    expect(run(dir, "check", "--rule", "unresolved-link=warning").status).toBe(0);
  });

  it("the rule severity can come from the config", () => {
    const dir = project();
    breakLink(dir);
    writeFileSync(join(dir, "mdtypes.config.json"), JSON.stringify({ input: "docs/models", output: "out", rules: { "unresolved-link": "off" } }));
    const result = run(dir, "generate");
    expect(result.status).toBe(0);
    expect(result.stderr).not.toContain("unresolved-link");
  });

  it("a crash after staging leaves the output tree as it was; the next run cleans up and finishes", () => {
    const dir = project();
    editDoc(dir);
    const before = snapshot(join(dir, "out"));
    const crashed = spawnSync(process.execPath, [BIN, "generate"], { cwd: dir, encoding: "utf8", env: { ...process.env, MDTYPES_FAULT: "after-staging" } });
    expect(crashed.signal).toBe("SIGKILL");
    // The staging folder is inside the output (a dot folder, which is no output file); the rest is as it was.
    const staged = readdirSync(join(dir, "out")).filter((name) => name.startsWith(".mdtypes-staging-"));
    expect(staged).toHaveLength(1);
    const after = snapshot(join(dir, "out"));
    for (const path of Object.keys(after)) if (path.startsWith(`${staged[0]}/`)) delete after[path];
    expect(after).toEqual(before);
    expect(run(dir, "generate").status).toBe(0);
    expect(readdirSync(join(dir, "out")).filter((name) => name.startsWith(".mdtypes-staging-"))).toEqual([]);
    expect(run(dir, "check").status).toBe(0);
  });

  it("a crash while writing a new output folder leaves no output folder; the next run cleans up and writes it", () => {
    const dir = project(false);
    const crashed = spawnSync(process.execPath, [BIN, "generate"], { cwd: dir, encoding: "utf8", env: { ...process.env, MDTYPES_FAULT: "after-staging" } });
    expect(crashed.signal).toBe("SIGKILL");
    expect(existsSync(join(dir, "out"))).toBe(false);
    expect(readdirSync(dir).filter((name) => name.startsWith(".out.mdtypes-staging-"))).toHaveLength(1);
    expect(run(dir, "generate").status).toBe(0);
    expect(readdirSync(dir).filter((name) => name.startsWith(".out.mdtypes-staging-"))).toEqual([]);
    expect(run(dir, "check").status).toBe(0);
  });

  it("a crash in the middle of the commit is finished by the next run", () => {
    const dir = project();
    for (const name of readdirSync(join(dir, "docs", "models")).filter((n) => n.endsWith(".md")).slice(0, 6)) {
      const path = join(dir, "docs", "models", name);
      writeFileSync(path, readFileSync(path, "utf8").replace(/^# (.*)$/m, "# $1\n\nEdited."));
    }
    const crashed = spawnSync(process.execPath, [BIN, "generate"], { cwd: dir, encoding: "utf8", env: { ...process.env, MDTYPES_FAULT: "during-commit" } });
    expect(crashed.signal).toBe("SIGKILL");
    expect(run(dir, "check").status).toBe(1);
    expect(run(dir, "generate").status).toBe(0);
    expect(run(dir, "check").status).toBe(0);
  });

  it("prints no progress line when stderr is not a terminal", () => {
    const result = run(project(false), "generate");
    expect(result.stderr).not.toContain("reading docs");
    expect(result.stderr).not.toContain("\r");
  });
});

describe("mdtypes generate --watch", () => {
  it("regenerates on a doc change, and keeps running through errors", async () => {
    const dir = project();
    const watch = startWatch(dir);
    const { child, waitFor } = watch;
    try {
      await waitFor(/Watching 1 folder/, 0);
      let mark = watch.stderr().length;
      const path = join(dir, "docs", "models", DOC);
      const original = readFileSync(path, "utf8");
      writeFileSync(path, original.replace("[models.AuditLogObjectChangeResponse](../models/auditlogobjectchangeresponse.md)", "[models.Nothing](../models/nothing.md)"));
      await waitFor(/Watching for changes/, mark);
      expect(watch.stderr().slice(mark)).toContain("nothing written");
      mark = watch.stderr().length;
      writeFileSync(path, original.replace("| `id` ", "| `ident` "));
      await waitFor(/Watching for changes/, mark);
      expect(watch.stderr().slice(mark)).toMatch(/✔ out: .* 1 file written/);
      expect(readFileSync(join(dir, "out", "auditlogentryresponse.ts"), "utf8")).toContain("  ident: string;\n");
    } finally {
      await watch.stop();
    }
    expect(child.signalCode).toBe("SIGINT"); // ended by Ctrl-C, which a shell reports as 130
  });
});
