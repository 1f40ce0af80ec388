/**
 * Golden fixtures: `fixtures/` rendered in memory must equal the committed
 * `generated/` byte for byte, and each fixture case's diagnostics must equal
 * its `expected-diagnostics.txt`. Cases under `fixtures/invalid/` have error
 * diagnostics: each is run on its own and must write nothing.
 *
 * `npm run test:update` rewrites the goldens (never done silently in CI).
 */

import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, existsSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../src/diagnostics.js";
import { generate, render } from "../src/generate.js";
import { loadConfig, resolveOptions } from "../src/options.js";
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
function diagnosticLines(diagnostics: readonly Diagnostic[], caseDir: string): string[] {
  return diagnostics.map((d) => `${relative(caseDir, d.file).split("\\").join("/")}:${d.line}:${d.column} ${d.severity} ${d.ruleId}`);
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
const options = resolveOptions(config);
const valid = await render(FIXTURES, options);
const cases = readdirSync(FIXTURES).filter((name) => name !== "invalid" && statSync(join(FIXTURES, name)).isDirectory());

describe("golden: fixtures → generated/", () => {
  if (UPDATE) {
    rmSync(GENERATED, { recursive: true, force: true });
    for (const file of valid.files) {
      mkdirSync(dirname(join(GENERATED, file.path)), { recursive: true });
      writeFileSync(join(GENERATED, file.path), file.content);
    }
  }

  it("mdtypes.config.json points fixtures/ at generated/", () => {
    expect(config).toMatchObject({ input: "fixtures", output: "generated" });
  });

  it("generated/ holds exactly the rendered files", () => {
    expect(listFiles(GENERATED).sort()).toEqual(valid.files.map((f) => f.path));
  });

  it.each(valid.files.map((f) => [f.path, f.content] as const))("generated/%s is up to date", (path, content) => {
    expect(readFileSync(join(GENERATED, path), "utf8")).toBe(content);
  });

  it.each(cases)("fixtures/%s has the expected diagnostics", (name) => {
    const caseDir = join(FIXTURES, name);
    const actual = diagnosticLines(valid.diagnostics.filter((d) => d.file.startsWith(`${caseDir}/`)), caseDir);
    expect(actual).toEqual(expectedLines(caseDir, actual));
  });

  it("has no error diagnostics", () => {
    expect(valid.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});

const invalidDir = join(FIXTURES, "invalid");
const invalidCases = readdirSync(invalidDir);

describe("golden: fixtures/invalid", () => {
  it.each(invalidCases)("%s reports its errors and writes nothing", async (name) => {
    const caseDir = join(invalidDir, name);
    const out = mkdtempSync(join(tmpdir(), "mdtypes-invalid-"));
    try {
      const result = await generate(caseDir, out, options);
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
