/**
 * Golden fixtures: each target of mdtypes.config.json (`fixtures/<flavour>`)
 * rendered in memory must equal the committed `generated/<flavour>` byte for
 * byte, and each fixture case's diagnostics (a case is a folder directly
 * under a target's input) must equal its `expected-diagnostics.txt`. Cases
 * under `fixtures/invalid/` have error diagnostics: each is run on its own
 * and must write nothing.
 *
 * `npm run test:update` rewrites the goldens (never done silently in CI).
 */

import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, existsSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../src/ir/diagnostics.js";
import { render } from "../src/recipe.js";
import { generate } from "../src/run.js";
import { resolveOptions } from "../src/ir/options.js";
import { loadConfig, resolveTargets } from "../src/io/config.js";
import { ROOT } from "./helpers.js";

const UPDATE = process.env.MDTYPES_UPDATE_GOLDEN === "1";
const FIXTURES = join(ROOT, "fixtures");
const GENERATED = join(ROOT, "generated");
const EXPECTED = "expected-diagnostics.txt";

function listFiles(dir: string, base = dir): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path, base) : [relative(base, path).split("\\").join("/")];
  });
}

/** `file:line:column severity rule-id`, file relative to the case folder: what a case expects. */
function diagnosticLines(diagnostics: readonly Diagnostic[], caseDir: string, base = ""): string[] {
  return diagnostics.map((d) => `${relative(caseDir, resolve(base, d.file)).split("\\").join("/")}:${d.line}:${d.column} ${d.severity} ${d.ruleId}`);
}

function expectedLines(caseDir: string, actual: string[]): string[] {
  const path = join(caseDir, EXPECTED);
  if (UPDATE) {
    if (actual.length > 0) writeFileSync(path, `${actual.join("\n")}\n`);
    else rmSync(path, { force: true });
  }
  return existsSync(path) ? readFileSync(path, "utf8").split("\n").filter(Boolean) : [];
}

const config = await loadConfig(ROOT);
const targets = resolveTargets(config, {});
/** The targets beyond the ts target with built-in templates (last in the config): their docs are the flavour and dialect trees' again. */
const OTHER_TARGETS = targets.filter((t) => t.options.target !== "ts" || t.options.templates !== undefined || t.options.singleFile !== undefined);
const rendered = await Promise.all(targets.map(async (target) => ({ target, result: await render(join(ROOT, target.input), target.options) })));
/** Every generated file, as a path under the repository root. */
const expectedFiles = rendered.flatMap(({ target, result }) => result.files.map((f) => ({ path: `${target.output}/${f.path}`, content: f.content })));

describe("golden: fixtures → generated/", () => {
  if (UPDATE) {
    rmSync(GENERATED, { recursive: true, force: true });
    for (const file of expectedFiles) {
      mkdirSync(dirname(join(ROOT, file.path)), { recursive: true });
      writeFileSync(join(ROOT, file.path), file.content);
    }
  }

  it("mdtypes.config.json has one target per flavour (fixtures/<flavour> → generated/<flavour>), one with every non-default option, then one per tree of the other dialects (fixtures/dialects/… → generated/dialects/…), read with no dialect option, then the other targets and templates (→ generated/<target>/… or generated/templates/…)", () => {
    expect(targets.slice(0, 8).map((t) => [t.input, t.output])).toEqual(["python", "typescript", "go", "java", "csharp", "php", "ruby", "strict"].map((f) => [`fixtures/${f}`, `generated/${f}`]));
    expect(targets[7]?.options).toMatchObject({ unknownKeys: "reject", nullability: "as-documented", propertyNames: "camelCase" });
    const dialectTargets = targets.slice(8, targets.length - OTHER_TARGETS.length);
    expect(dialectTargets.length).toBeGreaterThan(0);
    for (const t of OTHER_TARGETS) expect(t.output).toMatch(t.options.singleFile !== undefined ? /^generated\/single$/ : t.options.templates === undefined ? new RegExp(`^generated/${t.options.target}/`) : /^generated\/templates\//);
    expect(targets.slice(targets.length - OTHER_TARGETS.length)).toEqual(OTHER_TARGETS);
    expect(OTHER_TARGETS.map((t) => t.options.target)).toEqual(expect.arrayContaining(["ts"]));
    for (const t of dialectTargets) {
      expect(t.input).toMatch(/^fixtures\/dialects\//);
      expect(t.output).toBe(t.input.replace(/^fixtures\//, "generated/"));
      expect(t.options.dialect).toBe("auto");
    }
  });

  it("the other targets' trees render fixtures/… into generated/<target>/…", () => {
    const others = targets.filter((t) => t.options.target !== "ts");
    expect(others.length).toBeGreaterThan(0);
    for (const t of others) expect(t.output).toBe(t.input.replace(/^fixtures\//, `generated/${t.options.target}/`));
  });

  it("each tree of another dialect is detected as the dialect its folder names", () => {
    for (const { target, result } of rendered.slice(8, rendered.length - OTHER_TARGETS.length)) expect(result.options.dialect, target.name).toBe(target.input.split("/")[2]?.replace(/^oag-(?!jsonschema).*/, "oag"));
  });

  it("generated/ holds exactly the rendered files", () => {
    expect(listFiles(GENERATED).map((p) => `generated/${p}`).sort()).toEqual(expectedFiles.map((f) => f.path).sort());
  });

  it.each(expectedFiles.map((f) => [f.path, f.content] as const))("%s is up to date", (path, content) => {
    expect(readFileSync(join(ROOT, path), "utf8")).toBe(content);
  });

  const cases = rendered.slice(0, rendered.length - OTHER_TARGETS.length).flatMap(({ target, result }) =>
    readdirSync(join(ROOT, target.input))
      .filter((name) => statSync(join(ROOT, target.input, name)).isDirectory())
      .map((name) => [`${target.input}/${name}`, result.diagnostics] as const),
  );
  it.each(cases)("%s has the expected diagnostics", (caseDir, diagnostics) => {
    const dir = join(ROOT, caseDir);
    const actual = diagnosticLines(diagnostics.filter((d) => resolve(ROOT, d.file).startsWith(`${dir}/`)), dir, ROOT);
    expect(actual).toEqual(expectedLines(dir, actual));
  });

  it("has no error diagnostics", () => {
    expect(rendered.flatMap(({ result }) => result.diagnostics.filter((d) => d.severity === "error"))).toEqual([]);
  });

  it("each fixture tree is read as its own flavour", () => {
    for (const { target, result } of rendered) expect(result.diagnostics.filter((d) => d.ruleId === "unknown-flavour" || d.ruleId === "mixed-flavours"), target.name).toEqual([]);
  });
});

const invalidDir = join(FIXTURES, "invalid");
const invalidCases = readdirSync(invalidDir);

describe("golden: fixtures/invalid", () => {
  it.each(invalidCases)("%s reports its errors and writes nothing", async (name) => {
    const caseDir = join(invalidDir, name);
    const out = mkdtempSync(join(tmpdir(), "mdtypes-invalid-"));
    try {
      const result = await generate(caseDir, out, resolveOptions(config));
      const actual = diagnosticLines(result.diagnostics, caseDir);
      expect(actual).toEqual(expectedLines(caseDir, actual));
      expect(actual.some((line) => line.includes(" error "))).toBe(true);
      expect(result.written).toBeUndefined();
      expect(readdirSync(out)).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
