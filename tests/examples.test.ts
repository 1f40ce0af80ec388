/**
 * The docs' own examples against their own validators: every `## Example
 * Usage` value of the TypeScript-flavour SDKs in ../shared/corpus, evaluated,
 * sent through JSON as on the wire, and validated with the default options.
 * A validator that rejects what the SDK's own example sends is a bug — but
 * for examples that break their own doc: a required (✔) key left out, or a
 * placeholder (`"<value>"`) where the doc allows only an enum's values.
 * Skipped, saying why, when ../shared is absent.
 */

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { modelIdentifier, modulePaths, schemaName } from "../src/emit/names.js";
import { render } from "../src/recipe.js";
import { resolveOptions, type Options } from "../src/ir/options.js";
import { HAS_CORPUS, SPEAKEASY_CORPUS } from "./helpers.js";
import { exampleValue, oneLeafMutations } from "./differential.js";
import type { StandardSchemaV1 } from "@standard-schema/spec";

const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** The TypeScript-flavour SDKs of the corpus (SOURCES.tsv), and each one's figures, asserted below. */
const EXPECTED: Readonly<Record<string, { readonly examples: number; readonly valid: number; readonly brokenByTheirDoc: number; readonly rejectedAsDocumented: number }>> = {
  // With `nullability: "as-documented"` (the old default), the examples' nulls are rejected: TypeScript docs never say null.
  "dubinc__dub-ts": { examples: 389, valid: 389, brokenByTheirDoc: 0, rejectedAsDocumented: 36 },
};

type Issue = { path: string; expected: string; received: string; message: string };

/** Why an issue may stand: the example breaks its own doc (a ✔ key left out, a placeholder in an enum's place). */
function brokenByTheDoc(issue: Issue): boolean {
  if (/^Missing required property/.test(issue.message)) return true;
  const placeholder = /^"<[^"]*>"$/.test(issue.received);
  const enumOnly = /^(?:"[^"]*"(?: \| "[^"]*")*|[A-Z]\w* \(one of \d+ values\))( \| null)?$/.test(issue.expected);
  return placeholder && enumOnly;
}

const sdks = HAS_CORPUS
  ? readFileSync(join(SPEAKEASY_CORPUS, "SOURCES.tsv"), "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((row) => row.split("\t"))
      .filter((cols) => cols[3] === "typescript")
      .map((cols) => cols[0] as string)
  : [];

if (sdks.length === 0) {
  describe("examples", () => {
    it.skip(`skipped: ../shared/corpus/speakeasy is not beside this checkout (looked in ${SPEAKEASY_CORPUS})`, () => {});
  });
} else {
  describe("the docs' own examples pass their own validators (default options, through JSON)", () => {
    /** Renders the SDK's docs with `options` into a scratch folder; validates each example; counts. */
    async function validateExamples(name: string, options: Partial<Options>) {
      const docs = join(SPEAKEASY_CORPUS, name, "docs", "models");
      const rendered = await render(docs, resolveOptions(options));
      const out = mkdtempSync(join(tmpdir(), "mdtypes-examples-"));
      scratch.push(out);
      for (const file of rendered.files) {
        mkdirSync(dirname(join(out, file.path)), { recursive: true });
        writeFileSync(join(out, file.path), file.content);
      }
      const paths = modulePaths(rendered.program.models.map((m) => m.id)).paths;
      let examples = 0;
      let valid = 0;
      let broken = 0;
      const failures: string[] = [];
      const mismatches: string[] = [];
      let mutations = 0;
      for (const model of rendered.program.models) {
        const example = model.examples.find((e) => e.lang === "typescript" || e.lang === "ts");
        if (!example || /No examples available/.test(example.code)) continue;
        examples++;
        const value = JSON.parse(JSON.stringify(exampleValue(example.code))) as unknown;
        const module = (await import(pathToFileURL(join(out, paths.get(model.id) as string)).href)) as Record<string, (v: unknown) => { ok: boolean; issues?: Issue[] }>;
        const validate = module[`validate${modelIdentifier(model.name)}`] as (v: unknown) => { ok: boolean; issues?: Issue[] };
        const result = validate(value);
        // The Standard Schema gives validateX's verdict and messages, on the example and on each one-leaf mutation of it.
        const schema = module[schemaName(modelIdentifier(model.name))] as unknown as StandardSchemaV1;
        for (const sample of [value, ...oneLeafMutations(value)]) {
          const expected = validate(sample);
          const standard = schema["~standard"].validate(sample) as StandardSchemaV1.Result<unknown>;
          mutations++;
          const same = standard.issues === undefined ? expected.ok : !expected.ok && JSON.stringify(standard.issues.map((i) => i.message)) === JSON.stringify(expected.issues?.map((i) => i.message));
          if (!same) mismatches.push(`${model.id}: ${JSON.stringify(sample).slice(0, 200)}`);
        }
        if (result.ok) valid++;
        else if ((result.issues ?? []).every(brokenByTheDoc)) broken++;
        else failures.push(`${model.id}: ${JSON.stringify(result.issues?.filter((i) => !brokenByTheDoc(i)))}`);
      }
      return { examples, valid, broken, failures, mismatches, mutations };
    }

    it.each(sdks)("%s", async (name) => {
      const lenient = await validateExamples(name, {});
      expect(lenient.failures).toEqual([]);
      expect(lenient.mismatches).toEqual([]);
      expect(lenient.mutations).toBeGreaterThan(lenient.examples * 2);
      const strict = await validateExamples(name, { nullability: "as-documented" });
      expect({ examples: lenient.examples, valid: lenient.valid, brokenByTheirDoc: lenient.broken, rejectedAsDocumented: strict.failures.length }).toEqual(EXPECTED[name]);
    });
  });
}
