/**
 * Every option of mdtypes.config.json is also a flag, and a flag wins over
 * the config; the defaults are the safe ones (null admitted where the docs
 * cannot say) and say out loud what they cannot decide (PascalCase names).
 * All through the built binary.
 */

import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Diagnostic } from "../src/ir/diagnostics.js";
import { ROOT } from "./helpers.js";

const BIN = join(ROOT, "bin", "mdtypes.js");
const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** A scratch project holding copies of the given fixture folders. */
function project(...fixtures: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), "mdtypes-options-"));
  scratch.push(dir);
  for (const fixture of fixtures) cpSync(join(ROOT, "fixtures", fixture), join(dir, fixture), { recursive: true });
  return dir;
}

function run(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function report(cwd: string, ...args: string[]) {
  const result = run(cwd, ...args, "--reporter", "json", "--no-cache");
  return { ...result, json: JSON.parse(result.stdout) as { diagnostics: Diagnostic[]; targets: { flavour: string }[] } };
}

const AUDIT = "python/discord";
const auditModule = (dir: string, out = "out") => readFileSync(join(dir, out, "models", "auditlogentryresponse.ts"), "utf8");

describe("nullability", () => {
  it("by default admits null where the docs cannot say (the Discord seed: `changes`, `options`)", () => {
    const dir = project(AUDIT);
    expect(run(dir, "generate", AUDIT, "--out", "out").status).toBe(0);
    const module = auditModule(dir);
    expect(module).toContain("  changes?: AuditLogObjectChangeResponse[] | null | undefined;\n");
    expect(module).toContain("  options?: Record<string, string> | null | undefined;\n");
  });

  it("--nullability as-documented reads the doc literally", () => {
    const dir = project(AUDIT);
    expect(run(dir, "generate", AUDIT, "--out", "out", "--nullability", "as-documented").status).toBe(0);
    const module = auditModule(dir);
    expect(module).toContain("  changes?: AuditLogObjectChangeResponse[] | undefined;\n");
    expect(module).toContain("  options?: Record<string, string> | undefined;\n");
    expect(module).toContain("  user_id?: string | null | undefined;\n");
  });

  it("a flag wins over the config", () => {
    const dir = project(AUDIT);
    writeFileSync(join(dir, "mdtypes.config.json"), JSON.stringify({ input: AUDIT, output: "out", nullability: "as-documented" }));
    expect(run(dir, "generate", "--nullability", "lenient").status).toBe(0);
    expect(auditModule(dir)).toContain("  changes?: AuditLogObjectChangeResponse[] | null | undefined;\n");
  });
});

describe("each option as a flag", () => {
  it("--property-names camelCase and snake_case, the SDK's name in the JSDoc", () => {
    const dir = project(AUDIT);
    expect(run(dir, "generate", AUDIT, "--out", "camel", "--property-names", "camelCase").status).toBe(0);
    const camel = auditModule(dir, "camel");
    expect(camel).toContain("  actionType: 1;\n");
    expect(camel).toContain("The SDK names it `action_type`.");
    expect(run(dir, "generate", AUDIT, "--out", "snake", "--property-names", "snake_case").status).toBe(0);
    expect(auditModule(dir, "snake")).toContain("  action_type: 1;\n");
  });

  it("--unknown-keys reject", () => {
    const dir = project(AUDIT);
    expect(run(dir, "generate", AUDIT, "--out", "out", "--unknown-keys", "reject").status).toBe(0);
    expect(auditModule(dir)).toContain("$$unexpectedKey");
    expect(run(dir, "generate", AUDIT, "--out", "accept").status).toBe(0);
    expect(auditModule(dir, "accept")).not.toContain("$$unexpectedKey");
  });

  it("--import-extension .ts and --max-depth", () => {
    const dir = project(AUDIT);
    expect(run(dir, "generate", AUDIT, "--out", "out", "--import-extension", ".ts", "--max-depth", "7").status).toBe(0);
    expect(auditModule(dir)).toContain('from "../_runtime.ts"');
    expect(readFileSync(join(dir, "out", "_runtime.ts"), "utf8")).toContain("export const $$MAX_DEPTH = 7;");
  });

  it("--exclude (repeatable)", () => {
    const dir = project("python/petstore");
    // The error response and the code it links to: nothing else links to them.
    expect(run(dir, "generate", "python/petstore", "--out", "out", "--exclude", "**/errorresponse.md", "--exclude", "**/errorcode.md").status).toBe(0);
    expect(existsSync(join(dir, "out", "models", "errorresponse.ts"))).toBe(false);
    expect(existsSync(join(dir, "out", "models", "errorcode.ts"))).toBe(false);
    expect(existsSync(join(dir, "out", "models", "pet.ts"))).toBe(true);
  });

  it("--flavour and --dialect", () => {
    const dir = project(AUDIT);
    const forced = report(dir, "generate", AUDIT, "--out", "out", "--flavour", "go", "--dialect", "speakeasy");
    expect(forced.json.targets[0]?.flavour).toBe("go");
    expect(forced.json.diagnostics.some((d) => d.ruleId === "unknown-type")).toBe(true);
    expect(report(dir, "generate", AUDIT, "--out", "out2").json.targets[0]?.flavour).toBe("python");
  });

  it("--remark-plugin (repeatable), resolved from the working directory", () => {
    const dir = project();
    mkdirSync(join(dir, "docs"));
    writeFileSync(join(dir, "docs", "w.md"), "# W\n\n## Properties\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `id` | *str* | :heavy_check_mark: | N/A |\n");
    writeFileSync(join(dir, "fields.mjs"), 'export default () => (tree) => { for (const n of tree.children) if (n.type === "heading" && n.children[0]?.value === "Properties") n.children[0].value = "Fields"; };\n');
    expect(run(dir, "generate", "docs", "--out", "out", "--remark-plugin", "./fields.mjs").status).toBe(0);
    expect(readFileSync(join(dir, "out", "w.ts"), "utf8")).toContain("  id: string;\n");
  });

  it("a bad value is a usage error, exit 2", () => {
    const dir = project(AUDIT);
    for (const flag of [["--nullability", "loose"], ["--property-names", "kebab"], ["--max-depth", "0"], ["--flavour", "cobol"]]) {
      expect(run(dir, "generate", AUDIT, "--out", "out", ...flag).status, flag.join(" ")).toBe(2);
    }
  });
});

describe("PascalCase field names (Go, C# docs)", () => {
  const count = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.ruleId === "sdk-property-names");

  it("one warning per target, at a real place, when no policy was chosen", () => {
    const dir = project("go", "csharp");
    writeFileSync(join(dir, "mdtypes.config.json"), JSON.stringify({ targets: [{ input: "go", output: "out/go" }, { input: "csharp", output: "out/csharp" }] }));
    const result = report(dir, "generate");
    expect(result.status).toBe(0);
    const warnings = count(result.json.diagnostics);
    expect(warnings.map((d) => d.severity)).toEqual(["warning", "warning"]);
    expect(warnings.map((d) => d.file.split("/")[0]).sort()).toEqual(["csharp", "go"]);
    for (const d of warnings) expect(readFileSync(join(dir, d.file), "utf8").split("\n")[d.line - 1]?.slice(d.column - 1)).toMatch(/^`[A-Z]/);
    // The human reporter says how to choose.
    expect(run(dir, "generate", "--no-cache").stderr).toMatch(/--property-names .*\[sdk-property-names\]/);
  });

  it("placed at a field of a Fields table, never at an enum's member names", () => {
    const dir = project("go");
    const enumDoc = "# AccessLevel\n\n## Values\n\n| Name | Value |\n| --- | --- |\n| `AccessLevelWrite` | write |\n";
    writeFileSync(join(dir, "go", "aaaaccesslevel.md"), enumDoc);
    const [warning] = count(report(dir, "generate", "go", "--out", "out").json.diagnostics);
    expect(warning?.file).not.toMatch(/aaaaccesslevel/);
    expect(readFileSync(join(dir, warning?.file as string), "utf8").split("\n").slice(0, (warning?.line ?? 1) - 1).some((line) => line.startsWith("## Fields"))).toBe(true);
  });

  it("none once a policy is chosen, in the config or by a flag; none for snake_case or camelCase docs", () => {
    const dir = project("go", "python/petstore");
    expect(count(report(dir, "generate", "go", "--out", "out", "--property-names", "as-documented").json.diagnostics)).toEqual([]);
    writeFileSync(join(dir, "mdtypes.config.json"), JSON.stringify({ input: "go", output: "out", propertyNames: "camelCase" }));
    expect(count(report(dir, "generate").json.diagnostics)).toEqual([]);
    expect(count(report(dir, "generate", "python/petstore", "--out", "py").json.diagnostics)).toEqual([]);
  });
});
