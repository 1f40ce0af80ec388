/**
 * Corpus tests of the other generators' docs: every folder of
 * ../shared/corpus/dialects (OpenAPI Generator and swagger-codegen in nine
 * client languages, OpenAPI Generator's JSON-schema docs, APIMatic, liblab,
 * apix, openapi-to-skills), through the built CLI with no config and no
 * flags, must be told apart (its generator and language detected), exit 0,
 * give one module per model doc (the docs that are no models — API docs,
 * READMEs, index pages — skipped with a `not-a-model` info), leave at most
 * 1% of fields `unknown-type`, and type-check under the strict settings.
 * The per-dialect tests (tests/dialects/) assert each tree's exact counts.
 * Skipped, saying why, when ../shared is absent.
 */

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../src/ir/diagnostics.js";
import type { Model } from "../src/ir/ir.js";
import { DIALECTS_CORPUS, HAS_CORPUS, ROOT } from "./helpers.js";
import { typecheck } from "./typecheck.js";


/** What each folder must be read as: the dialect, and the language detection settles. */
const EXPECTED: Readonly<Record<string, { dialect: string; language: string }>> = {
  "dc-api__dc-rest-python": { dialect: "oag", language: "python" },
  "dc-api__dc-rest-go": { dialect: "oag", language: "go" },
  "dc-api__dc-rest-rust": { dialect: "oag", language: "rust" },
  "dc-api__dc-rest-typescript-axios": { dialect: "oag", language: "typescript-axios" },
  "tinyoverflow__discord-php": { dialect: "oag", language: "php" },
  "launchdarkly__api-client-java": { dialect: "oag", language: "java" },
  "testit-tms__api-client-dotnet": { dialect: "oag", language: "csharp" },
  "companybetatel__esim-sdk-kotlin": { dialect: "oag", language: "kotlin" },
  "RustLangLatam__peertube_api_sdk_dart": { dialect: "oag", language: "dart-dio" },
  "flowmo-ai__open_ai_client": { dialect: "oag", language: "ruby" },
  "manyoo__experian-prequal": { dialect: "oag-jsonschema", language: "python" },
  "apix-sh__vault": { dialect: "apix", language: "none" },
  "Yuyz0112__public-api-skills": { dialect: "openapi-to-skills", language: "none" },
  "paypal__PayPal-TypeScript-Server-SDK": { dialect: "apimatic", language: "typescript" },
  "liblaber__pandascore-rest-api-v2.53-typescript-sdk-v1.0.0": { dialect: "liblab", language: "typescript" },
};

/** The folders SOURCES.tsv lists. */
function folders(): string[] {
  if (!HAS_CORPUS || !existsSync(join(DIALECTS_CORPUS, "SOURCES.tsv"))) return [];
  return readFileSync(join(DIALECTS_CORPUS, "SOURCES.tsv"), "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((row) => row.split("\t")[0] ?? "");
}

function listMarkdown(dir: string): string[] {
  const out = spawnSync("find", [dir, "-type", "f", "(", "-name", "*.md", "-o", "-name", "*.mdx", ")"], { encoding: "utf8" });
  return out.stdout.split("\n").filter(Boolean);
}

function cli(args: readonly string[]) {
  return spawnSync(process.execPath, [join(ROOT, "bin", "mdtypes.js"), ...args], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
}

/** How many fields the models have (object fields), from `mdtypes ir`. */
function fieldCount(models: readonly Model[]): number {
  return models.reduce((n, m) => n + (m.kind === "object" ? m.fields.length : 0), 0);
}

const trees = folders();

if (trees.length === 0) {
  describe("corpus: other generators' docs", () => {
    it.skip(`skipped: ../shared/corpus/dialects is not beside this checkout (looked in ${DIALECTS_CORPUS})`, () => {});
  });
} else {
  describe("corpus: other generators' docs, no config, no flags", () => {
    it("SOURCES.tsv lists the fifteen folders this test knows", () => {
      expect([...trees].sort()).toEqual(Object.keys(EXPECTED).sort());
    });

    it.each(trees.map((t) => [t] as const))("%s: detected, generates cleanly, one module per model doc, ≤ 1% unknown types, type-checks", (tree) => {
      const input = join(DIALECTS_CORPUS, tree);
      const out = mkdtempSync(join(tmpdir(), "mdtypes-dialects-"));
      try {
        const run = cli(["generate", input, "--out", out, "--reporter", "json", "--no-cache"]);
        expect(run.stderr).toBe("");
        const report = JSON.parse(run.stdout) as { diagnostics: Diagnostic[]; targets: { dialect: string; language: string }[] };
        expect(report.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        expect(run.status).toBe(0);
        expect({ dialect: report.targets[0]?.dialect, language: report.targets[0]?.language }).toEqual(EXPECTED[tree]);

        // One module per model doc; the docs that are no models are skipped with an info, and nothing else is.
        const skipped = new Set(report.diagnostics.filter((d) => d.ruleId === "not-a-model").map((d) => d.file));
        for (const d of report.diagnostics.filter((x) => x.ruleId === "not-a-model")) expect(d.severity).toBe("info");
        const docs = listMarkdown(input);
        for (const doc of docs) {
          const module = join(out, doc.slice(input.length + 1).replace(/\.mdx?$/, "").replace(/(^|\/)(index)$/i, "$1$2_") + ".ts");
          expect(existsSync(module), module).toBe(!skipped.has(doc));
        }
        expect(docs.length - skipped.size).toBeGreaterThan(0);

        // At most 1% of fields of an unknown type (types the docs write that mdtypes could not read).
        const ir = cli(["ir", input]);
        expect(ir.status).toBe(0);
        const models = (JSON.parse(ir.stdout) as { models: Model[] }).models;
        const unknown = report.diagnostics.filter((d) => d.ruleId === "unknown-type").length;
        expect(unknown / Math.max(1, fieldCount(models))).toBeLessThanOrEqual(0.01);

        writeFileSync(join(out, "package.json"), '{ "type": "module" }\n');
        const result = typecheck(out);
        expect(result.output).toBe("");
        expect(result.status).toBe(0);
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    });
  });
}
