/**
 * Corpus tests: every SDK in ../shared/corpus/speakeasy (nine, seven
 * languages), through the built CLI, must exit 0, be read as its own
 * language, give exactly the diagnostics counted below (no error, no
 * `unknown-type`: only SDK runtime types and skipped non-model files, as
 * infos) and one module per model doc, type-check under the strict
 * settings, and write the bytes recorded in the snapshot (a SHA-256 of every
 * file's path and content: a change that means to change the output updates
 * it with `npx vitest run tests/corpus.test.ts -u`). Skipped, saying why,
 * when ../shared is absent.
 */

import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../src/ir/diagnostics.js";
import { HAS_CORPUS, ROOT, SPEAKEASY_CORPUS } from "./helpers.js";
import { typecheck } from "./typecheck.js";

/** The corpus's SDKs (SOURCES.tsv), each with its language and its docs folder. */
export function corpusSdks(): { name: string; language: string; docs: string }[] {
  if (!HAS_CORPUS) return [];
  const rows = readFileSync(join(SPEAKEASY_CORPUS, "SOURCES.tsv"), "utf8").trim().split("\n").slice(1);
  return rows.map((row) => {
    const [name = "", , , language = ""] = row.split("\t");
    const docsRoot = join(SPEAKEASY_CORPUS, name, "docs");
    const folder = readdirSync(docsRoot).find((entry) => entry.toLowerCase() === "models") ?? "models";
    return { name, language, docs: join(docsRoot, folder) };
  });
}

/** The files under `dir` (paths relative to it, `/`-separated, sorted) and one SHA-256 of every path and content, in that order. */
function treeHash(dir: string): { files: number; sha256: string } {
  const paths = (readdirSync(dir, { recursive: true, withFileTypes: true }) as import("node:fs").Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1).split("\\").join("/"))
    .sort();
  const hash = createHash("sha256");
  for (const path of paths) {
    const bytes = readFileSync(join(dir, path));
    hash.update(`${path}\0${bytes.length}\0`).update(bytes);
  }
  return { files: paths.length, sha256: hash.digest("hex") };
}

function listMarkdown(dir: string): string[] {
  const out = spawnSync("find", [dir, "-type", "f", "(", "-name", "*.md", "-o", "-name", "*.mdx", ")"], { encoding: "utf8" });
  return out.stdout.split("\n").filter(Boolean);
}

/**
 * Every diagnostic each SDK gives, by `rule=severity`: SDK runtime types
 * (`httpx.Response`, `HttpResponse<InputStream>`, …) and the settings pages
 * that are no model docs. Anything else — an `unknown-type` above all — is a
 * construct real SDKs write that mdtypes failed to read.
 */
const EXPECTED_DIAGNOSTICS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  "ryan-blunden__discord-python-sdk": { "not-a-model=info": 1 },
  "polarsource__polar-python": { "not-a-model=info": 1 },
  "dubinc__dub-ts": {},
  // Go and C# docs name fields in PascalCase: one warning per tree says so (propertyNames is not set).
  "dubinc__dub-go": { "not-a-model=info": 1, "sdk-property-names=warning": 1 },
  "dubinc__dub-php": { "external-type=info": 53 },
  "dubinc__dub-ruby": {},
  "LukeHagar__plexjava": { "external-type=info": 262 },
  "LukeHagar__plexcsharp": { "external-type=info": 247, "sdk-property-names=warning": 1 },
  "speakeasy-sdks__cribl-python": { "external-type=info": 302 },
};

function countRules(diagnostics: readonly Diagnostic[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const d of diagnostics) counts[`${d.ruleId}=${d.severity}`] = (counts[`${d.ruleId}=${d.severity}`] ?? 0) + 1;
  return counts;
}

const sdks = corpusSdks();

if (!HAS_CORPUS) {
  describe("corpus", () => {
    it.skip(`skipped: ../shared/corpus/speakeasy is not beside this checkout (looked in ${SPEAKEASY_CORPUS})`, () => {});
  });
} else {
  describe("corpus: every Speakeasy SDK", () => {
    it("covers nine SDKs in seven languages", () => {
      expect(sdks).toHaveLength(9);
      expect(new Set(sdks.map((s) => s.language)).size).toBe(7);
    });

    it.each(sdks.map((s) => [s.name, s] as const))("%s: read as its language, generates cleanly, type-checks, the bytes recorded", (_name, sdk) => {
      const out = mkdtempSync(join(tmpdir(), "mdtypes-corpus-"));
      try {
        const run = spawnSync(process.execPath, [join(ROOT, "bin", "mdtypes.js"), "generate", sdk.docs, "--out", out, "--reporter", "json", "--no-cache"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
        expect(run.stderr).toBe("");
        expect(run.status).toBe(0);
        const report = JSON.parse(run.stdout) as { diagnostics: Diagnostic[]; targets: { flavour: string }[] };
        expect(report.targets[0]?.flavour).toBe(sdk.language);
        expect(report.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        expect(report.diagnostics.filter((d) => d.ruleId === "unknown-type")).toEqual([]);
        expect(countRules(report.diagnostics)).toEqual(EXPECTED_DIAGNOSTICS[sdk.name]);

        // One module per model doc; non-model docs are skipped with an info diagnostic.
        const skipped = new Set(report.diagnostics.filter((d) => d.ruleId === "not-a-model").map((d) => d.file));
        for (const d of report.diagnostics.filter((x) => x.ruleId === "not-a-model")) expect(d.severity).toBe("info");
        for (const doc of listMarkdown(sdk.docs)) {
          // `index.ts` is each folder's barrel: a doc named `index` (plexjava's `operations/Index.md`) gets a `_`.
          const module = join(out, doc.slice(sdk.docs.length + 1).replace(/\.mdx?$/, "").replace(/(^|\/)(index)$/i, "$1$2_") + ".ts");
          expect(existsSync(module), module).toBe(!skipped.has(doc));
        }

        // The output's bytes: unchanged unless a change means to change them (then `-u`, see above).
        expect(treeHash(out), "the output's bytes changed").toMatchSnapshot();

        writeFileSync(join(out, "package.json"), '{ "type": "module" }\n');
        const result = typecheck(out);
        expect(result.output).toBe("");
        expect(result.status).toBe(0);
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    });

    it("a tree holding two SDKs' docs is reported as mixed", async () => {
      const { render } = await import("../src/recipe.js");
      const { resolveOptions } = await import("../src/ir/options.js");
      const both = mkdtempSync(join(tmpdir(), "mdtypes-mixed-"));
      try {
        const [py, ts] = [sdks.find((s) => s.language === "python"), sdks.find((s) => s.language === "typescript")];
        if (!py || !ts) throw new Error("corpus lacks a Python or TypeScript SDK");
        spawnSync("cp", ["-r", py.docs, join(both, "py")]);
        spawnSync("cp", ["-r", ts.docs, join(both, "ts")]);
        const result = await render(both, resolveOptions());
        expect(result.diagnostics.filter((d) => d.ruleId === "mixed-flavours").map((d) => d.severity)).toEqual(["error"]);
      } finally {
        rmSync(both, { recursive: true, force: true });
      }
    });
  });
}
