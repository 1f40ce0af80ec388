/**
 * The APIMatic dialect (grammar §C): reading model docs in each SDK
 * language's notation, detection with no config, and the PayPal TypeScript
 * corpus through the CLI with no config and no flags.
 */

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { detectDialect } from "../../src/dialects/detect.js";
import { apimatic } from "../../src/dialects/apimatic/index.js";
import { parseType } from "../../src/dialects/apimatic/type-syntax.js";
import type { Diagnostic } from "../../src/ir/diagnostics.js";
import type { Field, Model, ObjectModel } from "../../src/ir/ir.js";
import { DEFAULT_OPTIONS, type Options } from "../../src/ir/options.js";
import { readDoc } from "../../src/recipe.js";
import { HAS_CORPUS, ROOT, SHARED, ruleIds } from "../helpers.js";
import { typecheck } from "../typecheck.js";

const FIXTURES = join(ROOT, "fixtures", "dialects", "apimatic");

function read(source: string, language: string, options: Partial<Options> = {}, id = "doc/models/doc.md") {
  const result = readDoc(id, source, { ...DEFAULT_OPTIONS, dialect: "apimatic", settled: { language }, ...options });
  return { models: result.models, model: result.models[0], diagnostics: result.diagnostics };
}

function fields(model: Model | undefined): Record<string, Field> {
  expect(model?.kind).toBe("object");
  return Object.fromEntries((model as ObjectModel).fields.map((f) => [f.name, f]));
}

const structure = (rows: string, intro = "", header = "| Name | Type | Tags | Description |\n|  --- | --- | --- | --- |") =>
  `\n# Line Item\n\n${intro}## Structure\n\n\`LineItem\`\n\n## Fields\n\n${header}\n${rows}\n`;

function listDocs(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listDocs(path) : /\.mdx?$/.test(name) ? [path] : [];
  });
}

describe("apimatic: TypeScript docs", () => {
  it("under camelCase or snake_case, a field the JSON example spells takes its spelling (where the digits go is not the policy's to know)", () => {
    const doc = `${structure("| `addressLine1` | `string \\| undefined` | Optional | Line 1 |\n| `countryCode` | `string` | Required | Country |")}\n## Example (as JSON)\n\n\`\`\`json\n{\n  "address_line_1": "1 Main St",\n  "country_code": "US"\n}\n\`\`\`\n`;
    expect(Object.keys(fields(read(doc, "typescript", { propertyNames: "snake_case" }).model))).toEqual(["address_line_1", "country_code"]);
    expect(fields(read(doc, "typescript", { propertyNames: "snake_case" }).model).address_line_1?.sdkName).toBe("addressLine1");
    // Without the example, the policy's own rule: digits stay with their word.
    expect(Object.keys(fields(read(doc.replace(/## Example[\s\S]*$/, ""), "typescript", { propertyNames: "snake_case" }).model))).toEqual(["address_line1", "country_code"]);
    // `auto` keeps the documented names; an example in another case is no spelling for camelCase.
    expect(Object.keys(fields(read(doc, "typescript").model))).toEqual(["addressLine1", "countryCode"]);
    expect(Object.keys(fields(read(doc, "typescript", { propertyNames: "camelCase" }).model))).toEqual(["addressLine1", "countryCode"]);
  });

  it("names the model by its class, not the humanized H1, and reads presence, null, containers and links", () => {
    const { model, diagnostics } = read(
      structure(
        [
          "| `name` | `string` | Required | The name.<br><br>**Constraints**: *Maximum Length*: `127` |",
          "| `unitAmount` | [`Money \\| undefined`](../../doc/models/money.md) | Optional | The price. |",
          "| `items` | [`LineItem[] \\| undefined`](../../doc/models/line-item.md) | Optional | Children. |",
          "| `note` | `string \\| null \\| undefined` | Optional | A note. |",
          "| `meta` | `Record<string, unknown> \\| undefined` | Optional | - |",
          "| `big` | `bigint` | Required, Read-only | - |",
        ].join("\n"),
      ),
      "typescript",
    );
    expect(ruleIds(diagnostics)).toEqual([]);
    expect(model?.name).toBe("LineItem");
    const f = fields(model);
    expect(f.name).toMatchObject({ type: { kind: "string" }, required: true, description: "The name.\n\n**Constraints**: *Maximum Length*: `127`" });
    expect(f.unitAmount).toMatchObject({ type: { kind: "ref", target: "doc/models/money.md", text: { name: "Money" }, hint: true }, required: false });
    expect(f.items?.type).toEqual({ kind: "array", items: { kind: "ref", target: "doc/models/line-item.md", text: { name: "LineItem" }, hint: true } });
    expect(f.note?.type).toEqual({ kind: "nullable", type: { kind: "string" } });
    expect(f.meta?.type).toEqual({ kind: "record", values: { kind: "unknown", reason: "any" } });
    expect(f.big).toMatchObject({ type: { kind: "integer" }, required: true });
  });

  it("reads a Constant with a Default as its literal, and reports Tags it cannot read and optional types on Required fields", () => {
    const { model, diagnostics } = read(
      structure(
        [
          "| `kind` | `string` | Required, Constant | The kind.<br><br>**Default**: `'apple_pay'` |",
          "| `odd` | `string` | Sometimes | - |",
          "| `both` | `string \\| undefined` | Required | - |",
        ].join("\n"),
      ),
      "typescript",
    );
    expect(fields(model).kind?.type).toEqual({ kind: "literal", value: "apple_pay" });
    expect(fields(model).odd?.required).toBe(true);
    expect(ruleIds(diagnostics)).toEqual(["malformed-row@13:22", "inconsistent-presence@14:12"]);
  });

  it("lists constant names only for enums: a `string` with `enum-values-lost`, the names kept in the description", () => {
    const { model, diagnostics } = read("\n# Upc Type\n\n## Enumeration\n\n`UpcType`\n\n## Fields\n\n| Name |\n|  --- |\n| `UpcA` |\n| `UpcE` |\n", "typescript");
    expect(ruleIds(diagnostics)).toEqual(["enum-values-lost@10:1"]);
    expect(model).toMatchObject({ kind: "union", name: "UpcType", members: [{ type: { kind: "string" } }] });
    expect(model?.description).toContain("`UpcA`");
  });

  it("reads `## Class Name` + `## Cases` as a union of the Type cells, ignoring the per-case sections", () => {
    const doc = "\n# Source\n\n## Class Name\n\n`Source`\n\n## Cases\n\n| Type | Factory Method |\n|  --- | --- |\n| [`Card`](../../../doc/models/card.md) | Source.fromCard(Card card) |\n| `number[]` | Source.fromArray(number[] arr) |\n\n## Card\n\n### Initialization Code\n";
    const { model, diagnostics } = read(doc, "typescript", {}, "doc/models/containers/source.md");
    expect(ruleIds(diagnostics)).toEqual([]);
    expect(model).toMatchObject({ kind: "union", name: "Source" });
    expect(model?.kind === "union" && model.members.map((m) => m.type)).toEqual([
      { kind: "ref", target: "doc/models/card.md", text: { name: "Card" }, hint: true },
      { kind: "array", items: { kind: "number" } },
    ]);
  });

  it("skips controller docs (`## Class Name` + `## Methods`) and support pages with `not-a-model`", () => {
    expect(ruleIds(read("# Orders\n\n## Class Name\n\n`OrdersController`\n\n## Methods\n\n* [Get](#get)\n", "typescript").diagnostics)).toEqual(["not-a-model@1:1"]);
    expect(ruleIds(read("\n# ApiError\n\n## Properties\n\n| Name | Type | Description |\n|  --- | --- | --- |\n| statusCode | `number` | - |\n", "typescript").diagnostics)).toEqual(["not-a-model@2:1"]);
  });

  it("reports a malformed table and an unreadable type, never throws", () => {
    expect(ruleIds(read(structure("| `a` | `string` |", "", "| Name | Type |\n|  --- | --- |"), "typescript").diagnostics)).toEqual(["malformed-table@10:1"]);
    const { model, diagnostics } = read(structure("| `a` | `Map<<string` | Optional | - |"), "typescript");
    expect(ruleIds(diagnostics)).toEqual(["unknown-type@12:9"]);
    expect(fields(model).a?.type).toMatchObject({ kind: "unknown", reason: "unparsed" });
  });
});

describe("apimatic: Python, Java and Go docs", () => {
  it("Python: `List[T]`, `Dict[str, T]`, dates; null never shown, so `lenient` allows it (and `as-documented` does not)", () => {
    const doc = structure(["| `lines` | [`List[Money]`](../../doc/models/money.md) | Optional | - |", "| `totals` | `Dict[str, int]` | Required | - |", "| `at` | `datetime` | Optional | - |"].join("\n"));
    const lenient = fields(read(doc, "python").model);
    expect(lenient.lines?.type).toEqual({ kind: "nullable", type: { kind: "array", items: { kind: "ref", target: "doc/models/money.md", text: { name: "Money" }, hint: true } } });
    expect(lenient.totals?.type).toEqual({ kind: "nullable", type: { kind: "record", values: { kind: "integer" } } });
    expect(fields(read(doc, "python", { nullability: "as-documented" }).model).at?.type).toEqual({ kind: "string", format: "date-time" });
  });

  it("Java: reads past the Getter and Setter columns", () => {
    const doc = structure("| `Lines` | [`List<Money>`](../../doc/models/money.md) | Optional | - | List<Money> getLines() | setLines(List<Money> lines) |\n| `Count` | `Long` | Required | - | Long getCount() | setCount(Long count) |", "", "| Name | Type | Tags | Description | Getter | Setter |\n|  --- | --- | --- | --- | --- | --- |");
    const f = fields(read(doc, "java", { nullability: "as-documented" }).model);
    expect(f.Lines).toMatchObject({ type: { kind: "array", items: { kind: "ref", target: "doc/models/money.md" } }, required: false });
    expect(f.Count).toMatchObject({ type: { kind: "integer" }, required: true });
  });

  it("Go: pointers, `models.Optional[T]` as nullable, `[]T`, `map[string]T`, `uuid.UUID`, `interface{}`, and extra keys", () => {
    const doc = structure(
      [
        "| `Mac` | `*string` | Optional | - |",
        "| `Group` | `models.Optional[int]` | Optional | - |",
        "| `Ids` | `[]uuid.UUID` | Optional | - |",
        "| `Mesh` | [`map[string]models.ApMesh`](../../doc/models/ap-mesh.md) | Optional | - |",
        "| `Raw` | `interface{}` | Optional | - |",
        "| `AdditionalProperties` | `map[string]interface{}` | Optional | - |",
      ].join("\n"),
      "*This model accepts additional fields of type interface{}.*\n\n",
    );
    const { model } = read(doc, "go");
    const f = fields(model);
    expect(f.Mac?.type).toEqual({ kind: "string" });
    expect(f.Group?.type).toEqual({ kind: "nullable", type: { kind: "integer" } });
    expect(f.Ids?.type).toEqual({ kind: "array", items: { kind: "string" } });
    expect(f.Mesh?.type).toEqual({ kind: "record", values: { kind: "ref", target: "doc/models/ap-mesh.md", text: { name: "ApMesh" }, hint: true } });
    expect(f.Raw?.type).toEqual({ kind: "unknown", reason: "any" });
    expect(f.AdditionalProperties).toBeUndefined();
    expect(model?.kind === "object" && model.additionalProperties).toEqual({ kind: "unknown", reason: "any" });
  });

  it("Go: enums list the wire values (integers when every one is)", () => {
    const enumDoc = (rows: string) => `\n# Band Enum\n\n## Enumeration\n\n\`BandEnum\`\n\n## Fields\n\n| Name |\n|  --- |\n${rows}\n`;
    expect(read(enumDoc("| `24` |\n| `24,5` |"), "go").model).toMatchObject({ kind: "enum", base: "string", values: [{ value: "24" }, { value: "24,5" }], open: false });
    expect(read(enumDoc("| `20` |\n| `40` |"), "go").model).toMatchObject({ kind: "enum", base: "integer", values: [{ value: 20 }, { value: 40 }] });
  });

  it("parses every language's type syntax", () => {
    for (const text of ["Money[] | undefined", "List[Dict[str, int]]", "Map<String, List<Money>>", "map[string][]*models.X", "models.Optional[[]string]", "interface{}"]) expect(parseType(text), text).toBeDefined();
    expect(parseType("List[")).toBeUndefined();
  });
});

describe("apimatic: detection and tree-level diagnostics", () => {
  const trees = readdirSync(FIXTURES);

  it.each(trees)("fixtures/dialects/apimatic/%s is read as APIMatic in its language, with no config", (tree) => {
    const docs = listDocs(join(FIXTURES, tree)).map((path) => ({ id: path.slice(join(FIXTURES, tree).length + 1), source: readFileSync(path, "utf8") }));
    expect(detectDialect(docs).dialect.id).toBe("apimatic");
    const prepared = apimatic.prepare(docs, DEFAULT_OPTIONS);
    expect(prepared.options.settled?.language).toBe(tree);
    expect(prepared.diagnostics.map((d) => d.ruleId).sort()).toEqual(["dialect-limits", "sdk-property-names"]);
  });

  it("claims no other fixture", () => {
    const others = listDocs(join(ROOT, "fixtures")).filter((path) => !path.startsWith(`${FIXTURES}/`));
    expect(others.length).toBeGreaterThan(0);
    expect(others.filter((path) => apimatic.recognizes(readFileSync(path, "utf8"), path))).toEqual([]);
  });

  it("tells the language from its model docs only: a README's code samples do not vote", () => {
    const docs = listDocs(join(FIXTURES, "typescript")).map((path) => ({ id: path, source: readFileSync(path, "utf8") }));
    const readme = { id: "README.md", source: "# SDK\n\n```python\nfrom sdk import Client\nx: str = `str`\n```\n\n`str` `float` `List[int]` `Dict[str, int]`\n" };
    expect(apimatic.prepare([...docs, readme, readme], DEFAULT_OPTIONS).options.settled?.language).toBe("typescript");
  });

  it("says nothing of property names once a policy is chosen", () => {
    const docs = listDocs(join(FIXTURES, "typescript")).map((path) => ({ id: path, source: readFileSync(path, "utf8") }));
    expect(apimatic.prepare(docs, { ...DEFAULT_OPTIONS, propertyNames: "snake_case" }).diagnostics.map((d) => d.ruleId)).toEqual(["dialect-limits"]);
  });
});

const CORPUS = `${SHARED}corpus/dialects/paypal__PayPal-TypeScript-Server-SDK`;

describe("apimatic: corpus", () => {
  if (!HAS_CORPUS || !existsSync(CORPUS)) {
    it.skip(`skipped: the shared corpus is not beside this checkout (looked for ${CORPUS})`, () => {});
    return;
  }
  it("paypal__PayPal-TypeScript-Server-SDK: no config, no flags → 370 docs, 370 models (282 objects, 88 enums as `string`), nothing skipped, no unknown types, type-checks", () => {
    const out = mkdtempSync(join(tmpdir(), "mdtypes-apimatic-"));
    try {
      const run = spawnSync(process.execPath, [join(ROOT, "bin", "mdtypes.js"), "generate", CORPUS, "--out", out, "--reporter", "json", "--no-cache"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      const report = JSON.parse(run.stdout) as { diagnostics: Diagnostic[]; targets: { dialect: string; language: string }[] };
      expect({ dialect: report.targets[0]?.dialect, language: report.targets[0]?.language }).toEqual({ dialect: "apimatic", language: "typescript" });
      const counts: Record<string, number> = {};
      for (const d of report.diagnostics) counts[d.ruleId] = (counts[d.ruleId] ?? 0) + 1;
      expect(counts).toEqual({ "dialect-limits": 1, "sdk-property-names": 1, "enum-values-lost": 88 });
      const docs = listDocs(CORPUS);
      expect(docs.length).toBe(370);
      for (const doc of docs) expect(existsSync(join(out, `${doc.slice(CORPUS.length + 1).replace(/\.md$/, "")}.ts`)), doc).toBe(true);
      writeFileSync(join(out, "package.json"), '{ "type": "module" }\n');
      const result = typecheck(out);
      expect(result.output).toBe("");
      expect(result.status).toBe(0);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
