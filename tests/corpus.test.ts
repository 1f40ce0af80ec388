/**
 * Corpus tests: every Python-flavour SDK in ../shared/corpus/speakeasy,
 * through the built CLI, must generate with no error diagnostics, one module
 * per model doc, and output that passes the strict type-check.
 * Skipped (saying why) when ../shared is absent, e.g. on a user's clone.
 */

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../src/diagnostics.js";
import { HAS_CORPUS, ROOT, SPEAKEASY_CORPUS } from "./helpers.js";
import { typecheck } from "./typecheck.js";

/** SDK folders of one language, from the corpus's SOURCES.tsv. */
function sdks(language: string): string[] {
  if (!HAS_CORPUS) return [];
  const rows = readFileSync(join(SPEAKEASY_CORPUS, "SOURCES.tsv"), "utf8").trim().split("\n").slice(1);
  return rows.map((row) => row.split("\t")).filter((cells) => cells[3] === language).map((cells) => cells[0] as string);
}

function listMarkdown(dir: string): string[] {
  const out = spawnSync("find", [dir, "-name", "*.md", "-type", "f"], { encoding: "utf8" });
  return out.stdout.split("\n").filter(Boolean);
}

const python = sdks("python");

describe.skipIf(!HAS_CORPUS)("corpus: Python-flavour Speakeasy SDKs", () => {
  it("finds the Python SDKs", () => {
    expect(python.length).toBeGreaterThanOrEqual(3);
  });

  it.each(python)("%s generates cleanly and type-checks", (sdk) => {
    const input = join(SPEAKEASY_CORPUS, sdk, "docs", "models");
    const out = mkdtempSync(join(tmpdir(), "mdtypes-corpus-"));
    try {
      const run = spawnSync(process.execPath, [join(ROOT, "bin", "mdtypes.js"), "generate", input, "--out", out, "--reporter", "json"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      const { diagnostics } = JSON.parse(run.stdout) as { diagnostics: Diagnostic[] };
      expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);

      // One module per model doc; non-model docs are skipped with an info diagnostic.
      const docs = listMarkdown(input);
      const skipped = new Set(diagnostics.filter((d) => d.ruleId === "not-a-model").map((d) => d.file));
      for (const d of skipped) expect(diagnostics.find((x) => x.file === d && x.ruleId === "not-a-model")?.severity).toBe("info");
      for (const doc of docs) {
        const module = join(out, doc.slice(input.length + 1).replace(/\.md$/, ".ts"));
        expect(existsSync(module), module).toBe(!skipped.has(doc));
      }

      writeFileSync(join(out, "package.json"), '{ "type": "module" }\n');
      const result = typecheck(out);
      expect(result.output).toBe("");
      expect(result.status).toBe(0);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

if (!HAS_CORPUS) {
  describe("corpus", () => {
    it.skip(`skipped: ../shared/corpus/speakeasy is not beside this checkout (looked in ${SPEAKEASY_CORPUS})`, () => {});
  });
}
