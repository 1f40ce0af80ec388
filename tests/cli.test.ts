/**
 * The CLI, run as the built binary in a subprocess: exit codes, output
 * formats, config defaults and determinism (DESIGN.md, "CLI contract").
 */

import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { finish, readDoc, render } from "../src/recipe.js";
import { resolveOptions } from "../src/ir/options.js";
import { prepare } from "../src/stages/prepare.js";
import { ROOT, snapshot } from "./helpers.js";

const BIN = join(ROOT, "bin", "mdtypes.js");
const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** A scratch project: the repo's fixtures and config, in a temporary folder. */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), "mdtypes-cli-"));
  scratch.push(dir);
  cpSync(join(ROOT, "fixtures"), join(dir, "fixtures"), { recursive: true });
  cpSync(join(ROOT, "mdtypes.config.json"), join(dir, "mdtypes.config.json"));
  return dir;
}

function run(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("mdtypes generate", () => {
  it("with no arguments, reads mdtypes.config.json and reproduces generated/ byte for byte", () => {
    const dir = project();
    const result = run(dir, "generate");
    expect(result.status).toBe(0);
    for (const flavour of ["python", "typescript", "go", "java", "csharp", "php", "ruby"]) {
      expect(result.stderr).toMatch(new RegExp(`^✔ ${flavour}: \\d+ models from \\d+ ${flavour} docs by Speakeasy in fixtures/${flavour}; \\d+ files written`, "m"));
    }
    expect(snapshot(join(dir, "generated"))).toEqual(snapshot(join(ROOT, "generated")));
  });

  it("gives the same bytes when run twice, and rewrites nothing the second time", () => {
    const dir = project();
    run(dir, "generate");
    const first = snapshot(join(dir, "generated"));
    const second = run(dir, "generate");
    expect(second.stderr.match(/; 0 files written/g)).toHaveLength(JSON.parse(readFileSync(join(ROOT, "mdtypes.config.json"), "utf8")).targets.length);
    expect(snapshot(join(dir, "generated"))).toEqual(first);
  });

  it("takes [input] and --out over the config", () => {
    const dir = project();
    const result = run(dir, "generate", "fixtures/python/discord", "--out", "elsewhere");
    expect(result.status).toBe(0);
    expect(Object.keys(snapshot(join(dir, "elsewhere"))).sort()).toEqual(["_runtime.ts", "index.ts", "models/auditlogentryresponse.ts", "models/auditlogobjectchangeresponse.ts", "models/index.ts"]);
  });

  it("exits 1 on error diagnostics, prints file:line:column, and writes nothing", () => {
    const dir = project();
    const result = run(dir, "generate", "fixtures/invalid/unresolved-link", "--out", "out");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("fixtures/invalid/unresolved-link/models/order.md:8:16  error  Unexpected link to missing doc");
    expect(result.stderr).toContain("[unresolved-link]");
    expect(readdirSync(dir)).not.toContain("out");
  });

  it("--rule turns an error into a warning and generation goes on, with the field unknown", () => {
    const dir = project();
    const result = run(dir, "generate", "fixtures/invalid/unresolved-link", "--out", "out", "--rule", "unresolved-link=warning");
    expect(result.status).toBe(0);
    expect(result.stderr).toContain("warning  Unexpected link to missing doc `models/customer.md`");
    expect(readFileSync(join(dir, "out", "models", "order.ts"), "utf8")).toContain("  customer: unknown;\n");
  });

  it("--reporter json prints one JSON document; github prints annotations", () => {
    const dir = project();
    const json = run(dir, "generate", "fixtures/invalid/unresolved-link", "--out", "out", "--reporter", "json");
    expect(json.status).toBe(1);
    const parsed = JSON.parse(json.stdout) as { diagnostics: { ruleId: string; line: number }[] };
    expect(parsed.diagnostics.map((d) => `${d.ruleId}:${d.line}`)).toEqual(["unresolved-link:8", "unresolved-link:9"]);
    const github = run(dir, "generate", "fixtures/invalid/unresolved-link", "--out", "out", "--reporter", "github");
    expect(github.stdout.split("\n")[0]).toBe(
      "::error file=fixtures/invalid/unresolved-link/models/order.md,line=8,col=16,title=unresolved-link::Unexpected link to missing doc `models/customer.md`, expected a link to a model doc in the input; the type becomes `unknown`",
    );
  });

  it("exits 2 with one line and no stack for a missing input folder", () => {
    const dir = project();
    const result = run(dir, "generate", "no/such/folder", "--out", "out");
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('mdtypes: Input folder "no/such/folder" does not exist\n');
  });

  it("exits 2 with usage for an unknown flag", () => {
    const result = run(project(), "generate", "--frobnicate");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("unknown option '--frobnicate'");
  });

  it("exits 2 for a config with an unknown key, naming it", () => {
    const dir = project();
    writeFileSync(join(dir, "mdtypes.config.json"), '{ "input": "fixtures", "output": "generated", "outptu": "x" }');
    const result = run(dir, "generate");
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('mdtypes: mdtypes.config.json: unknown key "outptu"\n');
  });

  it("exits 2 without an output folder", () => {
    const dir = project();
    rmSync(join(dir, "mdtypes.config.json"));
    const result = run(dir, "generate", "fixtures");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("No output folder");
  });

  it("prints --help with examples, and --version", () => {
    const help = run(ROOT, "generate", "--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("Examples:");
    const version = run(ROOT, "--version");
    expect(version.stdout.trim()).toBe((JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version);
  });
});

describe("mdtypes ir", () => {
  it("prints the IR as one JSON document", () => {
    const result = run(project(), "ir", "fixtures/python/discord");
    expect(result.status).toBe(0);
    const ir = JSON.parse(result.stdout) as { models: { id: string; kind: string; fields?: { name: string }[] }[] };
    expect(ir.models.map((m) => m.id)).toEqual(["models/auditlogentryresponse.md", "models/auditlogobjectchangeresponse.md"]);
    expect(ir.models[0]?.fields?.map((f) => f.name)).toEqual(["id", "action_type", "user_id", "target_id", "changes", "options", "reason"]);
  });
});

describe("determinism", () => {
  it.each(["python", "typescript", "go", "ruby"])("the same docs in another order give the same bytes (%s)", async (flavour) => {
    const input = join(ROOT, "fixtures", flavour);
    const rendered = await render(input, resolveOptions());
    const ids = Object.keys(snapshot(input)).filter((p) => p.endsWith(".md"));
    const sources = ids.map((id) => ({ id, source: readFileSync(join(input, id), "utf8") }));
    const read = (order: typeof sources) => {
      const prepared = prepare(order, resolveOptions());
      return finish(input, order.map((d) => readDoc(d.id, d.source, prepared.options)), prepared.options, prepared.diagnostics);
    };
    const reversed = read([...sources].reverse());
    const shuffled = read([...sources].sort((a, b) => (a.id.split("").reverse().join("") < b.id.split("").reverse().join("") ? -1 : 1)));
    expect(reversed.files).toEqual(rendered.files);
    expect(shuffled.files).toEqual(rendered.files);
    expect(reversed.diagnostics).toEqual(rendered.diagnostics);
  });

  it("output has LF line ends and no absolute paths", async () => {
    const { files } = await render(join(ROOT, "fixtures", "python"), resolveOptions());
    for (const file of files) {
      expect(file.content).not.toContain("\r");
      expect(file.content).not.toContain(ROOT);
    }
  });
});
